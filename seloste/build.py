"""Build the documents of controller files into an output folder: validate, render, write.

For each valid controller and each of its languages (`languages=` from the command line, else the YAML's
`languages:`, else Finnish), `OUT/<id>/` receives `notice.<lang>.html`, `notice.<lang>.fragment.html` (and its
stylesheet as `notice.<lang>.fragment.css`),
`notice.<lang>.pdf`, `record.<lang>.html` and `record.<lang>.pdf` (narrowed by `only` and `fmt`). Every document
of a controller is rendered in memory first and written only when all of them succeeded, each file atomically
(a temporary file in the same folder, then `os.replace`), so a reader never sees half a file. Invalid input
writes nothing, and neither does a text that lacks a requested language (unless `fallback` allows another
language's text): each such text becomes a `translation-missing` error at its place in the YAML.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .findings import Finding, Severity, has_errors
from .i18n import tr
from .loader import Document, JsonPath
from .render import MissingTranslationError, RenderError, pdf_stylesheet, render_html, resolve_branding
from .resources import templates_dir
from .safeio import stage, write_atomic
from .text import document_languages, language_list, source_language
from .validate import find_files, input_roots, validate_file

Only = Literal["notice", "record"]
Format = Literal["html", "pdf"]
#: The language built when neither the command line nor the YAML names one.
LANGUAGE = "fi"
TRANSLATION_RULE = "translation-missing"


@dataclass
class ControllerBuild:
    """The outcome for one input file."""

    file: str
    slug: str | None = None
    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.slug is not None and not has_errors(self.findings)


@dataclass
class BuildResult:
    controllers: list[ControllerBuild] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for c in self.controllers for f in c.findings]

    @property
    def written(self) -> list[Path]:
        return [p for c in self.controllers for p in c.written]

    @property
    def failed(self) -> list[ControllerBuild]:
        return [c for c in self.controllers if not c.ok]

    @property
    def ok(self) -> bool:
        return not self.failed


def slug(text: str) -> str:
    """A safe folder name: lowercase ASCII letters, digits, '-' and '_' (ä → a)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    cleaned = re.sub(r"[^a-z0-9_-]+", "-", ascii_text).strip("-_")
    return cleaned[:64] or "controller"


def output_slug(doc: Document, path: Path) -> str:
    ident = doc.data.get("id") if isinstance(doc.data, dict) else None
    return slug(ident if isinstance(ident, str) and ident else path.stem)


def write_if_changed(path: Path, data: bytes) -> bool:
    """`write_atomic` unless the file already holds exactly `data` (a build that changes nothing writes
    nothing); True when it wrote."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


def render_documents(
    doc: Document,
    source: Path,
    *,
    only: Only | None = None,
    fmt: Format | None = None,
    templates: Path | None = None,
    findings: list[Finding],
    languages: list[str] | None = None,
    fallback: bool = False,
    heading_base: int = 1,
) -> dict[str, bytes]:
    """Every requested document of one controller in each language, by file name (`notice.sv.pdf`).

    `languages` defaults to the YAML's `languages:` (else Finnish). A text that lacks one of them (and `fallback`
    is not allowed) is appended to `findings` as a `translation-missing` error, once per text with every
    language it lacks, and nothing is returned: the controller is not built. Raises RenderError for a broken
    template and ValueError for an unknown language code.
    """
    kinds: list[Only] = [only] if only else ["notice", "record"]
    formats: list[Format] = [fmt] if fmt else ["html", "pdf"]
    budget = _Budget()
    langs = document_languages(doc, languages)
    branding = resolve_branding(doc, findings)
    outputs: dict[str, bytes] = {}
    missing: dict[JsonPath, list[str]] = {}
    for lang in langs:
        try:
            pages = {kind: render_html(doc, kind, lang, fallback=fallback, templates=templates, branding=branding)
                     for kind in kinds}
            fragment = (render_html(doc, "notice", lang, fallback=fallback, fragment=True, templates=templates,
                                    branding=branding, heading_base=heading_base)
                        if "notice" in kinds and "html" in formats else None)
        except MissingTranslationError as exc:
            if not exc.fields:
                raise
            for path in exc.fields:
                missing.setdefault(path, []).append(lang)
            continue
        if missing:
            continue  # nothing will be written: do not spend time on PDFs
        for kind, html in pages.items():
            if "html" in formats:
                outputs[f"{kind}.{lang}.html"] = html.encode("utf-8")
                if kind == "notice" and fragment is not None:
                    outputs[f"{kind}.{lang}.fragment.html"] = fragment.encode("utf-8")
                    outputs[f"{kind}.{lang}.fragment.css"] = fragment_css(fragment).encode("utf-8")
            if "pdf" in formats:
                from .budget import BudgetExceeded
                from .pdf import write_pdf  # WeasyPrint loads only when a PDF is asked for

                folder = source.resolve().parent
                allowed = [folder, templates_dir(), *([templates.resolve()] if templates else [])]
                seconds = budget.remaining()
                try:
                    outputs[f"{kind}.{lang}.pdf"] = write_pdf(html, folder, allowed, findings=findings,
                                                              source=doc.file,
                                                              stylesheets=[pdf_stylesheet(templates, lang)],
                                                              seconds=seconds, spent=budget.spent)
                except BudgetExceeded as exc:
                    findings.append(budget_finding(doc, f"{kind}.{lang}.pdf", exc))
                    return {}
    if missing:
        findings.extend(translation_findings(doc, missing))
        return {}
    return outputs


class _Budget:
    """The CPU time left for a controller's PDFs: each PDF has `PDF_SECONDS`, all of them together a quarter
    more (a hostile file cannot multiply its cost by its number of languages)."""

    def __init__(self) -> None:
        from .budget import PDF_SECONDS

        self.per_pdf = PDF_SECONDS
        self.total = PDF_SECONDS * 1.25
        self.spent: list[float] = []

    def remaining(self) -> float:
        return max(1.0, min(self.per_pdf, self.total - sum(self.spent)))


def budget_finding(doc: Document, name: str, exc: Exception) -> Finding:
    """The error of a controller whose PDF ran past its budget: nothing is written for it."""
    kind, limit = getattr(exc, "kind", "time"), getattr(exc, "limit", 0)
    what = (tr("took more than {seconds:g} seconds of processor time", seconds=limit) if kind == "time"
            else tr("needed more than {megabytes} MiB of memory", megabytes=limit))
    return Finding(doc.file, 0, 0, "pdf-budget", Severity.ERROR,
                   tr("the PDF {name} {what}, so it was stopped; nothing was written for this controller",
                      name=name, what=what),
                   hint=tr("Look for very long texts, huge tables or a complicated logo in the file. A document "
                           "that really is this large can be given more time with SELOSTE_PDF_SECONDS (and "
                           "memory with SELOSTE_PDF_MEMORY_MB)."))


def fragment_css(fragment: str) -> str:
    """The fragment's stylesheet as a file of its own, for site editors that strip `<style>` from pasted HTML."""
    start, end = fragment.find("<style>"), fragment.find("</style>")
    return fragment[start + len("<style>"):end].strip() + "\n" if 0 <= start < end else ""


def translation_findings(doc: Document, missing: dict[JsonPath, list[str]]) -> list[Finding]:
    """One `translation-missing` error per text, at its place in the YAML, naming the languages it lacks."""
    first = source_language(doc.data)
    found = []
    for path, langs in missing.items():
        names = language_list(langs)
        found.append(doc.finding(
            path, TRANSLATION_RULE,
            tr("this text has no {languages} version, which the {languages} documents need; nothing was built for "
               "this file", languages=names),
            hint=tr("Write the text as a map with one entry per language, e.g. {{{first}: …, {lang}: …}}, or allow "
                    "a fallback to print the {first} text in its place.", first=first, lang=langs[0])))
    return found


@dataclass
class Rendered:
    """One controller file validated and rendered in memory: nothing written yet. `outputs` is empty on error."""

    file: str
    document: Document | None
    slug: str | None = None
    outputs: dict[str, bytes] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def render_file(
    path: Path,
    *,
    only: Only | None = None,
    fmt: Format | None = None,
    templates: Path | None = None,
    languages: list[str] | None = None,
    fallback: bool = False,
    roots: list[Path] | None = None,
    heading_base: int = 1,
) -> Rendered:
    """Validate one controller file and render every requested document to bytes. Never raises for bad input;
    a broken template becomes a `template` finding. `roots`: see `seloste.validate.validate_file`."""
    validated = validate_file(path, roots=roots)
    result = Rendered(validated.file, validated.document, findings=list(validated.findings))
    doc = validated.document
    if doc is None or not validated.ok:
        return result
    result.slug = output_slug(doc, path)
    try:
        outputs = render_documents(doc, path, only=only, fmt=fmt, templates=templates, findings=result.findings,
                                   languages=languages, fallback=fallback, heading_base=heading_base)
    except RenderError as exc:
        result.findings.append(Finding(doc.file, 0, 0, "template", Severity.ERROR, str(exc)))
        return result
    if not has_errors(result.findings):
        result.outputs = outputs
    return result


def write_outputs(out_dir: Path, name: str, outputs: dict[str, bytes]) -> list[Path]:
    """Write one controller's documents into `out_dir/name/`, never through a symbolic link.

    Every document is first written in full to a temporary file beside its place, and only when all of them
    are on disk are they renamed into place: a full disk or any other write fault leaves the earlier documents
    untouched and no temporary file behind (the OSError is raised)."""
    target = out_dir / name
    if target.is_symlink():
        target.unlink()  # never follow a link out of the output folder
    target.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for filename, data in outputs.items():
            staged.append((stage(target / filename, data), target / filename))
        for tmp, final in staged:
            os.replace(tmp, final)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    return [target / filename for filename in outputs]




def build_file(
    path: Path,
    out_dir: Path,
    *,
    only: Only | None = None,
    fmt: Format | None = None,
    templates: Path | None = None,
    taken: set[str] | None = None,
    languages: list[str] | None = None,
    fallback: bool = False,
    roots: list[Path] | None = None,
) -> ControllerBuild:
    """Validate and build one controller file. `taken` holds the output folders used so far in this run.

    `languages` (from the command line) overrides the YAML's `languages:`; `fallback` lets a text missing in a
    language print in the document's first language instead of stopping the build."""
    rendered = render_file(path, only=only, fmt=fmt, templates=templates, languages=languages, fallback=fallback,
                           roots=roots)
    result = ControllerBuild(rendered.file, findings=rendered.findings)
    if rendered.document is None or rendered.slug is None or not rendered.outputs:
        return result
    if taken is not None and rendered.slug in taken:
        result.findings.append(rendered.document.finding(
            ("id",), "duplicate-output", f"another input file in this run also builds into '{rendered.slug}'; "
            "this one was skipped", key=True, hint="Give each controller file its own 'id'."))
        return result
    result.written = write_outputs(out_dir, rendered.slug, rendered.outputs)
    result.slug = rendered.slug
    if taken is not None:
        taken.add(rendered.slug)
    return result


def build_paths(
    paths: Iterable[Path],
    out_dir: Path,
    only: Only | None = None,
    fmt: Format | None = None,
    templates: Path | None = None,
    languages: list[str] | None = None,
    fallback: bool = False,
) -> BuildResult:
    """Build every controller file in `paths` (files, or folders searched for *.yaml and *.yml) into `out_dir`.

    Raises `seloste.validate.PathError` when a path does not exist.
    """
    result = BuildResult()
    taken: set[str] = set()
    paths = list(paths)
    roots = input_roots(paths)
    for path in find_files(paths):
        result.controllers.append(
            build_file(path, out_dir, only=only, fmt=fmt, templates=templates, taken=taken, languages=languages,
                       fallback=fallback, roots=roots))
    return result
