"""Base forms of Finnish words (libvoikko with the voikko-fi dictionary) and stems of Swedish words (the Snowball
Swedish stemmer), for rules that look for a kind of thing in the controller's own inflected text.

"ajanvarausjärjestelmään" → ("ajanvarausjärjestelmä", "sisatulento"): the base form and the case, which tells
whether the sentence puts data into, keeps them in or takes them from the thing. libvoikko needs the system
library (Debian: libvoikko1 and voikko-fi, installed by `make system-deps`); without it, Finnish words are
matched by their beginning (a prefix of the base form), which finds most inflected forms but not the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import snowballstemmer

WORD = re.compile(r"[^\W\d_](?:[\w-]*\w)?", re.UNICODE)

#: Finnish cases (voikko's SIJAMUOTO) that place data in, on, into, from or with something.
LOCATIVE_CASES = frozenset({"sisaolento", "sisaeronto", "sisatulento", "ulkoolento", "ulkoeronto", "ulkotulento"})


@dataclass(frozen=True)
class Analysis:
    """One reading of a word: its base form (lower case) and, for Finnish, its case when voikko knows it."""

    base: str
    case: str = ""


@cache
def _voikko() -> Any:
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception:  # the library or the dictionary is missing: fall back to prefixes
        return None


def has_voikko() -> bool:
    return _voikko() is not None


@cache
def finnish(word: str) -> tuple[Analysis, ...]:
    """Every reading of a Finnish word; the word itself (lower case) when voikko does not know it."""
    voikko = _voikko()
    readings: list[Analysis] = []
    if voikko is not None:
        for analysis in voikko.analyze(word):
            base = analysis.get("BASEFORM")
            if base:
                readings.append(Analysis(base.lower(), analysis.get("SIJAMUOTO", "")))
    return tuple(readings) or (Analysis(word.lower()),)


@cache
def _swedish() -> Any:
    return snowballstemmer.stemmer("swedish")


@cache
def swedish(word: str) -> str:
    """The Snowball stem of a Swedish word, lower case ("bokningssystemet" → "bokningssystem")."""
    stem: str = _swedish().stemWord(word.lower())
    return stem


def words(text: str) -> list[tuple[int, str]]:
    """The words of a text with their offsets."""
    return [(m.start(), m.group(0)) for m in WORD.finditer(text)]
