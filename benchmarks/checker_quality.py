"""How well `seloste check` finds the real gaps of real notices: precision and recall of its errors and warnings
against gold findings.

The notices are tests/seeds/seed*.yaml: existing notices (the first five from real Finnish clinics, the rest written
in their styles with fictional businesses) transcribed as they are, gaps and all. Each has a gold list in
tests/seeds/gold/<same name>: the gaps a careful legal reading finds, each with the rule that owns the legal duty,
the place in the file (a JSON path: a finding at it or below it counts) and, where one rule reports several gaps
at one place, a word of the finding's message that tells them apart. Good practice (info) is not gold and info
findings are never counted.

    precision = reported errors and warnings that match a gold gap / all reported errors and warnings
    recall    = gold gaps matched by at least one reported error or warning / all gold gaps

Run: `.venv/bin/python -m benchmarks.checker_quality` (add `-v` to list every miss and every unmatched finding).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from seloste.checker import check_file
from seloste.checker.config import Config
from seloste.findings import Finding, Severity
from seloste.i18n import reset_ui_language, set_ui_language

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "seeds"
GOLD = SEEDS / "gold"
#: The reference date: document-age counts months from it, so the figures do not drift with the calendar.
TODAY = dt.date(2025, 10, 1)


@dataclass(frozen=True)
class Gold:
    rules: tuple[str, ...]
    path: str
    gap: str
    match: str = ""

    def matches(self, finding: Finding) -> bool:
        inside = finding.path == self.path or finding.path.startswith((self.path + ".", self.path + "["))
        return (finding.rule in self.rules and (self.path == "$" or inside)
                and self.match.lower() in finding.message.lower())


@dataclass
class Result:
    file: str
    gold: list[Gold]
    reported: list[Finding]

    @property
    def matched(self) -> list[Finding]:
        return [f for f in self.reported if any(g.matches(f) for g in self.gold)]

    @property
    def found(self) -> list[Gold]:
        return [g for g in self.gold if any(g.matches(f) for f in self.reported)]


def load_gold(path: Path) -> list[Gold]:
    data: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    entries = []
    for item in data["gold"]:
        rules = item["rule"] if isinstance(item["rule"], list) else [item["rule"]]
        entries.append(Gold(tuple(rules), item.get("path", "$"), item.get("gap", ""), str(item.get("match", ""))))
    return entries


def evaluate(seeds: Path = SEEDS) -> list[Result]:
    """Check every seed that has a gold list; the findings in English (the gold's `match` words are English)."""
    token = set_ui_language("en")
    try:
        results = []
        for gold_file in sorted((seeds / "gold").glob("*.yaml")):
            seed = seeds / gold_file.name
            findings = check_file(seed, Config.default(TODAY)) or []
            reported = [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]
            results.append(Result(seed.name, load_gold(gold_file), reported))
        return results
    finally:
        reset_ui_language(token)


def figures(results: list[Result]) -> tuple[float, float, int, int]:
    """(precision, recall, reported, gold) over all the results."""
    reported = sum(len(r.reported) for r in results)
    gold = sum(len(r.gold) for r in results)
    precision = sum(len(r.matched) for r in results) / reported if reported else 1.0
    recall = sum(len(r.found) for r in results) / gold if gold else 1.0
    return precision, recall, reported, gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and unmatched findings")
    args = parser.parse_args(argv)
    results = evaluate()
    for r in results:
        p, rec, n, g = figures([r])
        print(f"{r.file:14} reported {n:3}  gold {g:3}  precision {p:.3f}  recall {rec:.3f}")
        if args.verbose:
            for gold in r.gold:
                if gold not in r.found:
                    print(f"    missed: {'/'.join(gold.rules)} at {gold.path}: {gold.gap}")
            for finding in r.reported:
                if finding not in r.matched:
                    print(f"    not gold: {finding.rule} at {finding.path}: {finding.message}")
    precision, recall, reported, gold = figures(results)
    print(f"{'all':14} reported {reported:3}  gold {gold:3}  precision {precision:.3f}  recall {recall:.3f}"
          f"  ({len(results)} notices; errors and warnings; info never counted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
