"""Output formats: pure functions from a report (files checked and findings) to text.

text (one line per finding, `file:line:col: severity: message [rule]`, then the article and hint), json
(versioned), github (workflow annotations), sarif (2.1.0, for code-scanning dashboards) and junit (one test case
per file, one failure per error).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

import click

from .. import __version__
from ..findings import Finding, Severity, severity_word
from ..i18n import tr, ui_language
from ..printable import printable
from . import Report
from .registry import infos

FORMATS = ("text", "json", "github", "sarif", "junit")
JSON_VERSION = 1
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def use_color(is_tty: bool, environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return is_tty and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


def _english(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


def summary(report: Report) -> str:
    """One status line in the interface language, e.g. '3 files checked: 2 errors, 1 warning, 0 info'."""
    errors, warnings, notes = (report.count(s) for s in Severity)
    files, skipped = len(report.files), len(report.skipped)
    if ui_language() == "en":
        counts = ", ".join(_english(n, w) for n, w in ((errors, "error"), (warnings, "warning"), (notes, "info")))
        line = f"{_english(files, 'file')} checked: {counts}"
        note = f"{_english(skipped, 'YAML file')} skipped: not a controller description"
    else:
        counts = tr("{errors} error(s), {warnings} warning(s), {notes} info", errors=errors, warnings=warnings,
                    notes=notes)
        line = tr("{files} file(s) checked: {counts}", files=files, counts=counts)
        note = tr("{skipped} YAML file(s) skipped: not a controller description", skipped=skipped)
    return line + (f" ({note})" if skipped else "")


def inherited_by(f: Finding) -> str:
    """For a finding in a shared file, which controller files inherit the value; else ''."""
    if not f.clients:
        return ""
    return tr("inherited by {count} controller file(s): {files}", count=len(f.clients), files=", ".join(f.clients))


def text(report: Report, *, color: bool = False) -> str:
    lines = []
    for f in map(_safe, report.findings):
        where = f"{f.file}:{f.line}:{f.column}"
        word = severity_word(f.severity)
        severity = click.style(word, fg=_COLORS[f.severity], bold=True) if color else word
        rule = click.style(f"[{f.rule}]", dim=True) if color else f"[{f.rule}]"
        lines.append(f"{click.style(where, bold=True) if color else where}: {severity}: {f.shown_message} {rule}")
        detail = " — ".join(part for part in (f.article, f.hint) if part)
        if detail:
            lines.append(f"    {detail}")
        if f.clients:
            lines.append(f"    {inherited_by(f)}")
    return "".join(line + "\n" for line in lines)


def _safe(f: Finding) -> Finding:
    """The finding with every text it prints made printable (control characters, bidi overrides escaped)."""
    return replace(f, file=printable(f.file, newlines=False), message=printable(f.message),
                   rule=printable(f.rule, newlines=False), path=printable(f.path, newlines=False),
                   article=printable(f.article), hint=printable(f.hint),
                   clients=tuple(printable(c, newlines=False) for c in f.clients))


def _record(f: Finding) -> dict[str, object]:
    return {"file": f.file, "line": f.line, "column": f.column, "rule": f.rule, "severity": f.severity.value,
            "message": f.message, "article": f.article, "hint": f.hint, "path": f.path, "count": f.count,
            "clients": list(f.clients)}


def json_report(report: Report) -> str:
    data = {
        "version": JSON_VERSION,
        "findings": [_record(_safe(f)) for f in report.findings],
        "summary": {"files": len(report.files), "skipped": len(report.skipped),
                    "errors": report.count(Severity.ERROR), "warnings": report.count(Severity.WARNING),
                    "info": report.count(Severity.INFO)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = []
    for f in map(_safe, report.findings):
        props = [f"file={_escape_property(f.file)}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
        props.append(f"title={_escape_property(f'seloste {f.rule}' + (f' ({f.article})' if f.article else ''))}")
        body = "\n".join(part for part in (f.shown_message, f.hint, inherited_by(f)) if part)
        lines.append(f"::{_GITHUB[f.severity]} {','.join(props)}::{_escape_data(body)}")
    return "".join(line + "\n" for line in lines)


def _uri(file: str) -> str:
    path = Path(file)
    return path.as_uri() if path.is_absolute() else quote(path.as_posix(), safe="/")


def sarif(report: Report) -> str:
    """A SARIF 2.1.0 log with one run, the rules' metadata and one result per finding."""
    rules: list[dict[str, object]] = []
    index: dict[str, int] = {}
    for rule in infos():
        index[rule.id] = len(rules)
        rules.append({
            "id": rule.id, "name": rule.id.title().replace("-", ""),
            "shortDescription": {"text": rule.summary}, "fullDescription": {"text": rule.summary},
            "help": {"text": rule.doc}, "defaultConfiguration": {"level": _SARIF[rule.severity]},
            "properties": {"article": rule.article},
        })
    findings = [_safe(f) for f in report.findings]
    for f in findings:
        if f.rule not in index:
            index[f.rule] = len(rules)
            rules.append({"id": f.rule, "shortDescription": {"text": f"seloste validation: {f.rule}"},
                          "help": {"text": "Reported while reading and validating the file ('seloste validate')."},
                          "defaultConfiguration": {"level": "error"}})
    results = []
    for f in findings:
        location: dict[str, object] = {"artifactLocation": {"uri": _uri(f.file)}}
        if f.line > 0:
            location["region"] = {"startLine": f.line, "startColumn": max(f.column, 1)}
        message = " ".join(part for part in (f.shown_message, f.hint, inherited_by(f)) if part)
        result: dict[str, object] = {"ruleId": f.rule, "ruleIndex": index[f.rule], "level": _SARIF[f.severity],
                                     "message": {"text": message}, "locations": [{"physicalLocation": location}]}
        properties: dict[str, object] = {"article": f.article} if f.article else {}
        if f.clients:
            properties["clients"] = list(f.clients)
        if properties:
            result["properties"] = properties
        results.append(result)
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "seloste", "version": __version__, "rules": rules}},
        "columnKind": "unicodeCodePoints", "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def junit(report: Report, *, strict: bool = False) -> str:
    """JUnit XML: a test case per file, a failure per error (and per warning when strict)."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    by_file: dict[str, list[Finding]] = {printable(file, newlines=False): [] for file in report.files}
    for f in map(_safe, report.findings):
        by_file.setdefault(f.file, []).append(f)
    failed = sum(1 for found in by_file.values() if any(f.severity in failing for f in found))
    counts = {"tests": str(len(by_file)), "failures": str(failed), "errors": "0", "skipped": "0", "time": "0"}
    suites = ET.Element("testsuites", {"name": "seloste", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "seloste check", **counts})
    for file, found in by_file.items():
        case = ET.SubElement(suite, "testcase", {"classname": "seloste.check", "name": file, "file": file,
                                                 "time": "0"})
        for f in found:
            if f.severity in failing:
                failure = ET.SubElement(case, "failure", {"message": f.message, "type": f.rule})
                failure.text = "\n".join(part for part in (f"{f.file}:{f.line}:{f.column}: {f.message} [{f.rule}]",
                                                           f.article, f.hint, inherited_by(f)) if part)
        others = [f for f in found if f.severity not in failing]
        if others:
            ET.SubElement(case, "system-out").text = "".join(
                f"{f.file}:{f.line}:{f.column}: {f.severity.value}: {f.message} [{f.rule}]\n" for f in others)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": json_report,
    "github": github,
    "sarif": sarif,
}


def render(fmt: str, report: Report, *, color: bool = False, strict: bool = False) -> str:
    """The report in format `fmt` (one of FORMATS)."""
    if fmt == "text":
        return text(report, color=color)
    if fmt == "junit":
        return junit(report, strict=strict)
    return RENDERERS[fmt](report)
