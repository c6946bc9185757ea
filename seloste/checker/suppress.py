"""Inline accepts: `# seloste: accept RULE-ID -- reason` on a finding's line or the line above suppresses it.

The comment stands in the file the finding points into: a finding on a value inherited through `extends:` is
accepted in the shared file, where the value is written.

The comment may also stand on (or above) the line of the key whose value the finding is about, so a finding
inside a multi-line text can be accepted above its key. A finding about the file as a whole (a missing top-level
section, JSON path `$`) is accepted by a comment that starts a line anywhere in the file. An accept without a
reason suppresses nothing (the accept-comment rule reports it).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding
from ..loader import Document, json_path
from .rules.accept_comment import accepts


def accepted_lines(text: str) -> tuple[dict[int, set[str]], set[str]]:
    """For each line, the rule ids accepted there (with a reason); and the ids accepted for the whole file."""
    lines: dict[int, set[str]] = {}
    whole: set[str] = set()
    for accept in accepts(text):
        if accept.reason:
            lines.setdefault(accept.line, set()).update(accept.rules)
            if accept.column == 1:
                whole.update(accept.rules)
    return lines, whole


def apply(doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """The findings that no inline accept covers."""
    findings = list(findings)
    accepted = {file: accepted_lines(text) for file, text in doc.files().items()}
    if not any(lines for lines, _ in accepted.values()):
        return findings
    key_lines = {(doc.key_files.get(path, doc.file), json_path(path)): pos[0] for path, pos in doc.keys.items()}
    value_lines = {(doc.value_files.get(path, doc.file), json_path(path)): pos[0] for path, pos in doc.values.items()}
    kept = []
    for finding in findings:
        lines, whole = accepted.get(finding.file, ({}, set()))
        if finding.path == "$" and finding.rule in whole:
            continue
        at = (finding.file, finding.path)
        anchors = {finding.line, key_lines.get(at, 0), value_lines.get(at, 0)} - {0}
        candidates = anchors | {line - 1 for line in anchors}
        if not any(finding.rule in lines.get(line, ()) for line in candidates):
            kept.append(finding)
    return kept
