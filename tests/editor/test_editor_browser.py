"""`seloste edit` in a real browser: the system Chromium driven by Playwright, the real server, real files."""

from __future__ import annotations

import difflib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from seloste.checker import check_file
from seloste.editor.server import EditorServer
from seloste.findings import Severity

from .conftest import settled

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ihoklinikka-aurora.yaml"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

Start = Callable[[Path], EditorServer]


def open_editor(page: Page, server: EditorServer) -> None:
    page.goto(server.url)
    settled(page)


def copy_example(tmp_path: Path) -> Path:
    target = tmp_path / "aurora.yaml"
    shutil.copyfile(EXAMPLE, target)
    return target


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0):
        if line.startswith("-") and not line.startswith("---"):
            removed.append(line[1:])
        elif line.startswith("+") and not line.startswith("+++"):
            added.append(line[1:])
    return removed, added


def test_new_salon_from_empty_to_a_clean_notice(tmp_path: Path, editor: Start, page: Page) -> None:
    target = tmp_path / "kielo.yaml"
    server = editor(target)
    page.goto(server.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Uusi tietosuojaseloste")
    page.get_by_label("Millaista toimintaa").select_option("kauneushoitola")
    page.get_by_label("Yrityksen virallinen nimi").fill("Kauneushoitola Kielo")
    page.locator("input[name=sole_trader][value=e]").check()  # not a sole trader: the notice says "we"
    page.get_by_label("Y-tunnus").fill("2077474-1")  # wrong check digit: refused beside the field
    page.get_by_label("Katuosoite").fill("Kielonkuja 4")
    page.get_by_label("Postinumero").fill("15140")
    page.get_by_label("Postitoimipaikka").fill("Lahti")
    page.get_by_label("Sähköpostiosoite tietosuoja-asioille").fill("info@kauneushoitola-kielo.fi")
    page.get_by_label("Mitä ajanvaraus-").select_option("timma")
    page.get_by_label("tekstiviestillä").check()
    page.locator("input[name=health_info][value=k]").check()
    page.get_by_role("button", name="Laadi selosteen pohja").click()
    expect(page.locator("#q-business_id-error")).to_contain_text("tarkiste")
    assert not target.exists()
    page.get_by_label("Y-tunnus").fill("2077474-0")
    page.get_by_role("button", name="Laadi selosteen pohja").click()
    page.wait_for_selector("#form")
    settled(page)
    expect(page.locator("#f-controller-name-input")).to_have_value("Kauneushoitola Kielo")
    assert not target.exists(), "nothing is written before the owner saves"
    # Every TARKISTA mark is an open point with a link to its field; the owner confirms them one by one.
    marks = page.locator("#points-list button[data-confirm]")
    assert marks.count() > 0
    link = page.locator("#points-list li.mark a").first
    link.click()
    assert page.evaluate("document.activeElement.closest('[data-field]') !== null")
    while marks.count():
        before = marks.count()
        marks.first.click()
        settled(page)
        expect(marks).to_have_count(before - 1)
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("#status")).to_contain_text("Tallennettu")
    text = target.read_text(encoding="utf-8")
    assert "TARKISTA:" not in text and "Kauneushoitola Kielo" in text and "timma" in text
    findings = check_file(target)
    assert findings is not None
    assert [f.format() for f in findings if f.severity is not Severity.INFO] == []
    expect(page.locator("#preview")).to_be_visible()
    assert "Kauneushoitola Kielo" in page.frame_locator("#preview").locator("body").inner_text()


def test_edits_change_only_the_lines_they_touch(tmp_path: Path, editor: Start, page: Page) -> None:
    target = copy_example(tmp_path)
    original = target.read_text(encoding="utf-8")
    server = editor(target)
    open_editor(page, server)
    page.locator("#f-controller-name-input").fill("Ihoklinikka Aurora Oy (uusi nimi)")
    page.locator("#f-controller-phone-input").fill("09 123 4567")
    # A Swedish text beside the Finnish one, through the language tabs.
    page.locator("details.top[data-top=f-activities] > summary").click()
    first = page.locator("details[data-item=f-activities-0]")
    first.locator(":scope > summary").click()
    first.locator("#f-activities-0-name-tab-sv").click()
    page.locator("#f-activities-0-name-sv").fill("Kundregister (nytt)")
    settled(page)
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("#status")).to_contain_text("Tallennettu")
    saved = target.read_text(encoding="utf-8")
    removed, added = changed_lines(original, saved)
    assert len(removed) == 3, removed
    assert any("name: Ihoklinikka Aurora Oy (uusi nimi)" in line for line in added)
    assert any('phone: "09 123 4567"' in line for line in added)  # the quotes were the file's own
    assert any("Kundregister (nytt)" in line for line in added)
    # every comment of the original is still there
    comments = [line for line in original.splitlines() if line.lstrip().startswith("#")]
    assert all(line in saved.splitlines() for line in comments)


def test_list_items_are_added_moved_and_removed(tmp_path: Path, editor: Start, page: Page) -> None:
    target = copy_example(tmp_path)
    original = target.read_text(encoding="utf-8")
    server = editor(target)
    open_editor(page, server)
    page.get_by_role("button", name="+ Lisää: Aputoiminimet").click()
    settled(page)
    page.locator("#f-controller-trade_names-0-input").fill("Aurora Spa")
    page.get_by_role("button", name="+ Lisää: Aputoiminimet").click()
    settled(page)
    page.locator("#f-controller-trade_names-1-input").fill("Aurora Laser")
    settled(page)
    page.get_by_role("button", name="Siirrä ylös: Aputoiminimet, kohta 2").click()
    settled(page)
    assert json.loads(json.dumps(server.session.data["controller"]["trade_names"])) == ["Aurora Laser", "Aurora Spa"]
    expect(page.locator("#f-controller-trade_names-1-input")).to_have_value("Aurora Spa")
    page.get_by_role("button", name="Poista: Aputoiminimet, kohta 2").click()
    settled(page)
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("#status")).to_contain_text("Tallennettu")
    removed, added = changed_lines(original, target.read_text(encoding="utf-8"))
    assert removed == []
    assert [line.strip() for line in added] == ["trade_names:", "- Aurora Laser"]
    # an activity from a business preset, offered beside the activities
    page.locator("details.top[data-top=f-activities] > summary").click()
    page.get_by_label("Tai lisää valmis käsittelytoimi toimialan mallista").select_option("tatuointistudio:kuvat")
    page.get_by_role("button", name="+ Lisää mallista").click()
    settled(page)
    expect(page.locator("details[data-item=f-activities-4] > summary")).to_have_text("Kuvat valmiista töistä")
    expect(page.locator("#f-activities-4-id-input")).to_be_focused()
    expect(page.locator("#points-list li.mark", has_text="kuvia")).to_have_count(1)


def test_a_finding_appears_and_disappears_beside_its_field(tmp_path: Path, editor: Start, page: Page) -> None:
    server = editor(copy_example(tmp_path))
    open_editor(page, server)
    findings = page.locator("#f-controller-business_id-findings li")
    expect(findings).to_have_count(0)
    field = page.locator("#f-controller-business_id-input")
    good = field.input_value()
    field.fill(good[:-1] + str((int(good[-1]) + 1) % 10))
    expect(findings.first).to_contain_text("tarkistenumero")
    expect(field).to_have_attribute("aria-invalid", "true")
    point = page.locator("#points-list li.error a").first
    expect(point).to_contain_text("tarkistenumero")
    field.fill(good)
    expect(findings).to_have_count(0)
    expect(page.locator("#points-list li.error")).to_have_count(0)


def test_a_change_on_disk_is_never_overwritten_silently(tmp_path: Path, editor: Start, page: Page) -> None:
    target = copy_example(tmp_path)
    server = editor(target)
    open_editor(page, server)
    page.locator("#f-controller-name-input").fill("Editorin nimi")
    settled(page)
    outside = target.read_text(encoding="utf-8").replace("name: Ihoklinikka Aurora", "name: Toisen muokkaama Aurora", 1)
    target.write_text(outside, encoding="utf-8")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("#conflict")).to_be_visible()
    assert target.read_text(encoding="utf-8") == outside
    page.get_by_role("button", name="Lataa tiedosto uudelleen").click()
    expect(page.locator("#conflict")).to_be_hidden()
    expect(page.locator("#f-controller-name-input")).to_have_value("Toisen muokkaama Aurora Oy")
    assert target.read_text(encoding="utf-8") == outside
    # the owner's own version can still win, when asked for explicitly
    page.locator("#f-controller-name-input").fill("Editorin nimi")
    settled(page)
    target.write_text(outside + "\n", encoding="utf-8")
    page.get_by_role("button", name="Tallenna").click()
    page.get_by_role("button", name="Korvaa tiedosto").click()
    expect(page.locator("#conflict")).to_be_hidden()
    assert "name: Editorin nimi" in target.read_text(encoding="utf-8")


def test_unknown_keys_and_extends_are_kept_and_shown_read_only(tmp_path: Path, editor: Start, page: Page) -> None:
    shared = tmp_path / "_shared.yaml"
    shared.write_text("rights:\n  response_time: kuukauden kuluessa\nbranding:\n  font: DejaVu Serif\n",
                      encoding="utf-8")
    target = copy_example(tmp_path)
    text = target.read_text(encoding="utf-8")
    text = text.replace("schema_version: 1\n", "schema_version: 1\nextends: _shared.yaml\nx_own_note: keep me\n", 1)
    target.write_text(text, encoding="utf-8")
    server = editor(target)
    open_editor(page, server)
    page.locator("details.top[data-top=f-extends] > summary").click()
    expect(page.locator("#f-extends pre")).to_have_text("_shared.yaml")
    expect(page.locator("#f-extends .origin")).to_contain_text("rivi")
    page.locator("details.top[data-top=f-branding] > summary").click()
    expect(page.locator("#f-branding-font pre")).to_have_text("DejaVu Serif")
    expect(page.locator("#f-branding-font .origin")).to_contain_text("_shared.yaml, rivi 4")
    page.locator("details.top[data-top=f-x_own_note] > summary").click()
    expect(page.locator("#f-x_own_note pre")).to_have_text("keep me")
    page.locator("#f-controller-name-input").fill("Uusi nimi")
    settled(page)
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("#status")).to_contain_text("Tallennettu")
    saved = target.read_text(encoding="utf-8")
    assert "extends: _shared.yaml\nx_own_note: keep me\n" in saved
    removed, _added = changed_lines(text, saved)
    assert len(removed) == 1


def test_pdf_build_shows_progress_and_offers_downloads(tmp_path: Path, editor: Start, page: Page) -> None:
    target = copy_example(tmp_path)
    target.write_text(target.read_text(encoding="utf-8").replace("languages: [fi, sv, en]", "languages: [fi]"),
                      encoding="utf-8")  # two PDFs are enough to see the progress
    server = editor(target)
    open_editor(page, server)
    page.get_by_role("button", name="Tee PDF-tiedostot").click()
    expect(page.locator("#build-status")).to_contain_text("Valmis", timeout=60_000)
    expect(page.locator("#build-progress")).to_have_attribute("value", "2")
    link = page.locator("#downloads a", has_text="notice.fi.pdf")
    with page.expect_download() as info:
        link.click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")


def test_axe_finds_no_accessibility_violations(tmp_path: Path, editor: Start, page: Page) -> None:
    assert AXE.exists(), "axe-core is missing: `make test` installs it with npm ci (package-lock.json)"
    server = editor(copy_example(tmp_path))
    open_editor(page, server)
    page.locator("#f-controller-business_id-input").fill("1234567-1")  # findings shown too
    settled(page)
    page.locator("details").evaluate_all("ds => ds.forEach(d => d.open = true)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]] == []
    fresh = editor(tmp_path / "new.yaml")
    page.goto(fresh.url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]] == []


def tab_to(page: Page, condition: str, limit: int = 60) -> None:
    """Press Tab until `condition` holds for the focused element."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(condition):
            return
    raise AssertionError(f"Tab never reached: {condition}")


def test_keyboard_only(tmp_path: Path, editor: Start, page: Page) -> None:
    target = copy_example(tmp_path)
    server = editor(target)
    open_editor(page, server)
    keyboard = page.keyboard
    # the skip link is the first stop and leads into the form
    keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Siirry lomakkeeseen"
    keyboard.press("Enter")
    # Tab reaches the controller's name; typing edits it
    for _ in range(60):
        keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-controller-name-input":
            break
    assert page.evaluate("document.activeElement.id") == "f-controller-name-input"
    keyboard.press("Control+A")
    keyboard.type("Näppäimistön Aurora Oy")
    # a section opens with Enter on its summary; the language tabs move with the arrow keys
    for _ in range(200):
        keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('details.top')?.dataset.top === 'f-activities'"
                         " && document.activeElement.tagName === 'SUMMARY'"):
            break
    keyboard.press("Enter")
    expect(page.locator("details.top[data-top=f-activities]")).to_have_attribute("open", "")
    tab_to(page, "document.activeElement.parentElement.dataset.item === 'f-activities-0'")
    keyboard.press("Enter")  # opens the first activity: its fields come from the server
    settled(page)
    tab_to(page, "document.activeElement.getAttribute('role') === 'tab'")
    keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.textContent") == "ruotsi"
    keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.lang") == "sv"
    keyboard.press("Control+s")
    expect(page.locator("#status")).to_contain_text("Tallennettu")
    assert "name: Näppäimistön Aurora Oy" in target.read_text(encoding="utf-8")


def test_an_open_point_opens_the_activity_and_focuses_its_field(tmp_path: Path, editor: Start, page: Page) -> None:
    target = copy_example(tmp_path)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("basis: contract", "basis: contrakt", 1), encoding="utf-8")
    server = editor(target)
    open_editor(page, server)
    activity = page.locator("details[data-item=f-activities-0]")
    expect(activity).to_have_class("item lazy has-error")  # the closed activity says it holds an error
    point = page.locator("#points-list li.error a", has_text="contrakt")
    point.click()
    settled(page)
    expect(activity).to_have_attribute("open", "")
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("f-activities-0-purposes-") and focused.endswith("-basis-input"), focused
    expect(page.locator(f"#{focused.removesuffix('-input')}-findings li")).to_contain_text("contrakt")
    page.locator(f"#{focused}").select_option("contract")
    settled(page)
    expect(page.locator("#points-list li.error")).to_have_count(0)


def test_the_page_works_under_its_own_content_security_policy(tmp_path: Path, editor: Start, browser: Browser) -> None:
    server = editor(copy_example(tmp_path))
    context = browser.new_context()  # no bypass: the policy the owner's browser enforces
    try:
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        page.goto(server.url)
        expect(page.locator("#status")).to_contain_text("0 virhettä")
        page.locator("#f-controller-name-input").fill("Ihoklinikka Aurora (CSP)")
        expect(page.frame_locator("#preview").locator("body")).to_contain_text("Ihoklinikka Aurora (CSP)")
        expect(page.locator("#status")).to_contain_text("Tallentamattomia muutoksia")
        page.locator("#preview-kind").select_option("record")
        expect(page.frame_locator("#preview").locator("h1")).to_contain_text("Seloste käsittelytoimista")
        page.locator("#preview-lang").select_option("sv")
        expect(page.frame_locator("#preview").locator("html")).to_have_attribute("lang", "sv")
        assert problems == []
    finally:
        context.close()
