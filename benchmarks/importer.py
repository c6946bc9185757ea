"""The import and audit benchmark: `python -m benchmarks.importer`.

On the fixtures of tests/importer/ (fictionalised raw texts of the five seed notices and three notices written in
their styles: Swedish web page, English Markdown, Finnish labelled text), reports:
- facts: the share of the listed key facts (controller, Y-tunnus, contacts, periods…) imported exactly right;
- as-is: the share of the hand-written as-is YAML's values found in the same place of the imported YAML (a text
  counts when at least 80 % of its words are in one imported text at that place; lists and numbers exactly);
- gaps: the audit's rule ids against each fixture's known gaps (an expert's review mapped to rule ids): precision
  and recall, per fixture and pooled; and against the checker's findings on the hand-written as-is YAML (which
  isolates the importer from the rules' own coverage);
- time: the whole-process time of `seloste audit` on one notice (median of runs, process start included).

And on renderings of the two-column Art 30 form (seed003) as a Word file and as PDFs (tests/importer/renderings.py:
ruled like a Word export, without rules, and on A5 over three pages), its facts and as-is values as above, kept
apart from the figures of the fixtures themselves.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "importer" / "fixtures"
EXPECTED = ROOT / "tests" / "importer" / "expected.yaml"
SKIP_KEYS = {"id", "schema_version", "categories", "$schema"}


def load_expected() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(EXPECTED.read_text(encoding="utf-8"))
    return data


def get(data: Any, dotted: str) -> Any:
    node = data
    for part in dotted.split("."):
        if isinstance(node, list) and re.fullmatch(r"-?\d+", part):
            index = int(part)
            if not -len(node) <= index < len(node):
                return None
            node = node[index]
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node


def leaves(data: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """(path without list indices, value) of every scalar and every list of scalars."""
    if isinstance(data, dict):
        out = []
        for key, value in data.items():
            if key not in SKIP_KEYS:
                out.extend(leaves(value, (*path, str(key))))
        return out
    if isinstance(data, list):
        if all(not isinstance(v, dict | list) for v in data):
            return [(path, tuple(str(v) for v in data))] if data else [(path, ())]
        return [leaf for item in data for leaf in leaves(item, path)]
    return [(path, data)]


def words(text: Any) -> set[str]:
    return set(re.findall(r"\w+", str(text).lower()))


def found(expected: Any, candidates: list[Any]) -> bool:
    for value in candidates:
        if isinstance(expected, tuple):
            if isinstance(value, tuple) and (set(expected) <= set(value) or (not expected and not value)):
                return True
            continue
        if isinstance(expected, bool | int) or expected is None:
            if value == expected:
                return True
            continue
        want = words(expected)
        if want and len(want & words(value)) >= 0.8 * len(want):
            return True
        if str(expected).strip().lower() == str(value).strip().lower():
            return True
    return False


def as_is_score(expected: dict[str, Any], imported: dict[str, Any]) -> tuple[int, int]:
    got: dict[tuple[str, ...], list[Any]] = {}
    for path, value in leaves(imported):
        got.setdefault(path, []).append(value)
    # a text list item may match any item of a list at the same place
    flat: dict[tuple[str, ...], list[Any]] = {p: [*vs, *(i for v in vs if isinstance(v, tuple) for i in v)]
                                              for p, vs in got.items()}
    hits = total = 0
    for path, value in leaves(expected):
        if path and path[-1] in ("name",) and path[:1] == ("activities",) and len(path) > 2:
            continue  # category names are the transcriber's own words
        items = value if isinstance(value, tuple) and path[-1] in ("items", "technical", "organisational",
                                                                    "paper_records") else (value,)
        for item in items:
            total += 1
            hits += found(item, flat.get(path, []))
    return hits, total


def rule_ids(findings: list[Any]) -> set[str]:
    return {f.rule for f in findings}


def prf(found_ids: set[str], gold: set[str]) -> tuple[int, int, int]:
    return len(found_ids & gold), len(found_ids - gold), len(gold - found_ids)


def audit_time(runs: int) -> float:
    notice = FIXTURES / "seed002-hyvinvointihuone.txt"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "seloste", "audit", str(notice)], capture_output=True, check=False,
                       cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of `seloste audit` for the time (median)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    from seloste.checker import Config, check_file
    from seloste.importer.audit import run_audit

    expected = load_expected()
    rows = []
    totals = {"facts": [0, 0], "asis": [0, 0], "gaps": [0, 0, 0], "checker": [0, 0, 0]}
    for name, spec in expected.items():
        result = run_audit(str(FIXTURES / name), Config.default())
        data = result.imported.data
        facts_ok, hits, total = facts_and_as_is(spec, data)
        ids = rule_ids(result.report.findings)
        tp, fp, fn = prf(ids, set(spec["gaps"]))
        reference = check_file(EXPECTED.parent / spec["asis"], Config.default()) or []
        ctp, cfp, cfn = prf(ids, rule_ids(reference) - {"accept-comment"})
        for key, values in (("facts", (facts_ok, len(spec["facts"]))), ("asis", (hits, total)),
                            ("gaps", (tp, fp, fn)), ("checker", (ctp, cfp, cfn))):
            totals[key] = [a + b for a, b in zip(totals[key], values, strict=True)]
        rows.append({"fixture": name, "facts": f"{facts_ok}/{len(spec['facts'])}", "as_is": f"{hits}/{total}",
                     "gap_tp": tp, "gap_fp": sorted(ids - set(spec["gaps"])), "gap_fn": sorted(set(spec["gaps"]) - ids),
                     "unplaced": len(result.imported.unplaced)})
    renderings = rendering_rows(expected)
    tp, fp, fn = totals["gaps"]
    ctp, cfp, cfn = totals["checker"]
    figures = {
        "fixtures": len(rows),
        "facts_right": totals["facts"][0] / totals["facts"][1],
        "as_is_values_in_place": totals["asis"][0] / totals["asis"][1],
        "gaps_precision": tp / (tp + fp), "gaps_recall": tp / (tp + fn),
        "vs_checker_on_as_is_precision": ctp / (ctp + cfp), "vs_checker_on_as_is_recall": ctp / (ctp + cfn),
        "audit_seconds_median": audit_time(args.runs),
        "rows": rows,
        "two_column_renderings": renderings,
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(f"{row['fixture']:<32} facts {row['facts']:>5}  as-is {row['as_is']:>7}  gaps found {row['gap_tp']:>2}"
              f"  extra {','.join(row['gap_fp']) or '-'}  missed {','.join(row['gap_fn']) or '-'}")
    print(f"\nkey facts imported right:        {figures['facts_right']:.1%} "
          f"({totals['facts'][0]}/{totals['facts'][1]})")
    print(f"as-is values in the right place: {figures['as_is_values_in_place']:.1%} "
          f"({totals['asis'][0]}/{totals['asis'][1]})")
    print(f"audit vs known gaps:             precision {figures['gaps_precision']:.2f}, "
          f"recall {figures['gaps_recall']:.2f} (rule ids per fixture, pooled)")
    print(f"audit vs check of as-is YAML:    precision {figures['vs_checker_on_as_is_precision']:.2f}, "
          f"recall {figures['vs_checker_on_as_is_recall']:.2f}")
    print(f"seloste audit, one notice:       {figures['audit_seconds_median']:.2f} s (median of {args.runs}, "
          "whole process)")
    print(f"\n{RENDERED} rendered as:")
    for row in renderings:
        print(f"  {row['as']:<20} facts {row['facts']:>5}  as-is {row['as_is']:>7}  table rows {row['table_rows']:>2}")
    return 0


RENDERED = "seed003-art30-taulukko.txt"


def facts_and_as_is(spec: dict[str, Any], data: dict[str, Any]) -> tuple[int, int, int]:
    """Key facts right, and as-is values found in place (hits, total)."""
    facts_ok = sum(get(data, path) == value for path, value in spec["facts"].items())
    asis = YAML(typ="safe").load((EXPECTED.parent / spec["asis"]).read_text(encoding="utf-8"))
    return facts_ok, *as_is_score(asis, data)


def rendering_rows(expected: dict[str, Any]) -> list[dict[str, Any]]:
    """The two-column fixture as a Word file and as each PDF rendering: facts and as-is values in place."""
    import tempfile

    from seloste.importer.extract import import_source
    from seloste.importer.sources import read_source
    from tests.importer.renderings import STYLES, two_column_pdf, word_file

    spec = expected[RENDERED]
    lines = (FIXTURES / RENDERED).read_text(encoding="utf-8").splitlines()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        made = [(".docx", word_file(lines, Path(tmp) / "seloste.docx", table=True))]
        made += [(f".pdf {style}", two_column_pdf(lines, Path(tmp) / f"{style}.pdf", style)) for style in STYLES]
        for label, path in made:
            read = read_source(str(path))
            facts_ok, hits, total = facts_and_as_is(spec, import_source(read).data)
            out.append({"as": label, "facts": f"{facts_ok}/{len(spec['facts'])}", "as_is": f"{hits}/{total}",
                        "table_rows": sum(bool(line.cells) for line in read.lines)})
    return out


if __name__ == "__main__":
    raise SystemExit(main())
