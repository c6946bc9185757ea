"""The embeddable fragment, made to live inside someone else's page.

- Its headings start at the level the site chooses (`heading_base`: 2 makes the title an h2, the sections h3…);
  each heading keeps its look through a `seloste-hN` class naming its level in the standalone page.
- Every id is prefixed per document and language (`hieroja-koskenranta-fi-s-oikeudet`), and so is every in-page
  link and `aria-labelledby`, so that the Finnish and the Swedish fragment can share one page and each link stays
  in its own language.

The fragment is seloste's own output, so its ids and headings are found by pattern: attribute values are escaped
(no quote inside), and a `<h2` cannot appear in text (the `<` would be escaped).
"""

from __future__ import annotations

import re
import unicodedata

_HEADING = re.compile(r"<(/?)h([1-6])\b([^>]*)>")
_ID_ATTR = re.compile(r'\b(id|for)="([^"]+)"')
_LABELLEDBY = re.compile(r'\b(aria-labelledby|aria-describedby)="([^"]+)"')
_HREF = re.compile(r'\bhref="#([^"]+)"')
_CLASS = re.compile(r'\bclass="([^"]*)"')


def id_prefix(name: str, lang: str) -> str:
    """`hieroja-koskenranta-fi-`: an id-safe prefix from a document's id (or file name) and language."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    cleaned = re.sub(r"[^a-z0-9_-]+", "-", ascii_name).strip("-_")[:48] or "seloste"
    return f"{cleaned}-{lang}-"


def shift_headings(html: str, base: int) -> str:
    """Every heading `base - 1` levels down (at most h6), with a `seloste-hN` class keeping its look."""
    if base <= 1:
        return html

    def shifted(match: re.Match[str]) -> str:
        closing, level, attrs = match.group(1), int(match.group(2)), match.group(3)
        new = min(6, level + base - 1)
        if closing:
            return f"</h{new}>"
        if _CLASS.search(attrs):
            attrs = _CLASS.sub(lambda m: f'class="{m.group(1)} seloste-h{level}"', attrs, count=1)
        else:
            attrs = f' class="seloste-h{level}"{attrs}'
        return f"<h{new}{attrs}>"

    return _HEADING.sub(shifted, html)


def prefix_ids(html: str, prefix: str) -> str:
    """Every id, label reference and in-page link of the fragment, with `prefix` in front."""
    html = _ID_ATTR.sub(lambda m: f'{m.group(1)}="{prefix}{m.group(2)}"', html)
    html = _LABELLEDBY.sub(lambda m: f'{m.group(1)}="{" ".join(prefix + i for i in m.group(2).split())}"', html)
    return _HREF.sub(lambda m: f'href="#{prefix}{m.group(1)}"', html)


def adapt(html: str, prefix: str, heading_base: int = 1) -> str:
    return prefix_ids(shift_headings(html, heading_base), prefix)
