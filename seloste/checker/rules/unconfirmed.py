"""Defaults nobody has confirmed: a `# TARKISTA:` mark is still in the file.

`seloste init` (and `seloste import --upgrade`) write the defaults of a business type's preset — how long
customer data are kept, whether an accounting firm sees the invoices, how often offers are sent — and mark each
with a comment `# TARKISTA: …` ("check"). The mark stays until a person has read the value, changed it to match
what the business really does and deleted the comment. Until then the file only looks complete, so every mark
left is a warning: a person should look (`check --strict` fails on it in CI). Marks in shared files are reported
in the shared file. A value that is right as it stands is confirmed by deleting its mark.

Passing example::

    retention:
      - categories: [perustiedot]
        period: {years: 3}
        trigger: viimeisestä käynnistä

Failing example::

    retention:
      - categories: [perustiedot]
        period: {years: 3}  # TARKISTA: säilytysaika on oma päätöksesi
        trigger: viimeisestä käynnistä
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..rule import Options, Reporter

ID = "unconfirmed"
ARTICLE = "GDPR 5(1)(d), 5(2)"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "A warning: a default nobody has confirmed is very likely not yet true for this business, and a person must "
    "look; it is not an error, because the default may well be right. CI fails on it with --strict."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "mark": ("a default is not yet confirmed: {note}",
             "Check the value on this line, change it to match what you really do, then delete the "
             "'# TARKISTA:' comment."),
    "bare": ("a default is not yet confirmed (a TARKISTA mark)",
             "Check the value on this line, change it to match what you really do, then delete the "
             "'# TARKISTA' comment."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

#: A YAML comment (a '#' at the start of a line or after a blank) that starts with TARKISTA.
MARK = re.compile(r"(?:^|(?<=\s))#\s*TARKISTA\b\s*:?\s*(?P<note>.*?)\s*$")


def marks(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, note) of every TARKISTA comment in a file's text."""
    for number, line in enumerate(text.splitlines(), start=1):
        if "TARKISTA" not in line:
            continue
        match = MARK.search(line)
        if match and not _in_quotes(line[: match.start()]):
            yield number, match.start() + 1, match.group("note")


def _in_quotes(before: str) -> bool:
    """Whether a '#' after `before` stands inside a quoted text (then it is not a comment)."""
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for file, text in doc.files().items():
        for line, column, note in marks(text):
            yield report(doc, _path_on_line(doc, file, line), "mark" if note else "bare", position=(line, column),
                         file=file, note=note)


def _path_on_line(doc: Document, file: str, line: int) -> tuple[str | int, ...]:
    """The outermost value that starts on `line` of `file`: the one the mark at the end of the line is about
    (`period: {years: 3}  # TARKISTA` is about the period); the whole document when none does."""
    found = [path for path, pos in doc.values.items()
             if pos[0] == line and doc.keys.get(path, pos)[0] == line and doc.value_files.get(path, doc.file) == file]
    return min(found, key=len) if found else ()
