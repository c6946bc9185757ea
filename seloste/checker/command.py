"""The `check`, `rules` and `explain` commands: parse flags, call the checker, pick a format and an exit code.

The integrator adds them to the command group with `for c in COMMANDS: cli.add_command(c)`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..console import EXIT_INVALID as EXIT_FINDINGS
from ..console import EXIT_OK, EXIT_USAGE
from ..findings import Severity, severity_word
from ..i18n import rule_doc_parts, tr, ui_paragraph, ui_text
from ..validate import PathError
from . import Report, run
from .config import ConfigError, resolve
from .formats import FORMATS, render, summary, use_color
from .registry import by_id, info, infos

CHECK_HELP = """\b
Exit codes:
  0  no errors (warnings and info do not fail, unless --strict)
  1  at least one error, or a warning under --strict
  2  could not run: bad path, bad configuration, unknown rule id
  3  internal error in seloste (please report it)
"""


def _today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date written as YYYY-MM-DD") from None


F = TypeVar("F", bound=Callable[..., Any])


def report_options(strict_help: str) -> Callable[[F], F]:
    """The options of every command that reports findings (`check`, `audit`): format, output file, `--strict`,
    configuration file and reference date."""
    options = [
        click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
                     help="Output format (default: text; github under GitHub Actions)."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write the report to FILE instead of standard output."),
        click.option("--strict", is_flag=True, help=strict_help),
        click.option("-c", "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Configuration file (default: .seloste.yaml or pyproject.toml [tool.seloste] found "
                          "upwards)."),
        click.option("--today", callback=_today, metavar="YYYY-MM-DD", help="Reference date for document-age."),
    ]

    def apply(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return apply


def _fail(message: str) -> None:
    click.echo(f"seloste: {message}", err=True)
    sys.exit(EXIT_USAGE)


def exit_code(report: Report, strict: bool) -> int:
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    unreadable = any(f.rule == "unreadable" for f in report.findings)
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(f.severity in failing for f in report.findings) else EXIT_OK


@click.command(epilog=CHECK_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@report_options(strict_help="Warnings fail the check too.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for many files (default: the number of cores; fewer than 8 files are "
                   "checked in one process).")
def check(paths: tuple[Path, ...], fmt: str | None, output: Path | None, strict: bool, config_file: Path | None,
          today: dt.date | None, jobs: int | None) -> None:
    """Check controller files for what the GDPR and Finnish law require the documents to say.

    PATHS are files or folders; folders are searched recursively for *.yaml and *.yml. YAML files that are not
    controller descriptions (no schema_version, controller or activities) are skipped.
    """
    try:
        config = resolve(config_file, paths, today)
        report = run(paths, config, jobs=jobs or os.cpu_count() or 1)
    except (ConfigError, PathError) as exc:
        _fail(str(exc))
        return
    if not report.files and not report.skipped:
        _fail("no *.yaml or *.yml files found in the given paths")
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if output is not None:
        try:
            output.write_text(render(fmt, report, strict=strict), encoding="utf-8")
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or exc}")
    else:
        color = use_color(sys.stdout.isatty(), os.environ)
        click.echo(render(fmt, report, color=color, strict=strict), nl=False)
    click.echo(summary(report), err=True)
    sys.exit(exit_code(report, strict))


@click.command("rules")
def rules_command() -> None:
    """List every rule: id, default severity, article and what it checks."""
    rows = infos()
    width = max(len(r.id) for r in rows)
    for rule in rows:
        word = severity_word(rule.severity)
        click.echo(f"{rule.id:<{width}}  {word:<9}  {rule.article}\n{'':<{width}}  {ui_text(rule.summary)}")


#: The width translated paragraphs of a rule's documentation are wrapped to: the docstrings' own.
DOC_WIDTH = 116


def explained_doc(doc: str, summary: str) -> str:
    """A rule's docstring in the interface language: the summary line and every prose paragraph the catalogue
    translates (re-wrapped to DOC_WIDTH), the example headings; the rest, the YAML examples above all, as written."""
    paragraphs, examples = rule_doc_parts(doc)
    shown = []
    for index, paragraph in enumerate(paragraphs):
        if index == 0:  # the summary line: an entry of its own, as `seloste rules` shows it
            shown.append(paragraph.replace(summary, ui_text(summary), 1))
            continue
        translated = ui_paragraph(paragraph)
        shown.append(paragraph if translated is None else
                     textwrap.fill(translated, DOC_WIDTH, break_long_words=False, break_on_hyphens=False))
    passing, failing = tr("Passing example::"), tr("Failing example::")  # the docstring's own headings
    examples = examples.replace("Passing example::", passing).replace("Failing example::", failing)
    return "\n\n".join([*shown, examples] if examples else shown)


@click.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Print the documentation of RULE, with a passing and a failing example."""
    found = by_id().get(rule)
    if found is None:
        close = difflib.get_close_matches(rule, list(by_id()), n=1)
        _fail(f"unknown rule '{rule}'" + (f" (did you mean '{close[0]}'?)" if close else "")
              + "; run 'seloste rules' for the list")
        return
    details = info(found)
    click.echo(f"{details.id}  ({severity_word(details.severity)}; {details.article})\n")
    if details.severity_reason:
        label = tr("Why this severity:")
        click.echo(f"{label} {details.severity_reason}\n")
    click.echo(explained_doc(details.doc, details.summary))
    if details.options:
        click.echo("\n" + tr("Options (defaults): {options}",
                             options=", ".join(f"{k}: {v!r}" for k, v in details.options.items())))


COMMANDS: list[click.Command] = [check, rules_command, explain]
