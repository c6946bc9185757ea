"""The facts the rules rely on that can change (authority details, retention minimums, system names, obsolete
terms), read from `data/facts.yaml` inside the package, and the regular expressions built from them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any

from ruamel.yaml import YAML

from ..loader import loads
from ..resources import data_file

FACTS_FILE = "facts.yaml"


def data_text(name: str) -> str:
    """A text file from the checker's packaged `data/` folder."""
    return (files("seloste.checker") / "data" / name).read_text(encoding="utf-8")


@cache
def facts() -> dict[str, Any]:
    """The whole facts file as plain data."""
    data = loads(data_text(FACTS_FILE), f"seloste/checker/data/{FACTS_FILE}").data
    if not isinstance(data, dict):  # pragma: no cover - the packaged file is a mapping
        raise TypeError(f"{FACTS_FILE} must be a mapping")
    return data


def fact(*path: str) -> Any:
    """One entry of the facts file, e.g. fact("retention", "accounting", "vouchers_years")."""
    value: Any = facts()
    for part in path:
        value = value[part]
    return value


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def pattern(regex: str) -> re.Pattern[str]:
    """A case-insensitive compiled pattern (compiled once per process)."""
    return _compile(regex)


def stems(*path: str) -> re.Pattern[str]:
    """A pattern matching any word that starts with one of the stems listed at `path` in the facts."""
    words: Iterable[str] = fact(*path)
    return _compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*")


def any_of(*path: str) -> re.Pattern[str]:
    """A pattern matching any of the regular expressions listed at `path` in the facts."""
    regexes: Iterable[str] = fact(*path)
    return _compile("|".join(f"(?:{r})" for r in regexes))


@cache
def alternatives(regexes: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for several: group `g<i>` matches `regexes[i]` (see `match.lastgroup`). When every one starts
    at a word boundary, the boundary is tested once before them all: the same matches, three times as fast
    (the regular expression engine tries the alternatives one by one at every position)."""
    joined = "|".join(f"(?P<g{i}>{r})" for i, r in enumerate(regexes))
    if regexes and all(_starts_at_word_boundary(r) for r in regexes):
        return _compile(rf"\b(?:{joined})")
    return _compile(joined)


def _starts_at_word_boundary(regex: str) -> bool:
    """Whether every match of `regex` starts with `\b` (in each of its top-level alternatives): Python's own
    parser factors a prefix that all alternatives share, so its first item tells."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(regex)
        return bool(len(parsed)) and parsed[0] == (_constants.AT, _constants.AT_BOUNDARY)
    except Exception:  # another Python's internals: test each alternative, as before
        return False


def which(match: re.Match[str]) -> int:
    """The index of the alternative that matched (see `alternatives`)."""
    return int((match.lastgroup or "g0")[1:])


def supervisory_authority(lang: str) -> dict[str, str]:
    """The Data Protection Ombudsman's name and contact details in `lang` (fi, sv or en)."""
    details: dict[str, dict[str, Any]] = YAML(typ="safe").load(data_file("authority.yaml"))
    return {key: str(value) for key, value in details.get(lang, details["fi"]).items()}


def in_eea(country: str) -> bool:
    return country.upper() in set(fact("eea_countries"))


def has_adequacy(country: str) -> bool:
    return country.upper() in set(fact("adequacy_countries"))
