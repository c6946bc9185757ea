"""Audit an old notice: import it, check the as-is description, and point every finding at the source.

A finding of the checker points at a value of the imported YAML; the importer knows which line (page and line,
paragraph) of the source each value came from and under which of the notice's sections it stands, so the
finding is reported as `tietosuojaseloste.docx:§5: error: …`. A finding about something the notice lacks
altogether (no retention, no rights section) points at the part of the notice nearest to it, or at the notice
as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import click

from ..checker import Config, Report, check_document
from ..checker.registry import rule_ids
from ..findings import Finding, Severity
from ..i18n import tr
from ..loader import Document, JsonPath, LoadError, loads
from ..validate import validate_document
from .emit import dump
from .extract import Imported, import_source
from .sections import Section
from .sources import Line, read_source

_PART = re.compile(r"\.([A-Za-z_$][\w$-]*)|\[(\d+)\]")


@dataclass
class Audit:
    imported: Imported
    yaml_text: str
    document: Document | None
    report: Report                   # findings pointing at the source
    yaml_findings: list[Finding]     # the same findings, pointing at the imported YAML
    places: dict[Finding, tuple[Section | None, Line | None]]
    also: dict[Finding, list[Finding]]


def parse_path(path: str) -> JsonPath:
    """'$.activities[0].purposes' → ('activities', 0, 'purposes')."""
    out: list[str | int] = []
    for match in _PART.finditer(path.removeprefix("$")):
        out.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
    return tuple(out)


def origin_of(imported: Imported, path: JsonPath) -> Line | None:
    """The source line of the value at `path`, or of the first value below it, or of the nearest value above it."""
    if not path:
        return None
    if path in imported.origin:
        return imported.origin[path]
    below = [line for p, line in imported.origin.items() if p[:len(path)] == path]
    if below:
        return min(below, key=lambda line: line.number)
    while path:
        path = path[:-1]
        if path in imported.origin:
            return imported.origin[path]
        below = [line for p, line in imported.origin.items() if p[:len(path)] == path and len(path) > 0]
        if below and path != ():
            return min(below, key=lambda line: line.number)
    return None


def checked(imported: Imported, text: str, config: Config | None) -> tuple[Document | None, list[Finding]]:
    """Validation and rule findings of an imported description, as `seloste check` gives them."""
    display = imported.source.name
    try:
        doc = loads(text, display)
    except LoadError as exc:  # pragma: no cover - the importer writes YAML that loads
        return None, [exc.finding]
    owned = rule_ids()
    findings = [f for f in validate_document(doc) if f.rule not in owned]
    if not any(f.rule == "schema" and f.severity is Severity.ERROR for f in findings):
        findings.extend(check_document(doc, config, consolidated=False))
    return doc, sorted(set(findings))


def run_audit(source: str, config: Config | None = None, *, allow_loopback: bool = False) -> Audit:
    """Import `source` and check it. Raises SourceError when the source cannot be read."""
    imported = import_source(read_source(source, allow_loopback=allow_loopback))
    text = dump(imported.data, imported)
    doc, findings = checked(imported, text, config)
    report = Report(files=[imported.source.name])
    places: dict[Finding, tuple[Section | None, Line | None]] = {}
    also: dict[Finding, list[Finding]] = {}
    for finding in findings:
        line = origin_of(imported, parse_path(finding.path)) if finding.path else None
        section = imported.section_of(line) if line is not None else None
        moved = replace(finding, file=imported.source.name, line=line.number if line else 0,
                        column=1 if line else 0)
        places[moved] = (section, line)
        report.findings.append(moved)
    report.findings.sort(key=lambda f: (f.line, f.rule, f.message))
    # the same problem said again further on in the notice (a repealed law cited in three sections, a system named
    # twice) is one finding of the audit, pointing at its first place; the others are listed with it
    first: dict[tuple[str, str], Finding] = {}
    kept: list[Finding] = []
    for finding in report.findings:
        key = (finding.rule, finding.message.lower())
        if key in first:
            also.setdefault(first[key], []).append(finding)
            continue
        first[key] = finding
        kept.append(finding)
    report.findings = kept
    return Audit(imported, text, doc, report, findings, places, also)


def where(audit: Audit, finding: Finding) -> str:
    """'§5' for a finding inside a numbered section, else the line or paragraph; '' for the whole notice."""
    section, line = audit.places.get(finding, (None, None))
    if section is not None and section.label:
        return section.label
    return str(line.number) if line is not None else ""


_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def text_report(audit: Audit, *, color: bool = False) -> str:
    """`source:§5: severity: message [rule]`, then the source's line, the article and the hint."""
    out: list[str] = []
    for f in audit.report.findings:
        loc = where(audit, f)
        head = f"{f.file}:{loc}" if loc else f.file
        severity = click.style(f.severity.value, fg=_COLORS[f.severity], bold=True) if color else f.severity.value
        out.append(f"{click.style(head, bold=True) if color else head}: {severity}: {f.message} [{f.rule}]")
        section, line = audit.places.get(f, (None, None))
        detail = []
        if line is not None:
            title = f" {section.title}" if section is not None and section.title else ""
            detail.append(f"{line.describe()}{title}".strip())
        detail.extend(part for part in (f.article, f.hint) if part)
        again = [where(audit, other) or str(other.line) for other in audit.also.get(f, [])]
        if again:
            detail.append(tr("also: {places}", places=", ".join(dict.fromkeys(again))))
        if detail:
            out.append("    " + " — ".join(detail))
    return "".join(line + "\n" for line in out)


def with_places(audit: Audit) -> Report:
    """The report for the machine formats: each message ends with the section and the source's line."""
    findings = []
    for f in audit.report.findings:
        section, line = audit.places.get(f, (None, None))
        parts = [p for p in ((section.label if section else ""), (line.describe() if line else "")) if p]
        findings.append(replace(f, message=f"{f.message} ({', '.join(parts)})" if parts else f.message))
    return Report(files=list(audit.report.files), findings=findings)
