"""Human-language text in the YAML: a plain string, or a per-language map {fi: …, sv: …, en: …}."""

from __future__ import annotations

from typing import Any

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"


class MissingTranslation(LookupError):
    """A per-language text has no entry for the requested language."""

    def __init__(self, lang: str, available: list[str]) -> None:
        super().__init__(f"no '{lang}' text (available: {', '.join(available) or 'none'})")
        self.lang = lang
        self.available = available


def localize(value: Any, lang: str = DEFAULT_LANGUAGE, *, fallback: bool = False) -> str:
    """The text of `value` in `lang`.

    A plain string counts as written in the document's first language and is returned as is. A map returns its
    `lang` entry; without one it raises MissingTranslation, unless `fallback` allows the first available entry
    (in the order fi, sv, en).
    """
    if value is None:
        return ""
    if isinstance(value, dict):
        if lang in value:
            return str(value[lang])
        available = [code for code in LANGUAGES if code in value]
        if fallback and available:
            return str(value[available[0]])
        raise MissingTranslation(lang, available)
    return str(value)


def languages_of(value: Any) -> set[str] | None:
    """The languages a text is written in; None for a plain string (language not stated)."""
    if isinstance(value, dict):
        return {code for code in LANGUAGES if code in value}
    return None
