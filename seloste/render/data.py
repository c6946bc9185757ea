"""The data files shipped with the renderer: standard labels and sentences, and the supervisory authority."""

from __future__ import annotations

from functools import cache
from typing import Any

from ruamel.yaml import YAML

from ..resources import data_file
from ..text import DEFAULT_LANGUAGE


@cache
def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(data_file(name))
    return loaded


def _for_language(name: str, lang: str) -> dict[str, Any]:
    data = _load(name)
    section: dict[str, Any] = data.get(lang) or data[DEFAULT_LANGUAGE]
    return section


def labels(lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Labels and standard sentences in `lang` (Finnish where the language has none yet)."""
    return _for_language("labels.yaml", lang)


def authority(lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Name and contact details of the Finnish supervisory authority in `lang`."""
    return _for_language("authority.yaml", lang)
