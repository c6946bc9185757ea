"""Business presets: complete, commented controller descriptions for common Finnish clinics, kept as YAML data.

Each `<key>.yaml` in this package is one preset: a `preset:` header (name, whether the business is a health-care
professional, which questions apply) and the business's `activities:`. `_yhteiset.yaml` holds what every preset
shares (privacy contact, marketing, security, rights, breaches). `assemble.render_file` fills a preset from the
questionnaire's answers; this module finds and reads the data, and decides how generated YAML looks (long
texts folded under `>-`, short ones plain).

    from seloste.presets import presets, render
    text = render("kauneushoitola", answers)     # commented YAML that `seloste validate` accepts
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, cast

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, PlainScalarString

from ..text import localize

COMMON = "_yhteiset"

__all__ = ["COMMON", "Preset", "PresetError", "empty_flow", "preset", "presets", "read", "render", "round_trip",
           "slug", "styled"]


class PresetError(LookupError):
    """An unknown preset key."""


@dataclass(frozen=True)
class Preset:
    """A preset's header: what the questionnaire needs to know before filling it."""

    key: str
    name: dict[str, str]
    health_info: str                      # "ask": the questionnaire asks; "always": part of the business
    profession: dict[str, str] | None     # set for health-care professionals (patient records, Kanta)
    health_question: dict[str, str] | None

    @property
    def professional(self) -> bool:
        return self.profession is not None

    def title(self, lang: str = "fi") -> str:
        return localize(self.name, lang, fallback=True)


def round_trip() -> YAML:
    """The YAML reader and writer for presets and generated files: comments and key order are kept."""
    yaml = YAML(typ="rt")
    yaml.representer.ignore_aliases = lambda *_: True
    yaml.width = 110
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


LINE = 92          # characters of text per line in folded (>-) scalars


def slug(name: str) -> str:
    """A file-system-safe identifier from the business name: `Kauneushoitola Äö Oy` → `kauneushoitola-ao-oy`."""
    text = name.lower().translate(str.maketrans("äåöü", "aaou"))
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:64].strip("-")
    return text or "seloste"


def empty_flow(node: CommentedMap, key: str) -> None:
    """Write an emptied list as `[]`, keeping its comment (ruamel cannot emit an empty block list with one)."""
    tokens = node.ca.items.pop(key, None) or []
    comment = next((t.value for t in tokens if t is not None and hasattr(t, "value")), "")
    empty = CommentedSeq()
    empty.fa.set_flow_style()
    node[key] = empty
    if comment.strip():
        node.yaml_add_eol_comment(comment.strip().removeprefix("#").strip(), key)


def styled(text: str) -> str:
    """Short text as a plain scalar; long text folded (`>-`) at word boundaries, so lines stay readable."""
    if len(text) <= LINE or "\n" in text or text != text.strip():
        return cast(str, PlainScalarString(text))
    folded = FoldedScalarString(text)
    breaks: list[int] = []
    start, last = 0, None
    for space in (m.start() for m in re.finditer(" ", text)):
        if space - start > LINE and last is not None:
            breaks.append(last)
            start = last + 1
        last = space
    folded.fold_pos = breaks
    return cast(str, folded)


def read(name: str) -> Any:
    """A fresh round-trip copy of the preset file `name` (without `.yaml`): callers may change it freely."""
    return round_trip().load((files(__name__) / f"{name}.yaml").read_text(encoding="utf-8"))


def _texts(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {"fi": str(value)}


@cache
def presets() -> dict[str, Preset]:
    """Every preset by key, in the order they are offered."""
    found: dict[str, Preset] = {}
    names = sorted(p.name for p in files(__name__).iterdir() if p.name.endswith(".yaml"))
    for file_name in names:
        key = file_name.removesuffix(".yaml")
        if key.startswith("_"):
            continue
        header = read(key)["preset"]
        found[key] = Preset(key=key, name=_texts(header["name"]) or {"fi": key},
                            health_info=str(header.get("health_info", "ask")),
                            profession=_texts(header.get("profession")),
                            health_question=_texts(header.get("health_question")))
    return dict(sorted(found.items(), key=lambda item: item[1].title("fi")))


def preset(key: str) -> Preset:
    """The preset `key`; PresetError names the closest key when there is none."""
    known = presets()
    if key in known:
        return known[key]
    close = difflib.get_close_matches(key, list(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise PresetError(f"unknown preset '{key}'{hint}; run 'seloste init --list-presets' for the list")


def render(key: str, answers: Any, today: Any = None, file: str = "seloste.yaml") -> str:
    """The commented controller YAML for preset `key` filled with `answers` (see assemble.render_file).

    `file` is the name the header comment uses in its `seloste validate FILE` advice.
    """
    from .assemble import render_file

    return render_file(preset(key), answers, today, file)
