"""Limits on a logo's content, checked before the PDF engine ever sees it.

A small file can still be expensive to draw: a PNG of 30,000 × 30,000 pixels compresses to a few kilobytes,
and an SVG whose `<use>` elements reuse groups of `<use>` elements doubles its work at every level (a 1.7 KB
file can ask for billions of shapes). So a raster logo may have at most `MAX_PIXELS` pixels (its header is read
with Pillow, nothing is decoded), and an SVG is parsed with defusedxml (no DTD, no entities) and refused when it
has more than `MAX_SVG_ELEMENTS` elements, when a `<use>` points at something that itself contains a `<use>`,
or when it refers to anything outside itself (another file, a URL): the logo is then left out with a warning.
"""

from __future__ import annotations

import io
import re

MAX_PIXELS = 4096 * 4096
MAX_SVG_ELEMENTS = 2000
_HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]*)", re.IGNORECASE)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def raster_problem(raw: bytes) -> str | None:
    """Why a PNG or JPEG logo cannot be used, or None."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(raw)) as image:  # reads the header only
            width, height = image.size
    except Image.DecompressionBombError:
        return f"has far more pixels than the limit of {MAX_PIXELS:,}".replace(",", " ")
    except (UnidentifiedImageError, OSError, ValueError):
        return "is not a readable PNG or JPEG image"
    if width * height > MAX_PIXELS:
        return f"is {width} × {height} pixels; the limit is {MAX_PIXELS:,} pixels".replace(",", " ")
    return None


def svg_problem(raw: bytes) -> str | None:
    """Why an SVG logo cannot be used, or None."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DefusedXmlException, ParseError, ValueError):
        return "is not a well-formed SVG file without a DTD"
    elements = list(root.iter())
    if len(elements) > MAX_SVG_ELEMENTS:
        return f"has more than {MAX_SVG_ELEMENTS} elements"
    by_id = {element.get("id"): element for element in elements if element.get("id")}
    for element in elements:
        for name in _HREFS:
            href = element.get(name)
            if href is None:
                continue
            if not href.startswith("#"):
                return "refers to another file or address; a logo must be a single self-contained file"
            if _local(element.tag) == "use":
                target = by_id.get(href[1:])
                if target is not None and any(_local(inner.tag) == "use" for inner in target.iter()):
                    return "nests <use> elements (a <use> of something that itself has a <use>)"
        css = " ".join(value for value in element.attrib.values() if "url(" in value.lower())
        if _local(element.tag) == "style":
            css += " " + (element.text or "")
        if "@import" in css.lower() or any(not url.startswith("#") for url in _CSS_URL.findall(css)):
            return "refers to another file or address; a logo must be a single self-contained file"
    return None
