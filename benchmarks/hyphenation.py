"""Finnish hyphenation: seloste's patterns (seloste/data/hyph_fi_FI.dic, through pyphen as WeasyPrint uses them)
against libvoikko (the morphological hyphenator LibreOffice uses), on the words of the built Finnish documents.

`python -m benchmarks.hyphenation` (needs the Debian packages libvoikko1 and voikko-fi and the Python package
libvoikko; not part of `make test`). Voikko is taken as the reference: it knows where compounds join. Only break
points the PDF can use are counted (at least 3 letters before and after, as pdf.css's hyphenate-limit-chars).
Reported: words, the break points each finds, the patterns' points Voikko rejects (wrong breaks, which a reader
sees) and the share of Voikko's points the patterns find (coverage).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN = 3


def words() -> list[str]:
    from seloste.build import build_paths

    with tempfile.TemporaryDirectory() as tmp:
        build_paths([ROOT / "examples"], Path(tmp), fmt="html", languages=["fi"])
        text = " ".join(re.sub(r"<[^>]+>", " ", p.read_text("utf-8")) for p in Path(tmp).glob("*/*.fi.html"))
    found = {w.lower() for w in re.findall(r"[A-Za-zÅÄÖåäö]{7,}", text)}
    return sorted(found)


def points(hyphenated: str) -> set[int]:
    result, at = set(), 0
    for part in hyphenated.split("-")[:-1]:
        at += len(part)
        result.add(at)
    return result


def usable(found: set[int], word: str) -> set[int]:
    return {p for p in found if MIN <= p <= len(word) - MIN}


def main() -> None:
    import libvoikko  # type: ignore[import-not-found]
    import pyphen  # type: ignore[import-untyped]

    voikko = libvoikko.Voikko("fi")
    patterns = pyphen.Pyphen(filename=str(ROOT / "seloste" / "data" / "hyph_fi_FI.dic"), left=1, right=1)
    vocabulary = words()
    ours = theirs = wrong = found = 0
    examples: list[str] = []
    for word in vocabulary:
        reference = usable(points(voikko.hyphenate(word)), word)
        mine = usable(points(patterns.inserted(word)), word)
        ours, theirs = ours + len(mine), theirs + len(reference)
        bad = mine - reference
        wrong += len(bad)
        found += len(mine & reference)
        if bad and len(examples) < 12:
            examples.append(f"{patterns.inserted(word)} (voikko: {voikko.hyphenate(word)})")
    print(f"{len(vocabulary)} words of 7+ letters from the Finnish documents of examples/")
    print(f"break points: patterns {ours}, voikko {theirs}")
    print(f"patterns' wrong breaks (not a Voikko point): {wrong} ({100 * wrong / max(ours, 1):.1f} %)")
    print(f"coverage of Voikko's points by the patterns: {100 * found / max(theirs, 1):.1f} %")
    for line in examples:
        print("  wrong:", line)


if __name__ == "__main__":
    main()
