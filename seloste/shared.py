"""Shared files: the `_`-prefixed YAML files that controller files `extends:` (e.g. `_shared/defaults.yaml`).

A shared file is a partial controller: any part of a controller file, none of it required. It has its own
schema, `schemas/shared.schema.json`, derived from the controller's by `partial_schema` (every `required`
dropped), so editors check what a shared file does say without flagging what it leaves to the clients.
`seloste validate` and `seloste check` treat a file as shared wherever it is given: its name, or a folder
of its path inside the project, starts with `_`. `check` on a shared file also checks every controller file of
the project that extends it (`dependents`), so a typo in the shared defaults cannot pass as "nothing to check".
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from . import resources
from .extends import _marked_root, project_root, resolve
from .loader import LoadError, load

SCHEMA_NAME = "shared.schema.json"
SHARED_ID = "https://seloste.example.fi/schemas/shared.schema.json"


def partial_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema of a shared file: the controller schema with every `required` dropped."""

    def strip(node: Any, names: bool = False) -> Any:
        if isinstance(node, dict):  # under "properties" and "$defs" the keys are names, not keywords
            return {key: strip(value, key in ("properties", "$defs") and not names) for key, value in node.items()
                    if names or key != "required"}
        if isinstance(node, list):
            return [strip(item) for item in node]
        return node

    partial: dict[str, Any] = strip(copy.deepcopy(schema))
    partial["$id"] = SHARED_ID
    partial["title"] = "seloste: yhteiset oletukset / shared defaults"
    partial["description"] = (
        "Jaettu tiedosto (esim. _shared/defaults.yaml), jota rekisterinpitäjien tiedostot laajentavat "
        "('extends:'): mikä tahansa osa rekisterinpitäjän kuvausta, mikään ei ole pakollinen. Tämä skeema on "
        "johdettu tiedostosta controller.schema.json. — A shared file (e.g. _shared/defaults.yaml) that controller "
        "files extend ('extends:'): any part of a controller description, none of it required. Derived from "
        "controller.schema.json.")
    return partial


def schema_text() -> str:
    """The JSON text of the shared schema, as committed in schemas/ and shipped in the wheel."""
    return json.dumps(partial_schema(resources.schema()), ensure_ascii=False, indent=2) + "\n"


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((resources.data_dir("schemas") / SCHEMA_NAME).read_text(encoding="utf-8"))
    return loaded


def is_shared(path: Path) -> bool:
    """Whether `path` is a shared file: its name or a folder on its way from the project's top starts with `_`."""
    resolved = path.resolve()
    root = project_root(resolved)
    parts = resolved.relative_to(root).parts
    if root == resolved.parent and _marked_root(root) is None:  # no project around it: its folder still tells
        parts = (resolved.parent.name, *parts)
    return any(part.startswith("_") for part in parts)


def dependents(shared: Path) -> list[Path]:
    """Every controller file of the project that extends `shared`, directly or through other shared files."""
    from .validate import find_files  # validate imports this module

    target = str(shared.resolve())
    root = project_root(shared)
    found = []
    for candidate in find_files([root]):
        try:
            if "extends" not in candidate.read_text(encoding="utf-8", errors="replace"):
                continue
            doc = resolve(load(candidate, _display(candidate)), candidate)
        except (LoadError, OSError):
            continue
        if target in doc.includes:
            found.append(Path(_display(candidate)))
    return found


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
