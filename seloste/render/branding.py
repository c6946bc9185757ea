"""Branding from the YAML: the accent colour (kept readable), the font, and the logo as an embedded image.

The logo must be a PNG, JPEG or SVG file inside the folder of the YAML file that names it, within the limits of
`seloste.render.images` (size, pixels, SVG elements); anything else is refused with a warning and the
documents are built without it. It is embedded as a `data:` URI, so the HTML
files stand alone and the PDF engine never needs to open another file for it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..findings import Finding, Severity
from ..loader import Document
from ..safeio import FileTooLarge, read_regular

DEFAULT_ACCENT = "#2b5c8a"
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text, against white
MAX_LOGO_BYTES = 512 * 1024
LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class Branding:
    accent: str = DEFAULT_ACCENT
    tint: str = "#f1f5f9"
    font: str | None = None
    logo_src: str | None = None


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0, min(255, c))):02x}" for c in rgb)


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(_rgb(first)), _luminance(_rgb(second))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_with_white(hex_colour: str) -> float:
    return contrast(hex_colour, "#ffffff")


def accent_contrast(hex_colour: str) -> float:
    """The weakest contrast of accent-coloured text: on its own tint (the summary box), darker than white."""
    return contrast(hex_colour, tint(hex_colour))


def readable_accent(hex_colour: str) -> str:
    """The colour itself when text in it is readable on white and on its tint (WCAG AA), else the same hue
    darkened until it is."""
    rgb: tuple[float, float, float] = _rgb(hex_colour)
    colour = _hex(rgb)
    while accent_contrast(colour) < MIN_CONTRAST:
        rgb = (rgb[0] * 0.92, rgb[1] * 0.92, rgb[2] * 0.92)
        colour = _hex(rgb)
    return colour


def tint(hex_colour: str, amount: float = 0.07) -> str:
    """A very light background made from the colour: `amount` of it on white."""
    r, g, b = _rgb(hex_colour)
    return _hex((255 - (255 - r) * amount, 255 - (255 - g) * amount, 255 - (255 - b) * amount))


def _logo(doc: Document, name: str, findings: list[Finding]) -> str | None:
    def refuse(message: str) -> None:
        findings.append(doc.finding(("branding", "logo"), "branding-logo", message, severity=Severity.WARNING,
                                    hint="Put the logo file in the same folder as the YAML file."))

    # A logo inherited through `extends:` is relative to the shared file that names it.
    folder = Path(doc.value_files.get(("branding", "logo"), doc.file)).resolve().parent
    path = (folder / name).resolve()
    if not path.is_relative_to(folder):
        refuse(f"the logo '{name}' is outside the folder of the YAML file; it was left out")
        return None
    mime = LOGO_TYPES.get(path.suffix.lower())
    if mime is None:
        refuse(f"the logo '{name}' is not a PNG, JPEG or SVG file; it was left out")
        return None
    try:
        read = read_regular(path, MAX_LOGO_BYTES)  # the size is checked before a byte is read
    except FileTooLarge as exc:
        refuse(f"the logo '{name}' is {exc.size} bytes; the limit is {MAX_LOGO_BYTES} bytes; it was left out")
        return None
    except OSError as exc:
        refuse(f"cannot read the logo '{name}': {exc.strerror or exc}; it was left out")
        return None
    raw = read.data
    doc.sources[str(path)] = read.stamp
    from .images import raster_problem, svg_problem

    problem = svg_problem(raw) if mime == "image/svg+xml" else raster_problem(raw)
    if problem:
        refuse(f"the logo '{name}' {problem}; it was left out")
        return None
    return f"data:{mime};base64,{base64.b64encode(raw).decode('ascii')}"


def resolve_branding(doc: Document, findings: list[Finding]) -> Branding:
    """Branding for the documents of `doc`; problems are appended to `findings` as warnings."""
    data: Any = doc.data.get("branding") if isinstance(doc.data, dict) else None
    data = data if isinstance(data, dict) else {}
    accent = DEFAULT_ACCENT
    given = data.get("accent_color")
    if isinstance(given, str) and len(given) == 7:
        accent = readable_accent(given)
        if accent != given.lower():
            findings.append(doc.finding(
                ("branding", "accent_color"), "branding-contrast",
                f"text in the accent colour {given} is hard to read on a light background "
                f"(contrast {accent_contrast(given):.1f}:1, WCAG AA needs {MIN_CONTRAST}:1); "
                f"the documents use the darker {accent}", severity=Severity.WARNING))
    font = data.get("font") if isinstance(data.get("font"), str) else None
    logo = data.get("logo")
    logo_src = _logo(doc, logo, findings) if isinstance(logo, str) and logo else None
    return Branding(accent=accent, tint=tint(accent), font=font, logo_src=logo_src)
