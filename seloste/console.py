"""What every command shares: its exit codes and how it prints findings."""

from __future__ import annotations

import click

from .findings import Finding
from .i18n import tr
from .printable import printable

#: 0 success, 1 invalid input or findings, 2 could not run (usage, missing path, bad configuration),
#: 3 internal error, 130 interrupted.
EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def echo_findings(findings: list[Finding]) -> None:
    """Each finding as `file:line:column: severity: message [rule]`, its hint indented below it."""
    label = tr("hint:")  # outside the f-string, where Babel's extraction finds it
    for finding in findings:
        click.echo(finding.format())
        if finding.hint:
            click.echo(f"    {label} {printable(finding.hint, newlines=False)}")
