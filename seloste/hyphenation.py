"""Finnish hyphenation for the PDF: libvoikko, the morphological hyphenator LibreOffice uses for Finnish.

WeasyPrint hyphenates with pyphen, which reads TeX-style pattern files. seloste shipped hand-made Finnish
patterns (seloste/data/hyph_fi_FI.dic); measured on the 1224 words of 7+ letters in the examples' Finnish
documents (`python -m benchmarks.hyphenation`), they find 1251 of the 3089 break points Voikko finds (40.5 %),
so long compounds ("ajanvarausjärjestelmä", "terveydenhuollon") often could not break. Voikko knows where the
parts of a compound meet, so seloste gives pyphen a dictionary object that asks Voikko instead.

Voikko needs the Debian packages libvoikko1 and voikko-fi (the Makefile installs them) and the Python binding
`libvoikko`. Where any of them is missing, the patterns are used as before: the PDF is still made, with fewer
break points (so its lines, not its text, may differ from a machine with Voikko).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any


class VoikkoDictionary:
    """What pyphen's `Pyphen` needs from a hyphenation dictionary (`positions`), answered by Voikko."""

    def __init__(self, voikko: Any) -> None:
        self.voikko = voikko

    @lru_cache(maxsize=65536)  # noqa: B019 - one object per process, kept for the process's life
    def positions(self, word: str) -> list[Any]:
        import pyphen  # type: ignore[import-untyped]

        pattern = self.voikko.getHyphenationPattern(word)  # " " none, "-" before, "=" hyphen already there
        return [pyphen.DataInt(i) for i, mark in enumerate(pattern) if mark == "-"]


@cache
def voikko() -> Any | None:
    """A Finnish Voikko, or None when the library, its Python binding or the Finnish dictionary is missing."""
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception:  # OSError (no libvoikko.so), libvoikko.VoikkoException (no dictionary), ImportError
        return None


def use_voikko(path: Any) -> bool:
    """Make pyphen's dictionary for the pattern file `path` ask Voikko; False when Voikko is not available."""
    import pyphen

    finnish = voikko()
    if finnish is None:
        return False
    pyphen.hdcache[path] = VoikkoDictionary(finnish)
    return True
