"""Write an imported notice as commented YAML: every value says where in the source it came from."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..loader import JsonPath
from .extract import Imported
from .sections import Section
from .sources import Line

HEADER = """\
yaml-language-server: $schema=https://seloste.invalid/controller.schema.json
Tuotu lähteestä {source} komennolla `seloste import` (imported from {source}).
Tiedosto kertoo sellaisenaan, mitä vanha seloste sanoo: sen puutteet ja virheet on jätetty paikalleen.
Kommentti "lähde:" kertoo jokaisen arvon kohdan lähteessä (rivi, sivu ja rivi, tai kappale).
Korjaa ja täydennä: `seloste check` listaa puutteet, `seloste import --upgrade` laatii täydennetyn luonnoksen.
"""


def where(imported: Imported, line: Line) -> str:
    section = imported.section_of(line)
    prefix = f"{section.label} " if section is not None and section.label else ""
    return f"lähde: {prefix}{line.where}".replace("  ", " ")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.representer.ignore_aliases = lambda *_: True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def _build(value: Any, path: JsonPath, imported: Imported, extra: dict[JsonPath, str]) -> Any:
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _build(item, (*path, key), imported, extra)
            comment = _comment((*path, key), item, imported, extra)
            if comment:
                node.yaml_add_eol_comment(comment, key)
        return node
    if isinstance(value, list):
        seq = CommentedSeq()
        for index, item in enumerate(value):
            seq.append(_build(item, (*path, index), imported, extra))
            comment = _comment((*path, index), item, imported, extra)
            if comment:
                seq.yaml_add_eol_comment(comment, index)
        if not value:
            seq.fa.set_flow_style()
        return seq
    return value


def _comment(path: JsonPath, value: Any, imported: Imported, extra: dict[JsonPath, str]) -> str:
    parts = []
    if path in extra:
        parts.append(extra[path])
    if not isinstance(value, dict | list) or not value:
        line = imported.origin.get(path)
        if line is not None:
            parts.append(where(imported, line))
    return "; ".join(parts)


def unplaced_block(imported: Imported) -> str:
    if not imported.unplaced:
        return ""
    out = ["", "# SIJOITA: lähteen teksti, jolle ei löytynyt paikkaa (text that found no place); siirrä se oikeaan",
           "# kohtaan tai poista, kun olet tarkistanut sen:"]
    for line in imported.unplaced:
        out.append(f"# SIJOITA ({where(imported, line).removeprefix('lähde: ')}): {line.text}")
    return "\n".join(out) + "\n"


def dump(data: dict[str, Any], imported: Imported, *, header: str = "", extra: dict[JsonPath, str] | None = None
         ) -> str:
    node = _build(data, (), imported, extra or {})
    text_header = header or HEADER.format(source=imported.source.name)
    for note in imported.notes:
        text_header += f"HUOM: {note}\n"
    node.yaml_set_start_comment(text_header)
    stream = io.StringIO()
    _yaml().dump(node, stream)
    return stream.getvalue() + unplaced_block(imported)


def section_label(section: Section | None) -> str:
    return section.label if section is not None else ""
