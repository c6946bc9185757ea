"""Finnish (and Swedish and English) typography of the printed texts: no-break spaces where a line must not
break, typographic quotes and dashes.

`tie` is the Jinja filter `ties` and also the Environment's `finalize`, so every value a template prints passes
through it: "200 §", "6 art. 1 kohta b", "12 kuukautta", "6 år" and "30 days" never break across lines, and
straight quotes become typographic ones ("…" → ”…” in Finnish and Swedish, “…” in English). Markup stays Markup:
the replacements never touch a tag (they match only between `>` and `<`).
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

NBSP = "\u00a0"

#: Words that follow a number and must stay on its line: section signs, articles, paragraphs, units of time.
_UNITS = (
    r"§|%|art\.|artikla\w*|artikel\w*|Art\.|Article|kohta|kohdan|kohdassa|alakohta\w*|mom\.|momentti\w*|"
    r"luku|luvun|luvussa|kap\.|kapitlet|punkt\w*|led|stycket|mom\b|"
    r"vuo\w+|kuukau\w+|päivä\w*|viiko\w*|viikko\w*|tunti\w*|tunnin|"
    r"år\w*|månad\w*|dag\w*|vecka|veckor\w*|timm\w*|"
    r"years?|months?|days?|weeks?|hours?|"
    r"€|euro\w*"
)
_NUMBER_UNIT = re.compile(rf"(?<![\w/])(\d+(?:[,.]\d+)?) (?=(?:{_UNITS})(?!\w))")
#: "art. 1", "Article 6", "kohta b", "punkt b", "§ 3": the word and the number or letter after it.
_WORD_NUMBER = re.compile(r"\b(art\.|Art\.|Article|artikla|artiklan|artikel|artikeln|kohta|kohdan|alakohta|"
                          r"alakohdan|punkt|punkten|led|section|§) (?=\(?\d|[a-h]\b|[a-h]\))")
_DOUBLE_QUOTED = re.compile(r'"([^"<>]+)"')
_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")

#: The quotation marks of each language: Finnish and Swedish use ” on both sides, English “ and ”.
_QUOTES = {"fi": ("\u201d", "\u201d"), "sv": ("\u201d", "\u201d"), "en": ("\u201c", "\u201d")}


def _text(segment: str, lang: str) -> str:
    segment = _NUMBER_UNIT.sub(rf"\1{NBSP}", segment)
    segment = _WORD_NUMBER.sub(rf"\1{NBSP}", segment)
    opening, closing = _QUOTES.get(lang, _QUOTES["fi"])
    segment = _DOUBLE_QUOTED.sub(rf"{opening}\1{closing}", segment)
    return _SPACED_HYPHEN.sub(f"{NBSP}\u2013 ", segment)


_TAG = re.compile(r"(<[^>]*>)")


class Verbatim(Markup):
    """Markup printed exactly as it is: stylesheets and CSS strings, where quotes and spaces are syntax."""

    __slots__ = ()


def tie(value: Any, lang: str = "fi") -> Any:
    """`value` with no-break spaces, typographic quotes and dashes; other types are returned untouched."""
    if isinstance(value, Verbatim):
        return value
    if isinstance(value, Markup):
        parts = _TAG.split(str(value))
        return Markup("".join(part if part.startswith("<") else _text(part, lang) for part in parts))
    if isinstance(value, str):
        return _text(value, lang)  # plain text, escaped by autoescape after this
    return value
