"""The processor catalogue: controller files name well-known systems by key instead of writing them out.

`processors: [timma, {id: ajas, storage: Suomi}]` — a string is a catalogue key; an object whose id is a
catalogue key inherits the catalogue entry, its own fields overriding or adding. An activity may also name a
catalogue key that the top-level list lacks: it is added there. Runs after schema validation, before the
form and reference checks, so the rest of seloste always sees complete processor objects.
"""

from __future__ import annotations

import difflib
from functools import cache
from typing import Any

from ruamel.yaml import YAML

from .findings import Finding
from .loader import Document, JsonPath
from .resources import data_file


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """Every catalogue entry by key."""
    loaded = YAML(typ="safe").load(data_file("processors.yaml"))
    return {str(key): dict(value) for key, value in (loaded or {}).items()}


def _alias(doc: Document, src: JsonPath, dst: JsonPath, entry: dict[str, Any]) -> None:
    """Inherited fields have no place of their own in the file: they point at the reference."""
    file, *position = doc.location(src)
    for key in entry:
        if (*dst, key) not in doc.values:
            doc.values[(*dst, key)] = (position[0], position[1])
            if file != doc.file:
                doc.value_files[(*dst, key)] = file


def _unknown(doc: Document, path: JsonPath, key: str) -> Finding:
    close = difflib.get_close_matches(key, list(catalogue()), n=1)
    hint = f"Did you mean '{close[0]}'?" if close else "Run 'seloste processors' to list the catalogue."
    return doc.finding(path, "unknown-processor", f"'{key}' is not in the processor catalogue", hint=hint)


def resolve_processors(doc: Document) -> list[Finding]:
    """Replace catalogue references by full entries, in place. Returns findings for unknown keys."""
    data = doc.data
    if not isinstance(data, dict):
        return []
    known = catalogue()
    findings: list[Finding] = []
    items = data.get("processors")
    items = items if isinstance(items, list) else []
    for i, item in enumerate(items):
        path: JsonPath = ("processors", i)
        if isinstance(item, str):
            if item not in known:
                findings.append(_unknown(doc, path, item))
                continue
            items[i] = {"id": item, **known[item]}
            _alias(doc, path, path, items[i])
        elif isinstance(item, dict) and item.get("id") in known:
            inherited = {k: v for k, v in known[str(item["id"])].items() if k not in item}
            item.update(inherited)
            _alias(doc, path, path, inherited)
    listed = {item.get("id") for item in items if isinstance(item, dict)}
    for a, activity in enumerate(data.get("activities") or []):
        refs = activity.get("processors") if isinstance(activity, dict) else None
        for r, ref in enumerate(refs if isinstance(refs, list) else []):
            if isinstance(ref, str) and ref not in listed and ref in known:
                items.append({"id": ref, **known[ref]})
                listed.add(ref)
                _alias(doc, ("activities", a, "processors", r), ("processors", len(items) - 1), items[-1])
    if items and "processors" not in data:
        data["processors"] = items
    for i, item in enumerate(items):
        if isinstance(item, dict) and "name" not in item:
            findings.append(doc.finding(("processors", i), "schema", "the processor needs a 'name' (it is not "
                                        "in the catalogue)", article="GDPR 13(1)(e)",
                                        hint="Add 'name:' with the company's legal name."))
    return findings
