"""Render a controller's documents as HTML: the privacy notice (GDPR 13/14) and the record (GDPR 30).

A pure library: `render_html` returns a string and appends any problem to `findings`; nothing is printed or
written. The PDF engine lives in `seloste.pdf` and is imported only by those who make PDFs.

Every document can be rendered in Finnish, Swedish and English: the standard texts come from the gettext
catalogues, the free text from the YAML's per-language maps. A text that lacks the requested language (a plain
string counts as written in the document's first language) stops the rendering with MissingTranslationError,
which lists every such field, unless `fallback=True` lets the text of another language stand in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from jinja2 import TemplateError

from ..findings import Finding
from ..loader import Document, JsonPath, json_path
from ..text import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    MissingTranslation,
    document_languages,
    language_list,
    missing_translations,
    text_fields,
)
from .branding import Branding, resolve_branding
from .context import KINDS, build_context, dicts, is_public, listed_processors
from .environment import environment_for
from .fragment import adapt
from .fragment import id_prefix as fragment_id_prefix

Kind = Literal["notice", "record"]
#: Languages the templates are written in (each has a gettext catalogue).
TEMPLATE_LANGUAGES = LANGUAGES

__all__ = [
    "KINDS",
    "TEMPLATE_LANGUAGES",
    "Branding",
    "Kind",
    "MissingTranslationError",
    "RenderError",
    "document_languages",
    "pdf_stylesheet",
    "printed_texts",
    "render_html",
    "resolve_branding",
]
PDF_STYLESHEET = "pdf.css"


class RenderError(Exception):
    """A template could not be found, compiled or rendered (usually a broken `--templates` override)."""


class MissingTranslationError(RenderError):
    """Texts the document prints have no version in the requested language, and no fallback was allowed.

    `fields` holds the JSON paths of those texts (empty when a custom template printed a text seloste could not
    foresee); `lang` is the language asked for.
    """

    def __init__(self, lang: str, fields: list[JsonPath]) -> None:
        self.lang = lang
        self.fields = fields
        shown = ", ".join(json_path(p) for p in fields[:10]) + (f" and {len(fields) - 10} more" if len(fields) > 10
                                                                  else "")
        where = f" for {len(fields)} field(s): {shown}" if fields else ""
        super().__init__(f"no {language_list([lang])} text{where}; write the text in that language or allow "
                         "a fallback to another language")


def render_html(
    doc: Document,
    kind: Kind,
    lang: str = DEFAULT_LANGUAGE,
    *,
    fallback: bool = False,
    fragment: bool = False,
    templates: Path | None = None,
    findings: list[Finding] | None = None,
    branding: Branding | None = None,
    heading_base: int = 1,
    id_prefix: str | None = None,
) -> str:
    """The notice or the record of `doc` in `lang` (fi, sv or en) as a standalone HTML page, or as an embeddable
    fragment.

    Free text is taken in `lang`; a plain string counts as written in the document's first language (its
    `languages:` list, by default Finnish). When a text the document prints lacks `lang`, MissingTranslationError
    lists every such field, unless `fallback` allows the text of another language (the first language's first).
    `templates` is a folder whose templates take precedence over seloste's own. `branding` is resolved from the
    YAML unless given (`resolve_branding`, once per controller when rendering several documents); its warnings
    (a refused logo, an unreadable accent colour) are appended to `findings` when given.

    A fragment's headings start at level `heading_base` (1: the title is an h1) and its ids, label references and
    in-page links carry `id_prefix` (by default the document's id or file name and the language), so that
    fragments of several documents and languages can share one page (`fragment.py`).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(KINDS)}")
    if lang not in TEMPLATE_LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(TEMPLATE_LANGUAGES)}")
    if not fallback:
        missing = missing_translations(doc.data, [lang], printed_texts(doc, kind))
        if missing:
            raise MissingTranslationError(lang, [path for path, _ in missing])
    if branding is None:
        branding = resolve_branding(doc, findings if findings is not None else [])
    env = environment_for(templates)
    try:
        context = build_context(doc, kind, lang, fragment=fragment, branding=branding, fallback=fallback)
        html = env.get_template(f"{kind}.html.j2").render(context)
    except MissingTranslation as exc:
        raise MissingTranslationError(lang, []) from exc
    except TemplateError as exc:
        raise RenderError(f"template error{_where(exc)}: {exc.message or exc}") from exc
    if not fragment:
        return html
    if id_prefix is None:
        ident = doc.data.get("id") if isinstance(doc.data, dict) else None
        id_prefix = fragment_id_prefix(ident if isinstance(ident, str) and ident else Path(doc.file).stem, lang)
    return adapt(html, id_prefix, heading_base)


def printed_texts(doc: Document, kind: str) -> list[tuple[JsonPath, Any]]:
    """The human-language texts of `doc` that its notice or its record prints, with their paths.

    The notice leaves out the activities marked `public: false`, the processors only those use, and the extra
    sections meant for the record only; the record leaves out the notice's own title and the sections meant
    for the notice only.
    """
    data: Any = doc.data if isinstance(doc.data, dict) else {}
    skip: set[JsonPath] = set()
    every = dicts(data.get("activities"))
    if kind == "notice":
        shown = [a for a in every if is_public(a)]
        skip |= {("activities", i) for i, a in enumerate(data.get("activities") or []) if isinstance(a, dict)
                 and not is_public(a)}
        listed = {id(p) for p in listed_processors(data, shown, kind)}
        skip |= {("processors", i) for i, p in enumerate(data.get("processors") or [])
                 if isinstance(p, dict) and id(p) not in listed}
    else:
        skip.add(("document", "title"))
    for i, section in enumerate(data.get("extra_sections") or []):
        if isinstance(section, dict) and kind not in section.get("in", ["notice"]):
            skip.add(("extra_sections", i))
    return [(path, value) for path, value in text_fields(data)
            if not any(path[:len(prefix)] == prefix for prefix in skip)]


def pdf_stylesheet(templates: Path | None = None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The stylesheet only the PDF engine reads (running header by `string-set`, hyphenation limits), in `lang`:
    it is a template, for the words it puts in the running header."""
    env = environment_for(templates)
    try:
        return env.get_template(PDF_STYLESHEET).render(lang=lang)
    except TemplateError as exc:
        raise RenderError(f"template error{_where(exc)}: {exc.message or exc}") from exc


def _where(exc: TemplateError) -> str:
    """" in FILE, line N" of the template line that failed (Jinja rewrites tracebacks to template lines)."""
    name, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            name, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    return f" in {name}, line {line}" if name and line else ""
