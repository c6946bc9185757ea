"""Access to the data shipped with seloste: the JSON Schema and the templates.

In an installed wheel they live inside the package (`seloste/schemas`, `seloste/templates`, force-included by
the build). In a source checkout they are the top-level `schemas/` and `templates/` folders.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

SCHEMA_NAME = "controller.schema.json"


def data_dir(name: str) -> Traversable:
    """The packaged folder `name`, or the checkout's top-level one when running from source."""
    packaged = files("seloste") / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def templates_dir() -> Path:
    return Path(str(data_dir("templates")))


def data_file(name: str) -> str:
    """The text of a data file shipped inside the package (`seloste/data/NAME`)."""
    return (files("seloste") / "data" / name).read_text(encoding="utf-8")


def schema_text() -> str:
    return (data_dir("schemas") / SCHEMA_NAME).read_text(encoding="utf-8")


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text())
    return loaded
