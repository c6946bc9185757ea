"""The command line: parses flags, calls the library, prints findings and picks the exit code.

Exit codes: 0 success, 1 invalid input or findings, 2 could not run (usage, missing path), 3 internal error,
130 interrupted.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .console import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, EXIT_USAGE, echo_findings
from .i18n import UI_ENV, UI_LANGUAGES, locale_ui_language, reset_ui_language, set_ui_language, tr
from .printable import printable

EXIT_CODES_HELP = """\b
Exit codes:
  0  success: every file is valid
  1  invalid input: at least one error (YAML syntax errors included)
  2  could not run: bad usage, a path that does not exist or cannot be read
  3  internal error in seloste (please report it)
"""

F = TypeVar("F", bound=Callable[..., Any])

#: The commands defined in other modules, by name: "module:attribute" of the click command. A command's module
#: is imported only when that command runs (or when `--help` lists every command), so `seloste check` never
#: loads the PDF engine's or the questionnaire's code. Add a command here, under the name it is invoked by.
LAZY_COMMANDS: dict[str, str] = {
    "build": "seloste.build_command:build",
    "index": "seloste.build_command:index",
    "check": "seloste.checker.command:check",
    "rules": "seloste.checker.command:rules_command",
    "explain": "seloste.checker.command:explain",
    "init": "seloste.init_command:init",
    "processors": "seloste.init_command:processors",
    "preview": "seloste.preview:preview",
    "import": "seloste.importer.command:import_command",
    "audit": "seloste.importer.command:audit",
    "edit": "seloste.editor.command:edit",
}


class LazyGroup(click.Group):
    """A command group that imports a command's module only when the command is looked up (`LAZY_COMMANDS`).

    Commands added with `add_command` work as in any group."""

    def __init__(self, *args: Any, lazy_commands: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            self.add_command(self._load(cmd_name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                            list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            no_such = getattr(click.exceptions, "NoSuchCommand", None)  # click ≥ 8.4: "Did you mean …?"
            if no_such is None or not isinstance(exc, no_such):
                raise
            raise no_such(exc.command_name, possibilities=self.list_commands(ctx), ctx=ctx) from None

    def _load(self, name: str) -> click.Command:
        module_name, _, attribute = self.lazy_commands[name].partition(":")
        command = getattr(import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.lazy_commands[name]} is not a click command")
        return command


@click.group(cls=LazyGroup, lazy_commands=LAZY_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="seloste")
@click.option("--ui-lang", type=click.Choice(UI_LANGUAGES), metavar="fi|sv|en",
              help="Language of messages and findings (default: from LC_ALL, LC_MESSAGES or LANG: fi when it "
                   "starts with 'fi', sv when it starts with 'sv', else en).")
@click.pass_context
def cli(ctx: click.Context, ui_lang: str | None) -> None:
    """seloste turns one YAML description of a data controller into its privacy notice
    (tietosuojaseloste, GDPR Art 13/14) and its record of processing activities (Art 30)."""
    started()
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
    from .validate import PathError, find_files, input_roots, validate_file

    try:
        files = list(find_files(paths))
    except PathError as exc:
        raise click.UsageError(str(exc)) from None
    if not files:
        raise click.UsageError(tr("no *.yaml or *.yml files found in the given paths"))
    invalid = 0
    unreadable = False
    roots = input_roots(paths)
    for path in files:
        result = validate_file(path, roots=roots)
        echo_findings(result.findings)
        if result.document is None and result.findings and result.findings[0].rule == "unreadable":
            unreadable = True
        if not result.ok:
            invalid += 1
        elif not quiet:
            click.echo(tr("{file}: valid", file=printable(result.file)), err=True)
    if not quiet or invalid:
        click.echo(tr("{count} file(s) checked, {invalid} invalid", count=len(files), invalid=invalid), err=True)
    if unreadable:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_INVALID if invalid else EXIT_OK)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the controller file (draft 2020-12)."""
    from . import resources

    click.echo(resources.schema_text(), nl=False)


def started() -> None:
    """The end of start-up (the command's module is imported by now): the cyclic garbage collector, off while
    the imports run, is on again, and what start-up made is kept out of its way (`gc.freeze`)."""
    if not gc.isenabled():
        gc.enable()
        gc.freeze()


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command line and turn any unexpected exception into exit code 3.

    The garbage collector is off until the command starts (`started`): importing the libraries a command needs
    makes many objects and no garbage, and collecting them again and again cost 14 % of a one-file `seloste check`
    and 7 % of a one-notice PDF build (paired runs, `python -m benchmarks.run --only check process`)."""
    gc.disable()
    try:
        _run(argv)
    finally:
        if not gc.isenabled():  # the command never started (--help, a usage error): a caller's process stays as it was
            gc.enable()


def _run(argv: list[str] | None) -> None:
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
