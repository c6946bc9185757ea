"""One finding type for everything seloste reports: syntax errors, schema violations, rules, render warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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
    #: For a finding in a shared file: the controller files that inherit the value (reported once for all).
    clients: tuple[str, ...] = field(default=(), compare=False)

    def format(self) -> str:
        """The one-line form `file:line:column: severity: message [rule]`."""
        where = f"{self.file}:{self.line}:{self.column}"
        loc = f" ({self.path})" if self.path else ""
        return f"{where}: {self.severity.value}: {self.message}{loc} [{self.rule}]"


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
