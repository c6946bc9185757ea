"""Defensive access to a controller document's plain data.

Rules also run on documents that failed schema validation, so nothing here assumes a shape: a list where a
mapping belongs reads as empty, a number where text belongs reads as no text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..loader import Document, JsonPath

LABEL_LIMIT = 60


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def texts(value: Any) -> list[str]:
    """Every non-blank language version of a text: a plain string, or a {fi, sv, en} mapping."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, str) and v.strip()]
    return []


def has_text(value: Any) -> bool:
    return bool(texts(value))


def label(value: Any, fallback: str = "") -> str:
    """A short one-line name for messages: the first language version, shortened."""
    found = texts(value)
    text = " ".join(found[0].split()) if found else fallback
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1] + "…"


def mentions(value: Any, regex: re.Pattern[str]) -> bool:
    return any(regex.search(text) for text in texts(value))


def entries(container: Any, key: str, base: JsonPath) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    """The mappings in the list `container[key]`, each with its path."""
    for i, item in enumerate(as_list(as_dict(container).get(key))):
        if isinstance(item, dict):
            yield (*base, key, i), item


def activities(doc: Document) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    yield from entries(doc.data, "activities", ())


def is_public(activity: dict[str, Any]) -> bool:
    return activity.get("public", True) is not False


def activity_name(activity: dict[str, Any]) -> str:
    ident = activity.get("id")
    return label(activity.get("name"), ident if isinstance(ident, str) else "(unnamed)")


def category_ids(activity: dict[str, Any]) -> list[str]:
    return [c["id"] for c in as_list(activity.get("data_categories"))
            if isinstance(c, dict) and isinstance(c.get("id"), str)]


def covers(entry: dict[str, Any], category: str) -> bool:
    """Whether a retention, source or recipient entry applies to a category (no 'categories' = all of them)."""
    listed = entry.get("categories")
    return not isinstance(listed, list) or not listed or category in listed


def category_words(category: dict[str, Any]) -> list[str]:
    """The id, name and items of a data category: where its kind shows."""
    words = texts(category.get("name")) + [t for item in as_list(category.get("items")) for t in texts(item)]
    ident = category.get("id")
    return [ident, *words] if isinstance(ident, str) else words


def period_years(period: Any) -> float | None:
    """A retention period in years, or None when there is none."""
    period = as_dict(period)
    parts = {unit: period.get(unit) for unit in ("years", "months", "days")}
    if not any(isinstance(v, int | float) and not isinstance(v, bool) for v in parts.values()):
        return None
    total = 0.0
    for unit, per_year in (("years", 1), ("months", 12), ("days", 365)):
        value = parts[unit]
        if isinstance(value, int | float) and not isinstance(value, bool):
            total += value / per_year
    return total


def processors(doc: Document) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    yield from entries(doc.data, "processors", ())


def strings(data: Any, path: JsonPath = (), skip: frozenset[JsonPath] = frozenset()) -> Iterator[tuple[JsonPath, str]]:
    """Every text value in the document (not keys, not ids), skipping the subtrees at `skip`."""
    if path in skip:
        return
    if isinstance(data, str):
        if path and path[-1] not in ("id", "$schema"):
            yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key), skip)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*path, i), skip)


def locate(doc: Document, path: JsonPath, needle: str) -> tuple[int, int]:
    """The position of `needle` inside the text value at `path`, or of the value itself when not found (in the
    file the value came from: see `Document.location`).

    The search runs from the value's start up to the next value in the file, so block scalars are covered.
    """
    file, line, column = doc.location(path)
    following = [pos[0] for where, pos in doc.values.items()
                 if pos > (line, column) and doc.value_files.get(where, doc.file) == file]
    last = min(following) if following else line + 1
    lines = doc.source(file).splitlines()
    lowered = needle.lower()
    for index in range(line - 1, min(max(last, line + 1) - 1, len(lines))):
        start = column - 1 if index == line - 1 else 0
        found = lines[index].lower().find(lowered, start)
        if found >= 0:
            return index + 1, found + 1
    return line, column
