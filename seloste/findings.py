"""One finding type for everything seloste reports: syntax errors, schema violations, rules, render warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .i18n import tr
from .printable import printable


class Severity(StrEnum):
    """How bad a finding is. Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, order=True)
class Finding:
    """A problem at a position in an input file.

    Lines and columns are 1-based; 0 means "the file as a whole". Sorting orders findings by file and position,
    so output is deterministic.
    """

    file: str
    line: int
    column: int
    rule: str
    severity: Severity = field(compare=False)
    message: str = field(compare=True)
    path: str = field(default="", compare=False)
    article: str = field(default="", compare=False)
    hint: str = field(default="", compare=False)
    #: How many times the same cause was found (one register-level statement, one shared file): reported once.
    count: int = field(default=1, compare=False)

    @property
    def shown_message(self) -> str:
        """The message in the interface language, with the number of repeats when the cause was found more
        than once."""
        if self.count <= 1:
            return self.message
        return tr("{message} (found {count} times)", message=self.message, count=self.count)
    #: For a finding in a shared file: the controller files that inherit the value (reported once for all).
    clients: tuple[str, ...] = field(default=(), compare=False)

    def format(self) -> str:
        """The one-line form `file:line:column: severity: message [rule]`, the severity in the interface
        language, with control characters and bidirectional overrides from the input shown as escapes."""
        where = f"{self.file}:{self.line}:{self.column}"
        loc = f" ({self.path})" if self.path else ""
        return printable(f"{where}: {severity_word(self.severity)}: {self.shown_message}{loc} [{self.rule}]")


def severity_word(severity: Severity) -> str:
    """'error', 'warning' or 'info' in the interface language ('virhe', 'varoitus', 'huomautus' in Finnish)."""
    words = {Severity.ERROR: tr("error"), Severity.WARNING: tr("warning"), Severity.INFO: tr("info")}
    return words[severity]


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
