"""`seloste build`: validate controller files and write their notice and record as HTML and PDF."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .findings import Finding
from .validate import PathError

if TYPE_CHECKING:
    from .build import BuildResult

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

BUILD_HELP = """\b
Exit codes:
  0  every controller was built
  1  at least one input was invalid (nothing was written for it)
  2  could not run: bad usage, a path that does not exist or cannot be read
  3  internal error in seloste (please report it)
"""


def _echo_findings(findings: list[Finding]) -> None:
    for finding in findings:
        click.echo(finding.format())
        if finding.hint:
            click.echo(f"    hint: {finding.hint}")


def _exit_code(result: BuildResult) -> int:
    if any(c.findings and c.findings[0].rule == "unreadable" for c in result.failed):
        return EXIT_USAGE
    return EXIT_INVALID if result.failed else EXIT_OK


@click.command(epilog=BUILD_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write into; each controller gets OUTPUT/<id>/.")
@click.option("--only", type=click.Choice(["notice", "record"]), help="Build only the notice or only the record.")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), help="Write only HTML or only PDF.")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of templates that replace seloste's own (see templates/ in seloste).")
def build(paths: tuple[Path, ...], output: Path, only: str | None, fmt: str | None, templates: Path | None) -> None:
    """Build the privacy notice and the record of processing activities of each controller file.

    PATHS are files or folders; folders are searched recursively for *.yaml and *.yml. For each valid controller
    OUTPUT/<id>/ receives notice.fi.html, notice.fi.fragment.html, notice.fi.pdf, record.fi.html and
    record.fi.pdf, where <id> is the file's 'id' or its name.
    """
    from .build import build_paths  # the renderer loads only for this command

    try:
        result = build_paths(paths, output, only=only, fmt=fmt, templates=templates)  # type: ignore[arg-type]
    except PathError as exc:
        raise click.UsageError(str(exc)) from None
    if not result.controllers:
        raise click.UsageError("no *.yaml or *.yml files found in the given paths")
    for controller in result.controllers:
        _echo_findings(controller.findings)
        if controller.ok:
            click.echo(f"{controller.file}: wrote {len(controller.written)} file(s) to "
                       f"{output / (controller.slug or '')}", err=True)
        else:
            click.echo(f"{controller.file}: not built", err=True)
    built = len(result.controllers) - len(result.failed)
    click.echo(f"{len(result.controllers)} file(s), {built} built, {len(result.failed)} not built", err=True)
    sys.exit(_exit_code(result))


COMMANDS = [build]
