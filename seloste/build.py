"""Build the documents of controller files into an output folder: validate, render, write.

For each valid controller, `OUT/<id>/` receives `notice.fi.html`, `notice.fi.fragment.html`, `notice.fi.pdf`,
`record.fi.html` and `record.fi.pdf` (narrowed by `only` and `fmt`). Every document of a controller is rendered
in memory first and written only when all of them succeeded, each file atomically (a temporary file in the same
folder, then `os.replace`), so a reader never sees half a file. Invalid input writes nothing.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .findings import Finding, Severity, has_errors
from .loader import Document
from .render import RenderError, pdf_stylesheet, render_html, resolve_branding
from .resources import templates_dir
from .validate import find_files, validate_file

Only = Literal["notice", "record"]
Format = Literal["html", "pdf"]
LANGUAGE = "fi"
FILE_MODE = 0o644


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


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and `os.replace`."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_documents(
    doc: Document,
    source: Path,
    *,
    only: Only | None = None,
    fmt: Format | None = None,
    templates: Path | None = None,
    findings: list[Finding],
) -> dict[str, bytes]:
    """Every requested document of one controller, by file name. Raises RenderError for a broken template."""
    kinds: list[Only] = [only] if only else ["notice", "record"]
    formats: list[Format] = [fmt] if fmt else ["html", "pdf"]
    branding = resolve_branding(doc, findings)
    outputs: dict[str, bytes] = {}
    for kind in kinds:
        html = render_html(doc, kind, LANGUAGE, templates=templates, branding=branding)
        if "html" in formats:
            outputs[f"{kind}.{LANGUAGE}.html"] = html.encode("utf-8")
            if kind == "notice":
                fragment = render_html(doc, kind, LANGUAGE, fragment=True, templates=templates, branding=branding)
                outputs[f"{kind}.{LANGUAGE}.fragment.html"] = fragment.encode("utf-8")
        if "pdf" in formats:
            from .pdf import write_pdf  # WeasyPrint loads only when a PDF is asked for

            folder = source.resolve().parent
            allowed = [folder, templates_dir(), *([templates.resolve()] if templates else [])]
            outputs[f"{kind}.{LANGUAGE}.pdf"] = write_pdf(html, folder, allowed, findings=findings, source=doc.file,
                                                          stylesheets=[pdf_stylesheet(templates)])
    return outputs


def build_file(
    path: Path,
    out_dir: Path,
    *,
    only: Only | None = None,
    fmt: Format | None = None,
    templates: Path | None = None,
    taken: set[str] | None = None,
) -> ControllerBuild:
    """Validate and build one controller file. `taken` holds the output folders used so far in this run."""
    validated = validate_file(path)
    result = ControllerBuild(validated.file, findings=list(validated.findings))
    if not validated.ok or validated.document is None:
        return result
    doc = validated.document
    name = output_slug(doc, path)
    if taken is not None and name in taken:
        result.findings.append(doc.finding(
            ("id",), "duplicate-output", f"another input file in this run also builds into '{name}'; "
            "this one was skipped", key=True, hint="Give each controller file its own 'id'."))
        return result
    try:
        outputs = render_documents(doc, path, only=only, fmt=fmt, templates=templates, findings=result.findings)
    except RenderError as exc:
        result.findings.append(Finding(doc.file, 0, 0, "template", Severity.ERROR, str(exc)))
        return result
    target = out_dir / name
    target.mkdir(parents=True, exist_ok=True)
    for filename, data in outputs.items():
        write_atomic(target / filename, data)
        result.written.append(target / filename)
    result.slug = name
    if taken is not None:
        taken.add(name)
    return result


def build_paths(
    paths: Iterable[Path],
    out_dir: Path,
    only: Only | None = None,
    fmt: Format | None = None,
    templates: Path | None = None,
) -> BuildResult:
    """Build every controller file in `paths` (files, or folders searched for *.yaml and *.yml) into `out_dir`.

    Raises `seloste.validate.PathError` when a path does not exist.
    """
    result = BuildResult()
    taken: set[str] = set()
    for path in find_files(paths):
        result.controllers.append(
            build_file(path, out_dir, only=only, fmt=fmt, templates=templates, taken=taken))
    return result
