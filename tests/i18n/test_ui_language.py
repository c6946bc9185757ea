"""Messages and findings in Finnish or English: `--ui-lang`, or the locale (LC_ALL, LC_MESSAGES, LANG)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from seloste import i18n
from seloste.checker import Config, check_document
from seloste.cli import cli
from seloste.loader import loads
from seloste.validate import validate_file

BAD = """\
schema_version: 1
controller:
  name: X Oy
  business_id: 2077474-1
  email: x@example.fi
activities:
  - id: a
    name: A
    purposes:
      - {purpose: P, basis: contrakt}
"""
NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "", i18n.UI_ENV: ""}


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, encoding="utf-8")
    return path


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "en"),
    ({"LANG": "fi_FI.UTF-8"}, "fi"),
    ({"LANG": "sv_FI.UTF-8"}, "sv"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LC_MESSAGES": "fi_FI", "LANG": "en_GB"}, "fi"),
    ({"LC_ALL": "C", "LANG": "fi_FI.UTF-8"}, "en"),
    ({"LC_ALL": "fi", "LANG": "en_US"}, "fi"),
])
def test_locale_decides_the_default(environ: dict[str, str], expected: str) -> None:
    assert i18n.locale_ui_language(environ) == expected


def test_validation_messages_in_finnish(bad: Path) -> None:
    result = CliRunner().invoke(cli, ["--ui-lang", "fi", "validate", str(bad)], env=NO_LOCALE)
    assert result.exit_code == 1
    assert "kenttä 'basis' ei voi olla teksti 'contrakt'; valitse jokin näistä:" in result.output
    assert "hint: Tarkoititko 'contract'?" not in result.output
    assert "vihje: Tarkoititko 'contract'?" in result.output
    assert "tarkistettu 1 tiedosto(a), virheellisiä 1" in result.output
    bad.write_text(BAD.replace("contrakt", "contract"), encoding="utf-8")  # the form checks follow the schema's
    result = CliRunner().invoke(cli, ["--ui-lang", "fi", "validate", str(bad)], env=NO_LOCALE)
    assert "virhe: Y-tunnuksen 2077474-1 tarkistenumero (viimeinen numero) on väärä (" in result.output
    assert "vihje: Tarkista tunnus kaupparekisteristä (ytj.fi)." in result.output


def test_english_by_default_and_finnish_from_the_locale(bad: Path) -> None:
    english = CliRunner().invoke(cli, ["validate", str(bad)], env=NO_LOCALE)
    assert "'basis' cannot be the text 'contrakt'; choose one of:" in english.output
    assert "1 file(s) checked, 1 invalid" in english.output
    finnish = CliRunner().invoke(cli, ["validate", str(bad)], env={**NO_LOCALE, "LANG": "fi_FI.UTF-8"})
    assert "kenttä 'basis' ei voi olla teksti 'contrakt'" in finnish.output
    forced = CliRunner().invoke(cli, ["--ui-lang", "en", "validate", str(bad)], env={**NO_LOCALE, "LANG": "fi_FI"})
    assert "'basis' cannot be the text 'contrakt'" in forced.output


def test_rule_findings_in_finnish(bad: Path) -> None:
    result = CliRunner().invoke(cli, ["--ui-lang", "fi", "check", str(bad), "--today", "2025-10-01"], env=NO_LOCALE)
    assert "tiedosto ei kerro, miten tietoturvaloukkaukset hoidetaan [breach-procedure]" in result.output
    assert "Lisää 'breach_procedure:', jossa on 'authority_within_hours: 72'" in result.output
    assert "seloste ei kerro, miten rekisteröity voi käyttää oikeuksiaan [rights-section]" in result.output


def test_translation_findings_in_finnish(tmp_path: Path) -> None:
    path = tmp_path / "kaksi.yaml"
    path.write_text(BAD.replace("schema_version: 1\n", "schema_version: 1\nlanguages: [fi, sv]\n")
                    .replace("2077474-1", "2077474-0").replace("contrakt", "contract"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--ui-lang", "fi", "check", str(path), "--today", "2025-10-01"],
                                env=NO_LOCALE)
    assert "tekstistä 'A' puuttuu kieliversio: ruotsi (sv) [translation-missing]" in result.output
    built = CliRunner().invoke(cli, ["--ui-lang", "fi", "build", str(path), "-o", str(tmp_path / "out"),
                                     "--format", "html", "-q"], env=NO_LOCALE)
    assert built.exit_code == 1
    assert "tekstistä puuttuu kieliversio: ruotsi (sv)" in built.output


def test_the_library_is_english_again_after_a_finnish_run(bad: Path) -> None:
    CliRunner().invoke(cli, ["--ui-lang", "fi", "validate", str(bad)], env=NO_LOCALE)
    assert i18n.ui_language() == "en"
    messages = [f.message for f in validate_file(bad).findings]
    assert any("cannot be the text 'contrakt'" in m for m in messages)
    rules = check_document(loads(BAD), Config.default())
    assert any(f.message == "the file does not describe how personal data breaches are handled" for f in rules)


def test_set_ui_language_in_the_library() -> None:
    token = i18n.set_ui_language("fi")
    try:
        assert i18n.tr("'{value}' is not a phone number", value="123") == "'123' ei ole puhelinnumero"
        assert i18n.tr("{items} and {last}", items="a, b", last="c") == "a, b ja c"
    finally:
        i18n.reset_ui_language(token)
    assert i18n.tr("'{value}' is not a phone number", value="123") == "'123' is not a phone number"
    with pytest.raises(ValueError, match="'de'"):
        i18n.set_ui_language("de")


def test_checker_messages_in_swedish_and_finnish(tmp_path: Path) -> None:
    """Every word of a finding is in the interface language: message, hint, severity, enumeration labels and the
    summary line."""
    path = tmp_path / "gappy.yaml"
    path.write_text("schema_version: 1\ncontroller: {name: X Oy, email: x@example.fi}\nactivities:\n"
                    "  - id: a\n    name: A\n    purposes: [{purpose: P}, {purpose: Q}]\n"
                    "    description: Tiedot tallennetaan Timmaan.\n", encoding="utf-8")
    sv = CliRunner().invoke(cli, ["--ui-lang", "sv", "check", str(path), "--today", "2025-10-01"], env=NO_LOCALE)
    assert "fel: 2 ändamål i 'A' saknar rättslig grund [purpose-basis]" in sv.output
    assert "contract (avtal)" in sv.output and "'kind: booking (bokningssystem)'" in sv.output
    assert "fil(er) kontrollerade:" in sv.output
    fi = CliRunner().invoke(cli, ["--ui-lang", "fi", "check", str(path), "--today", "2025-10-01"], env=NO_LOCALE)
    assert "virhe: käsittelytoimen 'A' 2 käyttötarkoitukselta puuttuu oikeusperuste [purpose-basis]" in fi.output
    assert "contract (sopimus)" in fi.output and "huomautus:" in fi.output
    assert "error" not in fi.output and "warning" not in fi.output
    explain = CliRunner().invoke(cli, ["--ui-lang", "fi", "explain", "automated-decisions"], env=NO_LOCALE)
    assert "Miksi tämä vakavuus:" in explain.output and "hyvä tapa (huomautus)" in explain.output
