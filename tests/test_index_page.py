"""The consultant's index: failed controllers first with their first findings and a link to the full report,
a header that counts what failed, in Finnish, Swedish or English; build's progress and summary in the UI
language."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from benchmarks.generate import generate
from seloste.cli import cli


class Page(HTMLParser):
    """The parts of index.html the tests read: the rows' first cells, ids, report links and the alert."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.lang = ""
        self.alert = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "a" and a.get("class") == "report":
            self.links.append(str(a.get("href")))
        if tag == "th" and a.get("scope") == "row":
            self._in = "row"
            self.rows.append("")
        if tag == "p" and a.get("role") == "alert":
            self._in = "alert"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "p"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "row":
            self.rows[-1] += data
        elif self._in == "alert":
            self.alert += data


def build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.output


def broken_batch(tmp_path: Path) -> tuple[Path, Path]:
    clients = tmp_path / "clients"
    generate(6, clients)
    for name in ("asiakas-00004.yaml", "asiakas-00001.yaml"):
        path = clients / name
        path.write_text(path.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 9"),
                        encoding="utf-8")
    return clients, tmp_path / "out"


def test_failed_controllers_come_first_with_findings_and_a_full_report(tmp_path: Path) -> None:
    clients, out = broken_batch(tmp_path)
    code, _ = build("build", str(clients), "-o", str(out), "--format", "html", "-j", "1")
    assert code == 1
    html = (out / "index.html").read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    assert page.lang == "fi"
    assert [row.endswith(("asiakas-00001.yaml", "asiakas-00004.yaml")) for row in page.rows] == [
        True, True, False, False, False, False]
    assert "6 rekisterinpitäjästä 2 jäi rakentamatta." in page.alert
    assert "'schema_version' cannot be the number 9" in html or "schema_version" in html
    first_cells = html.split("<tr>")[2]  # the first controller's row (after the header row)
    assert "ei rakennettu" in first_cells and 'class="findings"' in first_cells
    for link in page.links:
        assert link.startswith("#") and link[1:] in page.ids


def test_a_long_report_is_linked_and_complete(tmp_path: Path) -> None:
    clients, out = broken_batch(tmp_path)
    path = clients / "asiakas-00004.yaml"
    text = path.read_text(encoding="utf-8")
    for key in ("basis: ", "business_id: ", "drafted: "):
        text = text.replace(key, key + "x")
    path.write_text(text, encoding="utf-8")
    build("build", str(clients), "-o", str(out), "--format", "html", "-j", "1")
    html = (out / "index.html").read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    assert page.links, html
    report = html[html.index(f'id="{page.links[0][1:]}"'):]
    assert report.count("<li>") >= 4  # more than the three the row shows


def test_index_in_swedish_and_english(tmp_path: Path) -> None:
    clients, out = broken_batch(tmp_path)
    build("build", str(clients), "-o", str(out), "--format", "html", "-j", "1", "--index-lang", "sv")
    page = Page()
    page.feed((out / "index.html").read_text(encoding="utf-8"))
    assert page.lang == "sv" and "För 2 av 6 personuppgiftsansvariga" in page.alert
    code, _ = build("index", str(out), "--index-lang", "en")
    assert code == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "2 of 6 controllers failed to build." in html
    assert "not built" in html and "Privacy notice" in html


def test_build_speaks_finnish(tmp_path: Path) -> None:
    clients, out = broken_batch(tmp_path)
    code, output = build("--ui-lang", "fi", "build", str(clients), "-o", str(out), "--format", "html", "-j", "1")
    assert code == 1
    assert "6 rekisterinpitäjää: 4 rakennettu, 0 ohitettu, 2 epäonnistui, 0 poistettu" in output
    assert "asiakas-00001.yaml: ei rakennettu" in output
    assert "edistyminen: 6/6 · rakennettu 4 · ohitettu 0 · epäonnistui 2" in output
