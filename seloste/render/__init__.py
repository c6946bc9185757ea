"""Render a controller's documents as HTML: the privacy notice (GDPR 13/14) and the record (GDPR 30).

A pure library: `render_html` returns a string and appends any problem to `findings`; nothing is printed or
written. The PDF engine lives in `seloste.pdf` and is imported only by those who make PDFs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from jinja2 import TemplateError

from ..findings import Finding
from ..loader import Document
from ..text import DEFAULT_LANGUAGE
from .branding import Branding, resolve_branding
from .context import KINDS, build_context
from .environment import environment_for

Kind = Literal["notice", "record"]
#: Languages the templates are written in. Swedish and English come with the gettext catalogues of a later issue.
TEMPLATE_LANGUAGES = ("fi",)

__all__ = [
    "KINDS",
    "TEMPLATE_LANGUAGES",
    "Branding",
    "Kind",
    "RenderError",
    "pdf_stylesheet",
    "render_html",
    "resolve_branding",
]
PDF_STYLESHEET = "pdf.css"


class RenderError(Exception):
    """A template could not be found, compiled or rendered (usually a broken `--templates` override)."""


def render_html(
    doc: Document,
    kind: Kind,
    lang: str = DEFAULT_LANGUAGE,
    *,
    fragment: bool = False,
    templates: Path | None = None,
    findings: list[Finding] | None = None,
    branding: Branding | None = None,
) -> str:
    """The notice or the record of `doc` as a standalone HTML page, or as an embeddable fragment.

    `templates` is a folder whose templates take precedence over seloste's own. `branding` is resolved from the
    YAML unless given (`resolve_branding`, once per controller when rendering several documents); its warnings
    (a refused logo, an unreadable accent colour) are appended to `findings` when given.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(KINDS)}")
    if lang not in TEMPLATE_LANGUAGES:
        raise ValueError(f"no templates in {lang!r} yet; available: {', '.join(TEMPLATE_LANGUAGES)}")
    if branding is None:
        branding = resolve_branding(doc, findings if findings is not None else [])
    context = build_context(doc, kind, lang, fragment=fragment, branding=branding)
    env = environment_for(templates)
    try:
        return env.get_template(f"{kind}.html.j2").render(context)
    except TemplateError as exc:
        raise RenderError(f"template error{_where(exc)}: {exc.message or exc}") from exc


def pdf_stylesheet(templates: Path | None = None) -> str:
    """The stylesheet only the PDF engine reads (running header by `string-set`, hyphenation limits)."""
    env = environment_for(templates)
    assert env.loader is not None
    try:
        source, _, _ = env.loader.get_source(env, PDF_STYLESHEET)
    except TemplateError as exc:
        raise RenderError(f"template error: {exc.message or exc}") from exc
    return source


def _where(exc: TemplateError) -> str:
    """" in FILE, line N" of the template line that failed (Jinja rewrites tracebacks to template lines)."""
    name, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            name, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    return f" in {name}, line {line}" if name and line else ""
