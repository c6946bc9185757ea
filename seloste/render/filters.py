"""Jinja filters: localised text, Markdown, labels for the YAML's keys, periods, dates, countries and lists.

Every filter that depends on the language reads `lang` from the template context, so one Environment serves
every language. No filter holds a word of any language: labels and periods are gettext messages
(`labels.py`, translated through the catalogues), and dates, numbers, lists and country names come from Babel.

Free text from the YAML (`t`, `md`, `md_inline`) is taken in the document's language. A text that lacks it raises
MissingTranslation unless the context allows a fallback (`fallback`), so that no sentence in another language
slips into a document; `render_html` checks every text before rendering and reports all the gaps at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .. import i18n
from ..text import DEFAULT_LANGUAGE, localize
from . import data
from .labels import PERIODS
from .markup import to_html, to_inline_html
from .typography import Verbatim, tie

#: Date patterns per language and style; a style not listed here is one of Babel's ("short", "medium", "long").
#: Finnish and Finland-Swedish write 15.9.2025; English writes 15 September 2025.
_DATE_FORMATS = {
    "fi": {"short": "d.M.yyyy", "long": "long"},
    "sv": {"short": "d.M.yyyy", "long": "long"},
    "en": {"short": "long", "long": "long"},
}


def context_language(ctx: Context) -> str:
    """The language of the document being rendered."""
    lang = ctx.get("lang", DEFAULT_LANGUAGE)
    return lang if isinstance(lang, str) else DEFAULT_LANGUAGE


_lang = context_language


def _locale(ctx: Context) -> str:
    return i18n.babel_locale(_lang(ctx))


def _text(ctx: Context, value: Any) -> str:
    """`render_html` puts `fallback` and `source_lang` into the context; a template rendered without them (a test,
    another page) falls back to another language, as before the documents had languages."""
    source = ctx.get("source_lang")
    return localize(value, _lang(ctx), fallback=ctx.get("fallback", True) is not False,
                    source=source if isinstance(source, str) else None)


@pass_context
def t(ctx: Context, value: Any) -> str:
    """A plain-or-{fi, sv, en} text in the document's language."""
    return _text(ctx, value)


@pass_context
def md(ctx: Context, value: Any) -> Markup:
    return to_html(_text(ctx, value))


@pass_context
def md_inline(ctx: Context, value: Any) -> Markup:
    return to_inline_html(_text(ctx, value))


def _key(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@pass_context
def label(ctx: Context, value: Any, group: str) -> str:
    """The label of a YAML key in a group of `labels.LABELS`, translated, e.g. `'contract'|label('legal_basis')`."""
    voice = ctx.get("voice", 2)
    text = data.label(_lang(ctx), group, _key(value), voice if isinstance(voice, int) else 2)
    return text if text is not None else _key(value)


@pass_context
def number(ctx: Context, value: Any) -> str:
    """A number written as the document's language writes it."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(format_decimal(value, locale=_locale(ctx)))
    return str(value)


@pass_context
def period(ctx: Context, value: Any) -> str:
    """`{years: 6}` → "6 vuotta" / "6 år" / "6 years"; several units are joined ("1 vuosi ja 6 kuukautta")."""
    if not isinstance(value, Mapping):
        return ""
    lang = _lang(ctx)
    parts = []
    for unit in ("years", "months", "days"):
        n = value.get(unit)
        if isinstance(n, int) and not isinstance(n, bool):
            singular, plural = PERIODS[unit]
            parts.append(i18n.ngettext(lang, singular, plural, n) % {"num": number(ctx, n)})
    return format_list(parts, locale=_locale(ctx)) if parts else ""


@pass_context
def date(ctx: Context, value: Any, style: str = "short") -> str:
    """An ISO date from the YAML in the document's language: "15.9.2025" (fi, sv), "15 September 2025" (en)."""
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    pattern = _DATE_FORMATS.get(_lang(ctx), {}).get(style, style)
    return str(format_date(day, pattern, locale=_locale(ctx)))


@pass_context
def country(ctx: Context, code: Any) -> str:
    """An ISO 3166 code as a country name ("US" → "Yhdysvallat", "USA", "United States")."""
    try:
        names = Locale.parse(_locale(ctx)).territories
    except (UnknownLocaleError, ValueError):
        return str(code)
    return str(names.get(str(code), code))


def _join(ctx: Context, items: Iterable[Any], style: Literal["standard", "or"]) -> Markup:
    escaped = [str(escape(item)) for item in items]
    return Markup(format_list(escaped, style=style, locale=_locale(ctx))) if escaped else Markup("")


@pass_context
def list_and(ctx: Context, items: Iterable[Any]) -> Markup:
    """Items joined as a sentence: "a, b ja c"."""
    return _join(ctx, items, "standard")


@pass_context
def list_or(ctx: Context, items: Iterable[Any]) -> Markup:
    """Items joined as alternatives: "a, b tai c"."""
    return _join(ctx, items, "or")


def lookup(key: Any, table: Mapping[str, Any]) -> Any:
    """`table[key]`: `rights|map('lookup', labels.rights)` gives each right's texts."""
    return table[str(key)]


def tel(value: Any) -> str:
    """A phone number as a `tel:` link target."""
    return "tel:" + re.sub(r"[^+0-9]", "", str(value))


_CSS_UNSAFE = re.compile(r'[^A-Za-z0-9 ._,:/+\-\u00c0-\u024f]')


def css_string(value: Any) -> Markup:
    """A quoted CSS string; anything beyond letters, digits and simple punctuation is written as a CSS escape."""
    escaped = _CSS_UNSAFE.sub(lambda m: f"\\{ord(m.group(0)):x} ", str(value))
    return Verbatim(f'"{escaped}"')


_COUNTERS = re.compile(r"%\((page|pages)\)s")


def css_counters(value: Any) -> Markup:
    """A translated page-number pattern as CSS `content`: "%(page)s (%(pages)s)" → counter(page) " (" …"""
    parts = []
    for i, piece in enumerate(_COUNTERS.split(str(value))):
        if i % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(str(css_string(piece)))
    return Verbatim(" ".join(parts) or '""')


@pass_context
def ties(ctx: Context, value: Any) -> Any:
    """No-break spaces in "200 §", "6 art. 1 kohta b", "12 kuukautta"; typographic quotes and dashes."""
    return tie(value, _lang(ctx))


def capitalize_first(value: Any) -> str:
    """The first letter in upper case, the rest untouched (unlike Jinja's `capitalize`); keeps Markup safe."""
    text = str(value)
    result = text[:1].upper() + text[1:]
    return Markup(result) if isinstance(value, Markup) else result


FILTERS: dict[str, Callable[..., Any]] = {
    "t": t,
    "md": md,
    "md_inline": md_inline,
    "label": label,
    "period": period,
    "number": number,
    "date": date,
    "country": country,
    "list_and": list_and,
    "list_or": list_or,
    "lookup": lookup,
    "tel": tel,
    "css_string": css_string,
    "css_counters": css_counters,
    "ties": ties,
    "ucfirst": capitalize_first,
}
