"""The command line: parses flags, calls the library, prints findings and picks the exit code.

Exit codes: 0 success, 1 invalid input or findings, 2 could not run (usage, missing path), 3 internal error,
130 interrupted.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__, resources
from .console import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, EXIT_USAGE, echo_findings
from .i18n import UI_ENV, UI_LANGUAGES, locale_ui_language, reset_ui_language, set_ui_language, tr
from .validate import PathError, find_files, validate_file

EXIT_CODES_HELP = """\b
Exit codes:
  0  success: every file is valid
  1  invalid input: at least one error (YAML syntax errors included)
  2  could not run: bad usage, a path that does not exist or cannot be read
  3  internal error in seloste (please report it)
"""

F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="seloste")
@click.option("--ui-lang", type=click.Choice(UI_LANGUAGES), metavar="fi|en",
              help="Language of messages and findings (default: from LC_ALL, LC_MESSAGES or LANG: fi when it "
                   "starts with 'fi', else en).")
@click.pass_context
def cli(ctx: click.Context, ui_lang: str | None) -> None:
    """seloste turns one YAML description of a data controller into its privacy notice
    (tietosuojaseloste, GDPR Art 13/14) and its record of processing activities (Art 30)."""
    lang = ui_lang or locale_ui_language()
    token = set_ui_language(lang)
    previous = os.environ.get(UI_ENV)
    os.environ[UI_ENV] = lang  # worker processes of a batch build inherit it

    def restore() -> None:
        reset_ui_language(token)
        if previous is None:
            os.environ.pop(UI_ENV, None)
        else:
            os.environ[UI_ENV] = previous

    ctx.call_on_close(restore)


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Print nothing for valid files.")
def validate(paths: tuple[Path, ...], quiet: bool) -> None:
    """Validate controller files against the schema and the form checks.

    PATHS are files or folders; folders are searched recursively for *.yaml and *.yml.
    """
    try:
        files = list(find_files(paths))
    except PathError as exc:
        raise click.UsageError(str(exc)) from None
    if not files:
        raise click.UsageError(tr("no *.yaml or *.yml files found in the given paths"))
    invalid = 0
    unreadable = False
    for path in files:
        result = validate_file(path)
        echo_findings(result.findings)
        if result.document is None and result.findings and result.findings[0].rule == "unreadable":
            unreadable = True
        if not result.ok:
            invalid += 1
        elif not quiet:
            click.echo(tr("{file}: valid", file=result.file), err=True)
    if not quiet or invalid:
        click.echo(tr("{count} file(s) checked, {invalid} invalid", count=len(files), invalid=invalid), err=True)
    if unreadable:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_INVALID if invalid else EXIT_OK)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the controller file (draft 2020-12)."""
    click.echo(resources.schema_text(), nl=False)


from .build_command import COMMANDS  # noqa: E402

for command in COMMANDS:
    cli.add_command(command)

from .checker.command import COMMANDS as CHECK_COMMANDS  # noqa: E402

for c in CHECK_COMMANDS:
    cli.add_command(c)

from .init_command import COMMANDS as INIT_COMMANDS  # noqa: E402

for command in INIT_COMMANDS:
    cli.add_command(command)

from .editor.command import COMMANDS as EDIT_COMMANDS  # noqa: E402

for command in EDIT_COMMANDS:
    cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command line and turn any unexpected exception into exit code 3."""
    try:
        cli.main(args=argv, prog_name="seloste", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit:
        raise
    except BaseException:
        click.echo("seloste: internal error — this is a bug in seloste, not in your file.", err=True)
        click.echo("Please report it to the seloste maintainers (README: 'Reporting problems') with the text "
                   "below and, if you can, the input file:", err=True)
        click.echo(traceback.format_exc(limit=-3), err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK)
