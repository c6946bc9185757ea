"""The `seloste edit` command: start the editor's server for one file and open the browser."""

from __future__ import annotations

import sys
import webbrowser
from pathlib import Path

import click

from ..console import EXIT_OK
from ..i18n import tr
from ..loopback import cannot_listen
from .server import DEFAULT_PORT, EditorServer


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--no-browser", is_flag=True, help="Do not open the browser; open the printed address yourself.")
@click.pass_context
def edit(ctx: click.Context, file: Path, port: int, no_browser: bool) -> None:
    """Edit FILE in a form in the browser, with findings beside each field and the notice previewed as you type.

    A FILE that does not exist yet starts from the questions of `seloste init`. The editor is served on this
    computer only (127.0.0.1); the first line printed is its address with the session's token. Saving keeps
    comments and every line you did not change. Stop with Ctrl+C.
    """
    ui = ctx.find_root().params.get("ui_lang") or "fi"
    if file.exists() and not file.is_file():
        raise click.UsageError(tr("{file}: not a file", file=file))
    try:
        if file.exists():
            file.read_bytes()
    except OSError as exc:
        raise click.UsageError(tr("cannot read {file}: {error}", file=file, error=exc.strerror or exc)) from None
    try:
        server = EditorServer(file, port, ui)
    except OSError as exc:
        raise click.UsageError(cannot_listen(exc, port, lambda free: f"seloste edit --port {free} {file}")) from None
    click.echo(server.url)
    sys.stdout.flush()
    click.echo(tr("The editor is open at the address above. Stop it with Ctrl+C."), err=True)
    if not no_browser:
        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    if server.session.dirty:
        click.echo(tr("Stopped; the changes that were not saved were discarded."), err=True)
    else:
        click.echo(tr("Stopped."), err=True)
    sys.exit(EXIT_OK)


COMMANDS = [edit]
