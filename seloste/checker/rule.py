"""What every rule module shares: the protocol the registry expects, the options a rule is called with, and a
reporter that turns a rule's message table into findings.

A rule module defines `ID`, `ARTICLE`, `SEVERITY`, `OPTIONS` (defaults, possibly empty), a `MESSAGES` table
`{key: (message, hint)}` holding every text it shows in English (one place to translate: `make messages` extracts
the tables into the command line's catalogue, and the reporter shows them in the interface language), and
`check(doc, options) -> Iterator[Finding]`. Its docstring explains the rule with a passing and a failing example.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, Protocol

from ..findings import Finding, Severity
from ..i18n import ui_text
from ..loader import Document, JsonPath, json_path

_BY_RANK = {s.rank: s for s in Severity}


class Options(Mapping[str, Any]):
    """A rule's options (its defaults merged with the configuration) and the run's reference date."""

    def __init__(self, values: Mapping[str, Any] | None = None, *, today: dt.date | None = None) -> None:
        self._values = dict(values or {})
        self.today = today or dt.date.today()

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


class Rule(Protocol):
    """The shape of a rule module, as the registry and the runner use it."""

    ID: str
    ARTICLE: str
    SEVERITY: Severity
    OPTIONS: dict[str, Any]

    def check(self, doc: Document, options: Options) -> Iterator[Finding]: ...


def shifted(severity: Severity, steps: int) -> Severity:
    """`severity` moved `steps` ranks up (positive) or down (negative), kept within info..error."""
    return _BY_RANK[max(0, min(2, severity.rank + steps))]


class Reporter:
    """Makes a rule's findings from its message table.

    `minor` marks a lesser form of the rule's problem: `minor=1` (or True) is one severity lower than the rule's
    own, `minor=2` two. When the configuration re-levels a rule, every finding moves by the same number of steps.
    """

    def __init__(self, rule_id: str, article: str, severity: Severity, messages: Mapping[str, tuple[str, str]]):
        self.rule_id = rule_id
        self.article = article
        self.severity = severity
        self.messages = messages

    def __call__(self, doc: Document, path: JsonPath, key: str, *, minor: int = 0, at_key: bool = False,
                 article: str = "", position: tuple[int, int] | None = None, file: str | None = None,
                 **values: Any) -> Finding:
        """The finding at the value (or key) at `path`, in the file that value came from (a shared file when it
        was inherited through `extends:`); `position` is a line and column inside that value, `file` overrides."""
        message, hint = self.messages[key]
        where, line, column = doc.location(path, key=at_key)
        if position:
            line, column = position
        return Finding(file or where, line, column, self.rule_id, shifted(self.severity, -int(minor)),
                       ui_text(message).format(**values), path=json_path(path), article=article or self.article,
                       hint=ui_text(hint).format(**values))
