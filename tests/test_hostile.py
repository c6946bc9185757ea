"""Hostile input and safe output: a crafted corpus through validate, check and build — no traceback, no hang,
no network request, no local file in the output, nothing written outside the output folder."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader

from seloste.pdf import write_pdf
from seloste.resources import templates_dir
from tests.conftest import EXAMPLES, ROOT
from tests.test_validate import MINIMAL


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_: object) -> None:
        pass


class _Tags(HTMLParser):
    """Every real tag with its attributes (escaped text stays text and is not seen here)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, attrs))


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on the loopback interface that counts the requests it receives."""
    hits: list[str] = []
    handler = type("Handler", (_Counter,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def _hostile_controller(url: str) -> str:
    return MINIMAL.replace("  name: Kauneushoitola Esimerkki\n", f"""\
  name: "<img src='{url}/name.png'><script>fetch('{url}/js')</script>"
  notes: |
    ![kuva]({url}/md.png) [linkki](javascript:fetch('{url}/a')) <iframe src="{url}/frame"></iframe>
    <link rel="stylesheet" href="{url}/x.css"> <img src="file:///etc/passwd">
""").replace("schema_version: 1\n", f"schema_version: 1\nbranding:\n  logo: {url}/logo.png\n")


def test_build_makes_no_network_request(listener: tuple[str, list[str]], tmp_path: Path) -> None:
    url, hits = listener
    source = tmp_path / "c.yaml"
    source.write_text(_hostile_controller(url), encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "seloste", "build", str(source), "-o", str(out), "-j", "1"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert "Traceback" not in done.stderr
    assert hits == []
    for page in out.rglob("*.html"):
        tags = _Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        assert not {"script", "iframe", "object", "embed"} & {tag for tag, _ in tags.seen}, page
        for tag, attrs in tags.seen:
            for name, value in attrs:
                if name not in ("src", "href", "data", "action", "srcset", "poster", "style"):
                    continue  # a title or alt holding a URL is text, not a request
                assert not (value or "").startswith((url, "javascript:", "file:")), (page, tag, name, value)


def test_pdf_engine_makes_no_network_request(listener: tuple[str, list[str]], tmp_path: Path) -> None:
    url, hits = listener
    html = f"""<!doctype html><html lang="fi"><head><title>t</title><link rel="stylesheet" href="{url}/a.css">
    <style>@import url("{url}/b.css"); body {{ background: url("{url}/c.png") }}
    @font-face {{ font-family: x; src: url("{url}/f.woff") }}</style></head>
    <body><img src="{url}/d.png" alt="d"><object data="{url}/e"></object></body></html>"""
    write_pdf(html, tmp_path, [tmp_path, templates_dir()], findings=[], source="x.yaml")
    assert hits == []


def test_local_file_image_leaves_no_trace_in_the_pdf(tmp_path: Path) -> None:
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text("root:x:0:0:SALAISUUS\n", encoding="utf-8")
    html = f"""<!doctype html><html lang="fi"><head><title>t</title></head><body><p>Teksti</p>
    <img src="file:///etc/passwd" alt="a"><img src="file://{secret}" alt="b">
    <object data="file://{secret}"></object><embed src="file://{secret}"></body></html>"""
    pdf = write_pdf(html, tmp_path, [tmp_path, templates_dir()], findings=[], source="x.yaml")
    assert b"root:x:0:0" not in pdf and b"SALAISUUS" not in pdf
    (tmp_path / "o.pdf").write_bytes(pdf)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "o.pdf").pages)
    assert "Teksti" in text
    assert "root:" not in text and "SALAISUUS" not in text


HOSTILE = {
    "alias-bomb.yaml": "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)),
    "deep.yaml": "a: " + "[" * 3000 + "]" * 3000 + "\n",
    "python-tag.yaml": "schema_version: 1\ncontroller: !!python/object/apply:os.system ['touch /tmp/pwned']\n",
    "utf16.yaml": None,
    "latin1.yaml": None,
    "bom.yaml": None,
    "control.yaml": "schema_version: 1\ncontroller: {name: \"a\\x00b\"}\nactivities: []\n",
    "traversal-id.yaml": MINIMAL.replace("schema_version: 1\n", "schema_version: 1\nid: ../../escape\n"),
    "slashy-stem..yaml": MINIMAL,
    "rtl.yaml": MINIMAL.replace("Kauneushoitola Esimerkki", "\u202eolleh\u202c <b>x</b> {{ 7*7 }}"),
    "dup.yaml": "schema_version: 1\nschema_version: 1\n",
    "huge.yaml": "# " + "x" * (1024 * 1024 + 10) + "\n",
    "empty.yaml": "",
    "list.yaml": "- 1\n- 2\n",
    "extends-passwd.yaml": MINIMAL.replace("schema_version: 1\n", "schema_version: 1\nextends: /etc/passwd\n"),
    "extends-up.yaml": MINIMAL.replace("schema_version: 1\n", "schema_version: 1\nextends: ../../../../etc/x.yaml\n"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "in"
    folder.mkdir()
    for name, text in HOSTILE.items():
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8")
    (folder / "utf16.yaml").write_bytes(MINIMAL.encode("utf-16"))
    (folder / "latin1.yaml").write_bytes(MINIMAL.replace("Esimerkki", "Äänekoski").encode("latin-1"))
    (folder / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    return folder


@pytest.mark.parametrize("command", ["validate", "check", "build"])
def test_corpus_never_crashes(corpus: Path, command: str) -> None:
    out = corpus.parent / f"out-{command}"
    args = [sys.executable, "-m", "seloste", command, str(corpus)]
    if command == "build":
        args += ["-o", str(out), "-j", "1", "--format", "html"]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert not Path("/tmp/pwned").exists()
    if command == "build":
        written = [p.resolve() for p in out.rglob("*")]
        assert all(out.resolve() in p.parents for p in written)
        assert not (corpus.parent / "escape").exists()
        assert "bom.yaml: built" in done.stderr or "bom" in " ".join(p.name for p in out.iterdir())
    for name in ("alias-bomb.yaml", "deep.yaml", "python-tag.yaml", "utf16.yaml", "latin1.yaml", "dup.yaml",
                 "huge.yaml", "empty.yaml", "control.yaml"):
        assert f"{name}:" in done.stdout, name  # each refused with a positioned finding


def test_symlinked_output_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "ihoklinikka-aurora").symlink_to(outside, target_is_directory=True)
    done = subprocess.run([sys.executable, "-m", "seloste", "build", str(EXAMPLES / "ihoklinikka-aurora.yaml"),
                           "-o", str(out), "-j", "1", "--format", "html"], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert list(outside.iterdir()) == []
    assert (out / "ihoklinikka-aurora" / "notice.fi.html").is_file()
