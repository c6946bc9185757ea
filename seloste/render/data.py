"""The data the renderer ships: the standard labels (gettext messages, see `labels`) and the supervisory authority."""

from __future__ import annotations

from functools import cache
from typing import Any

from ruamel.yaml import YAML

from ..i18n import Message, translate
from ..resources import data_file
from ..text import DEFAULT_LANGUAGE
from .labels import LABELS, RIGHTS, SINGULAR, SINGULAR_RIGHTS, TITLES


@cache
def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(data_file(name))
    return loaded


def _translated(table: Any, lang: str) -> Any:
    if isinstance(table, Message | str):
        return translate(lang, table)
    return {key: _translated(value, lang) for key, value in table.items()}


@cache
def labels(lang: str = DEFAULT_LANGUAGE, voice: int = 2) -> dict[str, Any]:
    """Every label group (and `titles` and `rights`) translated into `lang`: {group: {key: text}}. With `voice`
    1 the labels that speak as "we" speak as "I" (a sole trader)."""
    result: dict[str, Any] = _translated(LABELS, lang)
    result["titles"] = _translated(TITLES, lang)
    result["rights"] = _translated(RIGHTS, lang)
    if voice == 1:
        for group, entries in _translated(SINGULAR, lang).items():
            result[group] = {**result[group], **entries}
        for key, fields in _translated(SINGULAR_RIGHTS, lang).items():
            result["rights"][key] = {**result["rights"][key], **fields}
    return result


def label(lang: str, group: str, key: str, voice: int = 2) -> str | None:
    """The label of `key` in `group`, translated into `lang` in the controller's voice; None when there is none."""
    message = (SINGULAR.get(group, {}).get(key) if voice == 1 else None) or LABELS.get(group, {}).get(key)
    return translate(lang, message) if message is not None else None


def authority(lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Name and contact details of the Finnish supervisory authority in `lang` (seloste/data/authority.yaml)."""
    data = _load("authority.yaml")
    section: dict[str, str] = data.get(lang) or data[DEFAULT_LANGUAGE]
    return section
