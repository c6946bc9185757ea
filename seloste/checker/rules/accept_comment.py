"""An inline accept names known rules and gives its reason.

A finding can be accepted where it is: a comment `# seloste: accept RULE-ID -- reason` on the finding's line, or
on the line above (several ids may be separated by commas). A finding about the file as a whole (a missing
top-level section) is accepted by such a comment at the start of any line. The reason is required: it is what
the next reader needs to know why the gap is acceptable. An accept without a reason does not suppress anything
and is reported, and so is an accept naming a rule that does not exist.

Passing example::

    extra_sections:
      # seloste: accept document-age -- reviewed 2025-01-10, nothing changed
      - title: Lokitiedot
        body: Palvelimen lokit säilytetään 30 päivää.

Failing example::

    extra_sections:
      # seloste: accept document-age
      - title: Lokitiedot
        body: Palvelimen lokit säilytetään 30 päivää.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..rule import Options, Reporter

ID = "accept-comment"
ARTICLE = "seloste"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "An accept without a reason, or one naming an unknown rule, is almost certainly a slip in the file "
    "that hides or fails to hide a finding: a person should look (warning). It is no legal gap in itself."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "no-reason": ("the accept of {rules} gives no reason, so it accepts nothing",
                  "Write the reason after ' -- ', e.g. '# seloste: accept {first} -- checked with our lawyer'."),
    "unknown": ("the accept names '{rule}', which is not a seloste rule",
                "Run 'seloste rules' for the list of rule ids."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

#: The start of an accept comment. Only this is a regular expression (linear: `\s*` runs between literals); the
#: rest of the line is split with string operations, so no line can make parsing backtrack.
ACCEPT = re.compile(r"#\s*seloste:\s*accept\b", re.IGNORECASE)
_SEPARATORS = ("--", "—")


@dataclass(frozen=True)
class Accept:
    """One inline accept comment."""

    line: int
    column: int
    rules: tuple[str, ...]
    reason: str


def accepts(text: str) -> Iterator[Accept]:
    """Every `# seloste: accept …` comment in a file's text."""
    for number, line in enumerate(text.splitlines(), start=1):
        if "seloste" not in line:
            continue
        match = ACCEPT.search(line)
        if match:
            parsed = _parse(line[match.end():])
            if parsed is not None:
                yield Accept(number, match.start() + 1, *parsed)


def _parse(rest: str) -> tuple[tuple[str, ...], str] | None:
    """(rule ids, reason) from what follows `# seloste: accept`; None when the ids run into another comment."""
    found = [(i, len(sep)) for sep in _SEPARATORS if (i := rest.find(sep)) >= 0]
    ids_text, reason = rest, ""
    if found:
        cut, length = min(found)
        ids_text, reason = rest[:cut], rest[cut + length:].strip()
    if "#" in ids_text:
        return None
    return tuple(part for part in ids_text.replace(",", " ").split() if part), reason


def check(doc: Document, options: Options) -> Iterator[Finding]:
    from ..registry import rule_ids  # the registry imports this module

    known = rule_ids()
    for file, text in doc.files().items():
        for accept in accepts(text):
            position = (accept.line, accept.column)
            if not accept.reason:
                names = ", ".join(accept.rules) or "(no rule id)"
                yield report(doc, (), "no-reason", position=position, file=file, rules=names,
                             first=accept.rules[0] if accept.rules else "RULE-ID")
            for rule in accept.rules:
                if rule not in known:
                    yield report(doc, (), "unknown", position=position, file=file, rule=rule)
