"""Jinja filters: localised text, Markdown, labels for the YAML's keys, periods, dates, countries and lists.

Every filter that depends on the language reads `lang` from the template context, so one Environment serves
every language. No filter holds a Finnish word: they look words up in the labels data file or ask Babel.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ..text import DEFAULT_LANGUAGE, localize
from . import data
from .markup import to_html, to_inline_html

_DATE_FORMATS = {"short": "d.M.yyyy", "long": "long"}


def _lang(ctx: Context) -> str:
    lang = ctx.get("lang", DEFAULT_LANGUAGE)
    return lang if isinstance(lang, str) else DEFAULT_LANGUAGE


@pass_context
def t(ctx: Context, value: Any) -> str:
    """A plain-or-{fi, sv, en} text in the document's language (falling back to another language)."""
    return localize(value, _lang(ctx), fallback=True)


@pass_context
def md(ctx: Context, value: Any) -> Markup:
    return to_html(localize(value, _lang(ctx), fallback=True))


@pass_context
def md_inline(ctx: Context, value: Any) -> Markup:
    return to_inline_html(localize(value, _lang(ctx), fallback=True))


def _key(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@pass_context
def label(ctx: Context, value: Any, group: str) -> str:
    """The label of a YAML key in a group of the labels file, e.g. `'contract'|label('legal_basis')`."""
    table = data.labels(_lang(ctx)).get(group, {})
    text = table.get(_key(value)) if isinstance(table, Mapping) else None
    return str(text) if text is not None else _key(value)


@pass_context
def period(ctx: Context, value: Any) -> str:
    """`{years: 6}` → "6 vuotta"; several units are joined ("1 vuosi ja 6 kuukautta")."""
    if not isinstance(value, Mapping):
        return ""
    lang = _lang(ctx)
    forms = data.labels(lang)["period"]
    parts = []
    for unit in ("years", "months", "days"):
        n = value.get(unit)
        if isinstance(n, int):
            form = forms[unit]["one" if n == 1 else "other"]
            parts.append(str(form).replace("{n}", str(n)))
    return format_list(parts, locale=lang) if parts else ""


@pass_context
def date(ctx: Context, value: Any, style: str = "short") -> str:
    """An ISO date from the YAML in the document's language: "15.9.2025" (short) or "15. syyskuuta 2025" (long)."""
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return str(format_date(day, _DATE_FORMATS.get(style, style), locale=_lang(ctx)))


@pass_context
def country(ctx: Context, code: Any) -> str:
    """An ISO 3166 code as a country name ("US" → "Yhdysvallat")."""
    try:
        names = Locale.parse(_lang(ctx)).territories
    except (UnknownLocaleError, ValueError):
        return str(code)
    return str(names.get(str(code), code))


def _join(ctx: Context, items: Iterable[Any], style: Literal["standard", "or"]) -> Markup:
    escaped = [str(escape(item)) for item in items]
    return Markup(format_list(escaped, style=style, locale=_lang(ctx))) if escaped else Markup("")


@pass_context
def list_and(ctx: Context, items: Iterable[Any]) -> Markup:
    """Items joined as a sentence: "a, b ja c"."""
    return _join(ctx, items, "standard")


@pass_context
def list_or(ctx: Context, items: Iterable[Any]) -> Markup:
    """Items joined as alternatives: "a, b tai c"."""
    return _join(ctx, items, "or")


def tel(value: Any) -> str:
    """A phone number as a `tel:` link target."""
    return "tel:" + re.sub(r"[^+0-9]", "", str(value))


_CSS_UNSAFE = re.compile(r'[^A-Za-z0-9 ._,:/+\-\u00c0-\u024f]')


def css_string(value: Any) -> Markup:
    """A quoted CSS string; anything beyond letters, digits and simple punctuation is written as a CSS escape."""
    escaped = _CSS_UNSAFE.sub(lambda m: f"\\{ord(m.group(0)):x} ", str(value))
    return Markup(f'"{escaped}"')


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
    "date": date,
    "country": country,
    "list_and": list_and,
    "list_or": list_or,
    "tel": tel,
    "css_string": css_string,
    "ucfirst": capitalize_first,
}
