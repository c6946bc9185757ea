"""`seloste preview FILE`: a local web page that shows the notice while the YAML is being edited.

The server listens on 127.0.0.1 only and answers only requests whose Host header is that address (no DNS
rebinding; `seloste.loopback`); every thread renders with its own Markdown converter.
A page is rendered from the file as it is when asked for; `/version` answers the file's modification stamp,
and a small script in preview pages asks for it every second and reloads the page when it changes. A file that
does not validate shows its findings instead of the notice, so an owner sees what to fix without leaving the
browser.
"""

from __future__ import annotations

import html
import webbrowser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import click

from .findings import Finding, has_errors
from .i18n import tr, translate
from .loopback import HOST, LoopbackServer, QuietHandler, cannot_listen
from .validate import validate_file

__all__ = ["HOST", "PreviewServer", "preview", "render_page", "version_of", "with_reload"]
DEFAULT_PORT = 8765
KINDS = ("notice", "record")
RELOAD = """<script>(function () {{
  var seen = "{version}";
  setInterval(function () {{
    fetch("/version", {{cache: "no-store"}}).then(function (r) {{ return r.text(); }})
      .then(function (v) {{ if (v !== seen) {{ location.reload(); }} }}).catch(function () {{}});
  }}, 1000);
}})();</script>"""
PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
pre{{white-space:pre-wrap;background:#f6f6f6;padding:1rem}} .hint{{color:#555}}</style></head>
<body><h1>{title}</h1>{body}</body></html>"""


def version_of(path: Path) -> str:
    """The file's modification stamp, or "missing"; a change means the page is out of date."""
    try:
        stat = path.stat()
    except OSError:
        return "missing"
    return f"{stat.st_mtime_ns}-{stat.st_size}"


def findings_page(path: Path, findings: list[Finding], lang: str = "fi") -> str:
    """The page shown instead of the document while the file has mistakes, in the document's language."""
    from .render import preview_texts as texts

    lines = []
    for finding in findings:
        lines.append(html.escape(finding.format()))
        if finding.hint:
            lines.append(f'<span class="hint">    {html.escape(finding.hint)}</span>')
    intro = html.escape(translate(lang, texts.HAS_MISTAKES).format(file=path))
    body = f"<p>{intro}</p><pre>{chr(10).join(lines)}</pre>"
    return PAGE.format(title=html.escape(translate(lang, texts.HAS_MISTAKES_TITLE)), body=body, lang=lang)


def render_page(path: Path, kind: str = "notice", lang: str = "fi") -> str:
    """The preview page for `path`: the rendered document, or the findings that prevent it. Never raises."""
    try:
        result = validate_file(path)
        if result.document is None or has_errors(result.findings):
            return findings_page(path, result.findings, lang)
        from .render import render_html  # imported here: the renderer loads Jinja and the templates

        return render_html(result.document, kind, lang)  # type: ignore[arg-type]
    except Exception as exc:  # a broken file must show, not stop the server
        from .render import preview_texts as texts

        body = f"<pre>{html.escape(type(exc).__name__)}: {html.escape(str(exc))}</pre>"
        return PAGE.format(title=html.escape(translate(lang, texts.FAILED_TITLE)), body=body, lang=lang)


def with_reload(page: str, version: str) -> str:
    script = RELOAD.format(version=html.escape(version))
    index = page.lower().rfind("</body>")
    return page + script if index < 0 else page[:index] + script + page[index:]


class PreviewServer(LoopbackServer):
    """Serves `/` (the notice), `/record`, and `/version` for one controller file."""

    thread_name = "seloste-preview"

    def __init__(self, path: Path, port: int = DEFAULT_PORT, lang: str = "fi") -> None:
        self.source, self.lang = path, lang
        super().__init__(port, _Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"


class _Handler(QuietHandler):
    server: PreviewServer

    def do_GET(self) -> None:
        if not self.server.host_ok(self.headers.get("Host")):
            self._send("seloste preview answers only to http://127.0.0.1 (wrong Host header)",
                       "text/plain; charset=utf-8", status=421)
            return
        url = urlsplit(self.path)
        if url.path == "/version":
            self._send(version_of(self.server.source), "text/plain; charset=utf-8")
            return
        kinds = {"/": "notice", "/notice": "notice", "/record": "record"}
        kind = kinds.get(url.path) or parse_qs(url.query).get("kind", [""])[0]
        if kind not in KINDS:
            self._send("not found", "text/plain; charset=utf-8", status=404)
            return
        version = version_of(self.server.source)
        page = render_page(self.server.source, kind, self.server.lang)
        self._send(with_reload(page, version), "text/html; charset=utf-8")

    def _send(self, text: str, content_type: str, status: int = 200) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--no-open", is_flag=True, help="Do not open the browser.")
@click.option("--lang", type=click.Choice(["fi", "sv", "en"]), default="fi", show_default=True,
              help="Language of the document.")
def preview(file: Path, port: int, no_open: bool, lang: str) -> None:
    """Show the privacy notice of FILE in the browser, updated every time the file is saved.

    The page is served on this computer only (127.0.0.1). /record shows the record of processing activities.
    Stop with Ctrl+C.
    """
    try:
        server = PreviewServer(file, port, lang)
    except OSError as exc:
        raise click.UsageError(cannot_listen(exc, port, lambda free: f"seloste preview --port {free} {file}")) from None
    click.echo(tr("Preview: {url}  (record of processing activities: {url}record)", url=server.url), err=True)
    click.echo(tr("The page reloads when you save the file. Stop with Ctrl+C."), err=True)
    if not no_open:
        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo(tr("Preview stopped."), err=True)
    finally:
        server.server_close()
