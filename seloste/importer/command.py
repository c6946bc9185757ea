"""`seloste import` (an old notice → an as-is YAML, or with --upgrade a draft to confirm) and `seloste audit`
(import and check in one step, findings pointing at the old notice).

The integrator adds them to the command group with `for command in COMMANDS: cli.add_command(command)`.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from ..checker.command import exit_code, report_options
from ..checker.config import ConfigError, resolve
from ..checker.formats import render, summary, use_color
from ..console import EXIT_OK, EXIT_USAGE, echo_findings
from ..findings import Severity
from ..i18n import tr
from ..safeio import write_atomic
from .sources import SourceError

IMPORT_HELP = """\b
Exit codes:
  0  the file was written
  2  could not run: the source cannot be read or fetched (a broken Word or PDF file, a page that is too big or
     redirects to a private address), or the output exists and --force was not given
  3  internal error in seloste (please report it)
"""

AUDIT_HELP = """\b
Exit codes (as for check):
  0  no errors (warnings and info do not fail, unless --strict)
  1  at least one error, or a warning under --strict
  2  could not run: the source cannot be read or fetched, bad configuration
  3  internal error in seloste (please report it)
"""


def _fail(message: str) -> None:
    click.echo(tr("seloste: {message}", message=message), err=True)
    sys.exit(EXIT_USAGE)


def write_text(path: Path, text: str) -> None:
    """Write `text` to `path` atomically: a reader sees the old file or the whole new one, never a part."""
    write_atomic(path, text.encode("utf-8"))


@click.command("import", epilog=IMPORT_HELP)
@click.argument("source")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: standard output).")
@click.option("--upgrade", is_flag=True,
              help="Complete the import into a draft that builds a lawful notice; every filled or changed value "
                   "is marked '# TARKISTA:'.")
@click.option("--preset", help="Business type for --upgrade (see 'seloste init --list-presets'); default: "
                               "recognised from the notice.")
@click.option("--force", is_flag=True, help="Overwrite the output file.")
def import_command(source: str, output: Path | None, upgrade: bool, preset: str | None, force: bool) -> None:
    """Read an old privacy notice and write what it says as a controller file.

    SOURCE is a .txt or .md file, a saved web page (.html), a Word file (.docx), a PDF or an http(s) address.
    Without --upgrade the file states exactly what the notice says, gaps and errors included, and every value
    carries a comment naming the line, page or paragraph it came from; text that found no place is listed at
    the end for a person to place. Run 'seloste check' on it (or 'seloste audit SOURCE') to see what it lacks.
    """
    from .extract import import_source
    from .sources import read_source

    if preset is not None and not upgrade:
        upgrade = True
    if output is not None and output.exists() and not force:
        _fail(tr("{file} exists; use --force to overwrite it", file=str(output)))
    try:
        imported = import_source(read_source(source))
    except SourceError as exc:
        _fail(str(exc))
        return
    if upgrade:
        from ..presets import PresetError
        from .upgrade import upgrade as make_upgrade

        try:
            result = make_upgrade(imported, preset)
        except PresetError as exc:
            _fail(str(exc))
            return
        text = result.text
    else:
        from .emit import dump

        text = dump(imported.data, imported)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_text(output, text)
    except OSError as exc:
        _fail(tr("cannot write {file}: {reason}", file=str(output), reason=exc.strerror or str(exc)))
    if upgrade:
        click.echo(tr("{file}: a draft completed from the preset '{preset}'; confirm every '# TARKISTA:' line",
                      file=str(output), preset=result.preset), err=True)
        echo_findings([f for f in result.findings if f.severity is Severity.ERROR and f.rule != "unconfirmed"])
    else:
        click.echo(tr("{file}: imported from {source} as it is; run 'seloste check {file}' to see what it lacks",
                      file=str(output), source=source), err=True)
    if imported.unplaced:
        click.echo(tr("{count} piece(s) of text found no place: see the SIJOITA lines at the end of {file}",
                      count=len(imported.unplaced), file=str(output)), err=True)
    sys.exit(EXIT_OK)


@click.command(epilog=AUDIT_HELP)
@click.argument("source")
@report_options(strict_help="Warnings fail the audit too.")
@click.option("--yaml", "yaml_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the imported as-is YAML to this file.")
def audit(source: str, fmt: str | None, output: Path | None, strict: bool, config_file: Path | None,
          today: dt.date | None, yaml_out: Path | None) -> None:
    """Import an old notice and check it in one step: what the published notice lacks.

    SOURCE is a .txt or .md file, a saved web page, a Word file, a PDF or an http(s) address. Findings point at
    the notice's own sections and lines (e.g. 'tietosuojaseloste.docx:§5: …').
    """
    from .audit import run_audit, text_report, with_places

    local = not source.lower().startswith(("http://", "https://"))
    try:
        config = resolve(config_file, [Path(source)] if local and Path(source).exists() else [Path.cwd()], today)
        result = run_audit(source, config)
    except (ConfigError, SourceError) as exc:
        _fail(str(exc))
        return
    if yaml_out is not None:
        try:
            write_text(yaml_out, result.yaml_text)
        except OSError as exc:
            _fail(tr("cannot write {file}: {reason}", file=str(yaml_out), reason=exc.strerror or str(exc)))
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if fmt == "text":
        color = output is None and use_color(sys.stdout.isatty(), os.environ)
        rendered = text_report(result, color=color)
    else:
        rendered = render(fmt, with_places(result), strict=strict)
    if output is not None:
        try:
            write_text(output, rendered)
        except OSError as exc:
            _fail(tr("cannot write {file}: {reason}", file=str(output), reason=exc.strerror or str(exc)))
    else:
        click.echo(rendered, nl=False)
    click.echo(summary(result.report), err=True)
    sys.exit(exit_code(result.report, strict))


COMMANDS: list[click.Command] = [import_command, audit]
