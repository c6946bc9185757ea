"""Printing findings on the command line: one place, so every command prints them alike."""

from __future__ import annotations

import click

from .findings import Finding
from .i18n import tr


def echo_findings(findings: list[Finding]) -> None:
    """Each finding as `file:line:column: severity: message [rule]`, its hint indented below it."""
    for finding in findings:
        click.echo(finding.format())
        if finding.hint:
            click.echo(f"    {tr('hint:')} {finding.hint}")
