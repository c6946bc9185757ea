"""The data the renderer ships: the standard labels (gettext messages, see `labels`) and the supervisory authority."""

from __future__ import annotations

from functools import cache
from typing import Any

from ruamel.yaml import YAML

from ..i18n import Message, translate
from ..resources import data_file
from ..text import DEFAULT_LANGUAGE
from .labels import LABELS, RIGHTS, TITLES


@cache
def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(data_file(name))
    return loaded


def _translated(table: Any, lang: str) -> Any:
    if isinstance(table, Message | str):
        return translate(lang, table)
    return {key: _translated(value, lang) for key, value in table.items()}


@cache
def labels(lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Every label group (and `titles` and `rights`) translated into `lang`: {group: {key: text}}."""
    result: dict[str, Any] = _translated(LABELS, lang)
    result["titles"] = _translated(TITLES, lang)
    result["rights"] = _translated(RIGHTS, lang)
    return result


def label(lang: str, group: str, key: str) -> str | None:
    """The label of `key` in `group`, translated into `lang`; None when there is none."""
    message = LABELS.get(group, {}).get(key)
    return translate(lang, message) if message is not None else None


def authority(lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Name and contact details of the Finnish supervisory authority in `lang` (seloste/data/authority.yaml)."""
    data = _load("authority.yaml")
    section: dict[str, str] = data.get(lang) or data[DEFAULT_LANGUAGE]
    return section
