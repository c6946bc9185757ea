"""Page counts of the printed documents: `python -m benchmarks.pages` (or `make bench`).

Builds the notice and the record of every example (in each of its languages) and of every preset (filled with
the same answers as `seloste init` would get for a typical business of that kind: booking system, SMS marketing,
health notes on electronic records, Kanta for health-care professionals) and prints their A4 page counts.
Targets (issue 15): a sole trader's notice on at most 4 pages, a clinic's on at most 6.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import tempfile
from pathlib import Path

import pikepdf

from seloste.build import build_paths
from seloste.presets import presets, render
from seloste.presets.answers import Answers

ROOT = Path(__file__).resolve().parent.parent
#: Notices that have a page budget: the sole trader (a one-person massage practice) and the clinic.
TARGETS = {"hieroja-koskenranta": 4, "ihoklinikka-aurora": 6}
ANSWERS = Answers(
    preset="", name="Esimerkki Oy", business_id="2077474-0", street="Kuja 1", postal_code="00100", city="Helsinki",
    email="info@example.fi", phone="040 123 4567", website="https://esimerkki.example.fi", contact="Maija Esimerkki",
    booking="timma", marketing=("sms",), health_info=True, records="electronic", kanta=False)


def preset_files(folder: Path) -> list[Path]:
    files = []
    for key, preset in sorted(presets().items()):
        answers = dataclasses.replace(ANSWERS, preset=key, name=f"Esimerkki {key}", kanta=preset.professional)
        path = folder / f"preset-{key}.yaml"
        path.write_text(render(key, answers, dt.date(2025, 3, 1), path.name), encoding="utf-8")
        files.append(path)
    return files


def pages(out: Path) -> dict[str, int]:
    counts = {}
    for pdf in sorted(out.glob("*/*.pdf")):
        with pikepdf.open(pdf) as document:
            counts[f"{pdf.parent.name}/{pdf.name}"] = len(document.pages)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the counts to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = [*sorted((ROOT / "examples").glob("*.yaml")), *preset_files(work)]
        result = build_paths(inputs, work / "out", fmt="pdf")
        if not result.ok:
            raise SystemExit("\n".join(f.format() for f in result.findings))
        counts = pages(work / "out")
    width = max(map(len, counts))
    for name, n in counts.items():
        slug = name.split("/")[0]
        budget = TARGETS.get(slug) if "/notice." in name else None
        mark = "" if budget is None else (f"  (target ≤ {budget}: {'ok' if n <= budget else 'OVER'})")
        print(f"{name:<{width}}  {n:>2} pages{mark}")
    if args.json:
        args.json.write_text(json.dumps(counts, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    over = [name for name, n in counts.items() if "/notice." in name and n > TARGETS.get(name.split("/")[0], 99)]
    if over:
        raise SystemExit(f"over the page target: {', '.join(over)}")


if __name__ == "__main__":
    main()
