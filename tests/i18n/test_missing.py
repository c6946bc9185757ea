"""A text without the language asked for: `render_html` refuses with the fields, `build` reports each at its
place and writes nothing, a fallback builds, the translation-missing rule reports the same gaps."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from seloste.build import build_file, build_paths
from seloste.checker import Config, check_document, check_paths
from seloste.cli import cli
from seloste.findings import Severity
from seloste.loader import loads
from seloste.render import MissingTranslationError, RenderError, document_languages, render_html
from seloste.text import MissingTranslation, localize

from .util import example_files

SOURCE = """\
schema_version: 1
id: pieni
languages: [fi, sv]
controller:
  name: Pieni Toiminimi
  email: info@example.fi
activities:
  - id: asiakkaat
    name: {fi: Asiakasrekisteri, sv: Kundregister}
    purposes:
      - purpose: Ajanvaraus
        basis: contract
    data_categories:
      - id: yhteys
        name: {fi: Yhteystiedot, en: Contact details}
        items: [{fi: nimi, sv: namn}]
"""


def write(tmp_path: Path, text: str = SOURCE) -> Path:
    path = tmp_path / "pieni.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_render_refuses_and_lists_the_fields() -> None:
    doc = loads(SOURCE, "pieni.yaml")
    with pytest.raises(MissingTranslationError) as caught:
        render_html(doc, "notice", "sv")
    error = caught.value
    assert isinstance(error, RenderError)
    assert error.lang == "sv"
    assert error.fields == [("activities", 0, "purposes", 0, "purpose"),
                            ("activities", 0, "data_categories", 0, "name")]
    assert "$.activities[0].purposes[0].purpose" in str(error) and "Swedish (sv)" in str(error)
    assert "Kundregister" in render_html(doc, "notice", "sv", fallback=True)
    assert "Asiakasrekisteri" in render_html(doc, "notice", "fi")  # the first language needs nothing more


def test_build_reports_file_line_and_column_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = build_file(path, tmp_path / "out", fmt="html", languages=["fi", "sv", "en"])
    assert not result.ok
    assert result.written == [] and not (tmp_path / "out").exists()
    missing = [f for f in result.findings if f.rule == "translation-missing"]
    assert all(f.severity is Severity.ERROR and f.file == str(path) for f in missing)
    where = {(f.line, f.column, f.path) for f in missing}
    assert (11, 18, "$.activities[0].purposes[0].purpose") in where
    assert (15, 15, "$.activities[0].data_categories[0].name") in where
    assert (16, 17, "$.activities[0].data_categories[0].items[0]") in where
    assert (9, 11, "$.activities[0].name") in where
    purpose = next(f for f in missing if f.path == "$.activities[0].purposes[0].purpose")
    assert "Swedish (sv) and English (en)" in purpose.message
    name = next(f for f in missing if f.path == "$.activities[0].data_categories[0].name")
    assert "Swedish (sv)" in name.message and "English" not in name.message


def test_the_default_languages_are_the_yamls(tmp_path: Path) -> None:
    path = write(tmp_path)
    assert not build_file(path, tmp_path / "out", fmt="html").ok  # languages: [fi, sv] asks for Swedish
    finnish = build_file(path, tmp_path / "fi", fmt="html", languages=["fi"])
    assert finnish.ok
    assert sorted(p.name for p in finnish.written) == [
        "notice.fi.fragment.css", "notice.fi.fragment.html", "notice.fi.html", "record.fi.html"]
    plain = write(tmp_path, SOURCE.replace("languages: [fi, sv]\n", ""))
    assert build_file(plain, tmp_path / "plain", fmt="html").ok  # no languages: Finnish only, as before


def test_fallback_builds_with_the_first_languages_text(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = build_file(path, tmp_path / "out", fmt="html", languages=["sv"], fallback=True)
    assert result.ok, [f.format() for f in result.findings]
    page = (tmp_path / "out" / "pieni" / "notice.sv.html").read_text("utf-8")
    assert '<html lang="sv">' in page
    assert "Ajanvaraus" in page  # the Finnish purpose stands in for the missing Swedish one
    assert "Kundregister" in page and "Ändamål och rättsliga grunder" in page
    assert "Yhteystiedot" in page  # a map without sv falls back to the first language


def test_document_languages() -> None:
    doc = loads(SOURCE, "pieni.yaml")
    assert document_languages(doc, None) == ["fi", "sv"]
    assert document_languages(doc, ["en", "fi", "en"]) == ["en", "fi"]
    assert document_languages(loads("schema_version: 1\n"), None) == ["fi"]
    assert document_languages(loads("languages: [sv, en]\n"), []) == ["sv", "en"]
    with pytest.raises(ValueError, match="'de'"):
        document_languages(doc, ["de"])


def test_localize_treats_a_plain_string_as_the_first_language() -> None:
    assert localize("Ajanvaraus", "fi", source="fi") == "Ajanvaraus"
    with pytest.raises(MissingTranslation):
        localize("Ajanvaraus", "sv", source="fi")
    assert localize("Ajanvaraus", "sv", source="fi", fallback=True) == "Ajanvaraus"
    assert localize({"sv": "Kund", "en": "Client"}, "fi", source="en", fallback=True) == "Client"
    assert localize("Ajanvaraus", "sv") == "Ajanvaraus"  # language unknown: as before


def test_the_rule_reports_every_gap_with_its_languages(tmp_path: Path) -> None:
    findings = [f for f in check_document(loads(SOURCE, "pieni.yaml"), Config.default())
                if f.rule == "translation-missing"]
    assert [(f.line, f.column, f.path) for f in findings] == [
        (11, 18, "$.activities[0].purposes[0].purpose"),
        (15, 15, "$.activities[0].data_categories[0].name"),
    ]
    assert all(f.severity is Severity.ERROR for f in findings)
    assert findings[0].message == "'Ajanvaraus' has no Swedish (sv) version"
    assert "{fi: …, sv: …}" in findings[0].hint


def test_the_rule_is_silent_for_one_language_and_for_the_examples(tmp_path: Path) -> None:
    one = SOURCE.replace("languages: [fi, sv]", "languages: [fi]")
    found = [f for f in check_document(loads(one), Config.default()) if f.rule == "translation-missing"]
    assert [f.path for f in found] == []
    assert not [f for f in check_paths(example_files(), Config.default()) if f.rule == "translation-missing"]


def test_a_map_without_the_first_language_is_reported() -> None:
    text = SOURCE.replace("languages: [fi, sv]", "languages: [fi]").replace(
        "name: {fi: Asiakasrekisteri, sv: Kundregister}", "name: {sv: Kundregister}")
    found = [f for f in check_document(loads(text), Config.default()) if f.rule == "translation-missing"]
    assert [(f.path, f.message) for f in found] == [
        ("$.activities[0].name", "'Kundregister' has no Finnish (fi) version")]


def test_the_build_command_refuses_and_allows_a_fallback(tmp_path: Path) -> None:
    path = write(tmp_path)
    runner = CliRunner()
    refused = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "a"), "--format", "html", "--lang", "sv",
                                  "-q"])
    assert refused.exit_code == 1
    assert "pieni.yaml:11:18: error: " in refused.output and "[translation-missing]" in refused.output
    assert not list((tmp_path / "a").glob("*/*.html"))
    allowed = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "b"), "--format", "html", "--lang", "sv",
                                  "--allow-fallback", "-q"])
    assert allowed.exit_code == 0, allowed.output
    assert (tmp_path / "b" / "pieni" / "notice.sv.html").is_file()


def test_build_paths_passes_the_languages_on(tmp_path: Path) -> None:
    result = build_paths([write(tmp_path)], tmp_path / "out", fmt="html", only="record", languages=["sv"],
                         fallback=True)
    assert result.ok
    assert [p.name for p in result.written] == ["record.sv.html"]
