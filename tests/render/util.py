"""Helpers of the render tests."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

_IGNORED = re.compile(r"[\s\u00ad\u2010\u2011-]+")


def squash(text: str) -> str:
    """Text without whitespace and hyphens, so that words broken across lines in a PDF still match."""
    return _IGNORED.sub("", text)


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


class Outline(HTMLParser):
    """The parts of an HTML page the accessibility tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: dict[str, list[dict[str, str | None]]] = {}
        self.headings: list[int] = []
        self.doctype: str | None = None
        self.ids: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.setdefault(tag, []).append(dict(attrs))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        ident = dict(attrs).get("id")
        if ident:
            self.ids.append(ident)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    parser.close()
    return parser
