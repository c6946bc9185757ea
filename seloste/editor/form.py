"""The editor's form, generated from the JSON Schema: one field per schema property, not written by hand.

`build_form(data)` walks the schema (resolving `$ref`) beside the round-trip data and returns a tree of `Field`s
that the template renders. Titles and help come from the schema's bilingual `title` and `description` (the
Finnish half), enumerations get the documents' own Finnish labels (`seloste.render.labels`), and every field
carries its JSON path, which is also its HTML id, so a finding's path leads to the field it concerns.
Keys the schema does not know, and `extends:`, are shown read-only with the line they stand on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import resources
from ..catalogue import catalogue
from ..i18n import Message, translate
from ..render.labels import LABELS, RIGHTS, TITLES
from ..text import localize

Path = tuple[str | int, ...]
LANGS = ("fi", "sv", "en")
LANG_NAMES = {"fi": "suomi", "sv": "ruotsi", "en": "englanti"}

#: Enumerations whose labels the documents already have, by (definition, property) or definition.
ENUM_GROUPS: dict[tuple[str, str] | str, str] = {
    "legal_basis": "legal_basis", "art9_condition": "art9_condition", "special_category": "special_category",
    ("transfer", "safeguard"): "safeguard", ("source", "type"): "source_type",
    ("provision", "requirement"): "provision", ("processor", "role"): "processor_role",
    ("processor", "kind"): "processor_kind", ("direct_marketing", "channels"): "marketing_channel",
    ("direct_marketing", "basis"): "marketing_basis", ("rights", "channels"): "request_channel",
    ("cookies", "category"): "cookie_category", ("health_care", "patient_records"): "patient_records",
}
FALLBACK_LABELS: dict[str, dict[str, str]] = {
    "language": {"fi": "suomi", "sv": "ruotsi", "en": "englanti"},
    "kind": {"notice": "tietosuojaseloste", "record": "seloste käsittelytoimista", "combined": "molemmat yhdessä"},
}
FALLBACK_TEXTS = {"complaint": "Oikeus tehdä valitus valvontaviranomaiselle"}
#: Finnish labels for the schema's properties that have no title of their own.
KEY_LABELS = {
    "accent_color": "Korostusväri", "authority_within_hours": "Ilmoitus valvontaviranomaiselle (tunnin kuluessa)",
    "basis": "Oikeusperuste", "categories": "Tietoryhmät (tunnisteet)", "category": "Luokka", "channels": "Kanavat",
    "country": "Maa", "data_categories": "Tietoryhmät", "date": "Päivämäärä", "days": "Päiviä", "email": "Sähköposti",
    "font": "Kirjasin", "id": "Tunniste", "in": "Missä asiakirjoissa", "items": "Tiedot", "logo": "Logo",
    "months": "Kuukausia", "name": "Nimi", "obligatory": "Pakollinen", "parties": "Osapuolet", "phone": "Puhelin",
    "profiling": "Profilointi", "provider": "Palveluntarjoaja", "purposes": "Käyttötarkoitukset",
    "recipient": "Vastaanottaja", "requirement": "Tietojen antaminen", "retention": "Säilytysajat",
    "safeguard": "Suojatoimi", "sources": "Tietolähteet", "transfers": "Siirrot EU:n ja ETA:n ulkopuolelle",
    "type": "Lähde", "used": "Käytössä", "version": "Versio", "website": "Verkkosivut", "years": "Vuosia",
    "body": "Teksti", "consequences": "Seuraukset, jos tietoja ei anneta", "description": "Kuvaus",
    "duration": "Kesto", "frequency": "Kuinka usein", "logic": "Päättelyn logiikka", "notes": "Lisätietoja",
    "purpose": "Käyttötarkoitus", "role": "Rooli", "safeguard_note": "Suojatoimen lisätiedot",
    "summary": "Muutoksen kuvaus", "title": "Otsikko",
}
#: The parts an owner fills first; the rest (the document's own details, languages, branding) follow.
FIRST = ("controller", "privacy_contact", "processors", "activities", "direct_marketing", "cookies", "security",
         "rights", "breach_procedure", "health_care", "joint_controllers", "representative", "dpo")


@dataclass
class Field:
    kind: str                       # object, array, text, string, integer, number, boolean, enum, choices, date,
    path: Path                      # readonly, absent (an optional part not yet written), catalogue (a key)
    label: str
    help: str = ""
    value: Any = None
    required: bool = False
    children: list[Field] = field(default_factory=list)
    options: list[tuple[str, str]] = field(default_factory=list)
    summary: str = ""
    multiline: bool = False
    origin: str = ""
    item_kind: str = ""             # for arrays: object, text, string, enum
    datalist: str = ""
    default: Any = None
    presets: list[tuple[str, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return field_id(self.path)

    @property
    def path_json(self) -> str:
        return json.dumps(list(self.path), ensure_ascii=False)


def field_id(path: Path) -> str:
    return "f" + "".join(f"-{part}" for part in path) if path else "f-root"


def parse_json_path(text: str) -> Path:
    """`$.activities[0].name` → ("activities", 0, "name")."""
    parts: list[str | int] = []
    for match in re.finditer(r"\.([^.\[\]]+)|\[(\d+)\]", text):
        parts.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
    return tuple(parts)


def finnish(text: str | None, sep: str) -> str:
    return (text or "").split(sep)[0].strip()


@cache
def schema() -> dict[str, Any]:
    return resources.schema()


def _ref(node: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The node with its `$ref` followed (own title and description win), and the definition's name."""
    name = None
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        target = schema()["$defs"][name]
        merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        node = merged
    return node, name


def _labels(group: str) -> dict[str, str]:
    table: dict[str, Message] = LABELS.get(group, {})
    return {key: translate("fi", message) for key, message in table.items()}


def enum_options(values: list[Any], definition: str | None, parent: str | None, key: str) -> list[tuple[str, str]]:
    group = ENUM_GROUPS.get((parent or "", key)) or ENUM_GROUPS.get(definition or "")
    labels = _labels(group) if group else {}
    options = []
    for value in values:
        text = labels.get(str(value))
        if text is None and str(value) in RIGHTS:
            text = translate("fi", RIGHTS[str(value)]["title"])
        if text is None and str(value) in TITLES and key in ("in", "kind"):
            text = translate("fi", TITLES[str(value)])
        if text is None:
            table = FALLBACK_LABELS.get(definition or "") or FALLBACK_LABELS.get(key) or {}
            text = table.get(str(value)) or FALLBACK_TEXTS.get(str(value)) or str(value)
        options.append((str(value), text))
    return options


def _summary(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("name", "purpose", "title", "summary", "id", "type", "date"):
            if key in item and item[key] not in (None, ""):
                text = localize(item[key], "fi", fallback=True) if isinstance(item[key], str | dict) else str(
                    item[key])
                return str(text)
        if "categories" in item:
            return ", ".join(str(c) for c in item["categories"] or [])
    elif isinstance(item, str | int | float):
        return str(item)
    return f"#{index + 1}"


Inherited = dict[Path, tuple[Any, str, int]]


class Builder:
    def __init__(self, data: Any, lines: dict[Path, int], own_file: str, inherited: Inherited | None = None) -> None:
        self.data = data
        self.lines = lines
        self.own_file = own_file
        self.inherited = inherited or {}

    def origin(self, path: Path) -> str:
        line = self.lines.get(path)
        return f"{self.own_file}, rivi {line}" if line else self.own_file

    def build(self) -> list[Field]:
        root = schema()
        data = self.data if isinstance(self.data, dict) else {}
        fields: list[Field] = []
        known = root["properties"]
        order = [*FIRST, *(key for key in known if key not in FIRST)]
        for key in order:
            node = known[key]
            if key in ("$schema", "schema_version"):
                continue
            if key == "extends":
                if key in data:
                    fields.append(Field("readonly", (key,), "Yhteiset oletukset (extends)", value=_plain(data[key]),
                                        help=finnish(node.get("description"), " — "), origin=self.origin((key,))))
                continue
            fields.append(self.field(node, (key,), data.get(key), key in root.get("required", []), None, key))
        fields.extend(self.unknown(data, (), known))
        return fields

    def unknown(self, data: dict[str, Any], path: Path, known: dict[str, Any]) -> list[Field]:
        return [Field("readonly", (*path, key), f"{key} (lomake ei tunne tätä kohtaa)", value=_plain(value),
                      help="Arvo säilyy tiedostossa sellaisenaan.", origin=self.origin((*path, key)))
                for key, value in data.items() if key not in known]

    def field(self, raw: dict[str, Any], path: Path, value: Any, required: bool, parent: str | None,
              key: str) -> Field:
        node, definition = _ref(raw)
        if value is None and path in self.inherited:
            held, file, line = self.inherited[path]
            title = raw.get("title") or KEY_LABELS.get(key) or node.get("title") or key
            return Field("readonly", path, finnish(title, " / "), value=_plain(held), origin=f"{file}, rivi {line}",
                         help="Peritty yhteisistä oletuksista (extends:); muuta sitä siinä tiedostossa.")
        own = raw.get("title") or KEY_LABELS.get(key)
        label = finnish(own, " / ") or finnish(node.get("title"), " / ") or key.replace("_", " ")
        described = raw.get("description") or ("" if definition == "text" else node.get("description"))
        help_text = finnish(described, " — ")
        common: dict[str, Any] = {"label": label, "help": help_text, "required": required,
                                  "default": node.get("default")}
        if definition in ("text", "markdown"):
            if value is not None and not isinstance(value, str | dict):
                return Field("readonly", path, value=_plain(value), origin=self.origin(path), **common)
            return Field("text", path, value=value, multiline=definition == "markdown" or _long(value), **common)
        if "enum" in node:
            return Field("enum", path, value=value, options=enum_options(node["enum"], definition, parent, key),
                         **common)
        if "const" in node:
            return Field("readonly", path, value=value, origin=self.origin(path), **common)
        if definition == "date":
            return Field("date", path, value=None if value is None else str(value), **common)
        kind = node.get("type")
        if "oneOf" in node or ("anyOf" in node and kind is None):
            return Field("readonly", path, value=_plain(value), origin=self.origin(path), **common) if (
                value is not None) else Field("string", path, value=None, **common)
        if kind == "object":
            return self.object(node, path, value, definition or parent, common)
        if kind == "array":
            return self.array(node, path, value, definition or parent, key, common)
        if kind in ("integer", "number", "boolean"):
            return Field(str(kind), path, value=value, **common)
        return Field("string", path, value=None if value is None else str(value), **common)

    def object(self, node: dict[str, Any], path: Path, value: Any, definition: str | None,
               common: dict[str, Any]) -> Field:
        props: dict[str, Any] = node.get("properties", {})
        if value is None:
            return Field("absent", path, **common)
        if not isinstance(value, dict):
            return Field("readonly", path, value=_plain(value), origin=self.origin(path), **common)
        required = set(node.get("required", []))
        children = [self.field(sub, (*path, key), value.get(key), key in required, definition, key)
                    for key, sub in props.items()]
        children.extend(self.unknown(value, path, props))
        return Field("object", path, children=children, **common)

    def array(self, node: dict[str, Any], path: Path, value: Any, definition: str | None, key: str,
              common: dict[str, Any]) -> Field:
        items_raw = node.get("items", {})
        items_node, item_def = _ref(items_raw)
        if value is not None and not isinstance(value, list):
            return Field("readonly", path, value=_plain(value), origin=self.origin(path), **common)
        values = list(value or [])
        if "enum" in items_node and node.get("uniqueItems"):
            options = enum_options(items_node["enum"], item_def, definition, key)
            return Field("choices", path, value=values, options=options, **common)
        if key == "processors" and path == ("processors",):
            children = []
            for i, item in enumerate(values):
                if isinstance(item, str):
                    entry = catalogue().get(item, {})
                    children.append(Field("catalogue", (*path, i), f"{entry.get('name', item)} (valmis luettelo)",
                                          value=item, summary=str(entry.get("name", item))))
                else:
                    child = self.field(schema()["$defs"]["processor"], (*path, i), item, False, "processor", key)
                    child.label, child.help = f"Käsittelijä {i + 1}", ""
                    child.summary = _summary(item, i)
                    children.append(child)
            return Field("array", path, children=children, item_kind="object", **common,
                         options=[(k, str(e.get("name", k))) for k, e in catalogue().items()])
        kind = "object" if items_node.get("type") == "object" else (
            "text" if item_def in ("text", "markdown") else "string")
        children = []
        for i, item in enumerate(values):
            child = self.field(items_raw, (*path, i), item, False, definition, key)
            child.label = f"{common['label']}, kohta {i + 1}" if kind != "object" else _summary(item, i)
            child.summary = _summary(item, i)
            children.append(child)
        datalist = "dl-processors" if key == "processors" else ("dl-categories" if key == "categories" else "")
        field = Field("array", path, children=children, item_kind=kind, datalist=datalist, **common)
        if path == ("activities",):
            from .presetoffer import choices

            field.presets = choices()
        return field


def _long(value: Any) -> bool:
    texts = value.values() if isinstance(value, dict) else [value]
    return any(isinstance(t, str) and (len(t) > 80 or "\n" in t) for t in texts)


def _plain(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(_jsonable(value), ensure_ascii=False, indent=1)
    return "" if value is None else str(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def build_form(data: Any, lines: dict[Path, int], own_file: str, inherited: Inherited | None = None) -> list[Field]:
    return Builder(data, lines, own_file, inherited).build()


def new_item(path: Path) -> Any:
    """What a new list item at `path` starts as: an empty mapping for objects, an empty text otherwise."""
    node: dict[str, Any] = schema()
    for part in path:
        node, _ = _ref(node)
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
        if "oneOf" in node and part == "processors":
            return {}
    node, _ = _ref(node)
    items, _ = _ref(node.get("items", {}))
    if "oneOf" in items:
        return {}
    return {} if items.get("type") == "object" else ""


def kind_at(path: Path) -> str:
    """The form kind of the schema node at `path` (string, integer, boolean, date…), for typing a posted value."""
    node: dict[str, Any] = schema()
    definition = None
    for part in path:
        node, definition = _ref(node)
        if isinstance(part, int):
            items = node.get("items", {})
            if "oneOf" in items:
                items = {"$ref": "#/$defs/processor"}
            node = items
        else:
            props = node.get("properties", {})
            if part not in props:
                return "string"
            node = props[part]
    node, definition = _ref(node)
    if definition in ("text", "markdown"):
        return "text"
    if definition == "date":
        return "date"
    kind = node.get("type")
    if kind is None and isinstance(node.get("const"), int) and not isinstance(node.get("const"), bool):
        kind = "integer"
    return str(kind) if kind in ("integer", "number", "boolean") else "string"


def find_field(fields: list[Field], path: Path) -> Field | None:
    """The field at `path` in a form tree."""
    for candidate in fields:
        if candidate.path == path:
            return candidate
        if candidate.path == path[: len(candidate.path)]:
            found = find_field(candidate.children, path)
            if found is not None:
                return found
    return None
