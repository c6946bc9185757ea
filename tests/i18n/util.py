"""Helpers of the language tests: the examples rendered in every language, visible text, catalogues."""

from __future__ import annotations

import html as html_lib
import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from seloste.loader import Document
from seloste.render import render_html
from seloste.validate import validate_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
LOCALE = ROOT / "seloste" / "locale"
LANGS = ("fi", "sv", "en")
KINDS = ("notice", "record")
AUTHORITY = {
    "fi": ("Tietosuojavaltuutetun toimisto", "Lintulahdenkuja 4, 00530 Helsinki", "PL 800, 00531 Helsinki"),
    "sv": ("Dataombudsmannens byrå", "Fågelviksgränden 4, 00530 Helsingfors", "PB 800, 00531 Helsingfors"),
    "en": ("Office of the Data Protection Ombudsman", "Lintulahdenkuja 4, 00530 Helsinki",
           "P.O. Box 800, FI-00531 Helsinki"),
}


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


@cache
def document(path: Path) -> Document:
    validated = validate_file(path)
    assert validated.ok and validated.document is not None, [f.format() for f in validated.findings]
    return validated.document


@cache
def rendered(path: Path, kind: str, lang: str) -> str:
    return render_html(document(path), kind, lang)  # type: ignore[arg-type]


def visible_text(page: str) -> str:
    """The text a reader sees: no styles, no tags, entities decoded, whitespace collapsed."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.DOTALL)
    page = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html_lib.unescape(page).split())


@cache
def catalogue(lang: str, domain: str = "seloste") -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as handle:
        return read_po(handle, locale=lang, domain=domain)


def catalogue_files() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def strings_of(message: Any) -> list[str]:
    value = message.string
    return [s for s in value if s] if isinstance(value, tuple) else ([value] if value else [])


@cache
def messages_tool() -> ModuleType:
    """tools/messages.py, the extraction used by `make messages`."""
    spec = importlib.util.spec_from_file_location("seloste_messages_tool", ROOT / "tools" / "messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
