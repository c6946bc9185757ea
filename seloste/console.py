"""Printing findings on the command line: one place, so every command prints them alike."""

from __future__ import annotations

import click

from .findings import Finding
from .i18n import tr


def echo_findings(findings: list[Finding]) -> None:
    """Each finding as `file:line:column: severity: message [rule]`, its hint indented below it."""
    label = tr("hint:")  # outside the f-string, where Babel's extraction finds it
    for finding in findings:
        click.echo(finding.format())
        if finding.hint:
            click.echo(f"    {label} {finding.hint}")
