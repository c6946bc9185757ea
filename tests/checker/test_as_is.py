"""As-is expressiveness: real-looking notices (fictional businesses, written the way Finnish clinics write) that
use each form an existing notice may have, written down without inventing anything. Each validates against the
schema, is checked, and renders: the finding the form calls for is there, and the notice shows what was written.
"""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from seloste.checker import check_file
from seloste.checker.config import Config
from seloste.findings import Finding
from seloste.loader import load
from seloste.render import render_html
from seloste.validate import validate_file
from tests.checker.util import TODAY

BASE = """\
schema_version: 1
document: {title: Tietosuojaseloste, drafted: 2025-03-01}
controller:
  name: Hyvän Olon Hoitola Kanerva
  business_id: 2077474-0
  address: {street: Kanervatie 3, postal_code: "40100", city: Jyväskylä}
  email: info@hoitola-kanerva.example.fi
privacy_contact: {name: Kaisa Kanerva, email: kaisa@hoitola-kanerva.example.fi}
rights:
  how_to_request: Pyynnöt sähköpostitse osoitteeseen kaisa@hoitola-kanerva.example.fi.
"""

ACTIVITY = """\
activities:
  - id: asiakasrekisteri
    name: Asiakasrekisteri
    purposes:
      - {purpose: Ajanvaraus ja asiakassuhteen hoito, basis: contract}
    data_subjects: [asiakkaat]
    data_categories:
      - {id: yhteys, name: Yhteystiedot, items: [nimi, puhelinnumero]}
    recipients: []
    transfers: []
    retention:
      - {period: {years: 3}, trigger: viimeisestä käynnistä}
"""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "seloste.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _checked(path: Path) -> tuple[list[Finding], str]:
    validated = validate_file(path)
    assert [f.format() for f in validated.findings if f.rule == "schema"] == []
    findings = check_file(path, Config.default(TODAY)) or []
    html = render_html(load(path), "notice", "fi")
    parser = _Text()
    parser.feed(html)
    return findings, " ".join(" ".join(parser.parts).split())


def _messages(findings: list[Finding], rule: str) -> list[str]:
    return [f.message for f in findings if f.rule == rule]


def test_register_level_bases_are_reported_once(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + ACTIVITY.replace(
        "      - {purpose: Ajanvaraus ja asiakassuhteen hoito, basis: contract}\n",
        "      - purpose: Ajanvaraus\n      - purpose: Asiakassuhteen hoito\n      - purpose: Markkinointi\n"
        "    bases: [contract, consent]\n    bases_note: asiakassuhde ja asiakkaan suostumus\n"))
    findings, text = _checked(path)
    assert len(_messages(findings, "purpose-basis")) == 1
    assert "given for the register as a whole" in _messages(findings, "purpose-basis")[0]
    assert "sopimuksen täytäntöönpano" in text and "asiakassuhde ja asiakkaan suostumus" in text


def test_equal_traders_under_one_name_and_co_registrants_of_unclear_role(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE.replace("  email: info@", "  traders:\n"
                  "    - {name: Toiminimi Kaisa Kanerva, business_id: 0245974-7}\n"
                  "    - {name: Toiminimi Mirja Kanerva, business_id: 2077474-0}\n  email: info@")
                  + "co_registrants:\n  - {name: Hoitola Kanervan vuokratuoliyrittäjät}\n" + ACTIVITY)
    findings, text = _checked(path)
    assert "Toiminimi Mirja Kanerva" in text and "0245974-7" in text
    assert "Hoitola Kanervan vuokratuoliyrittäjät" in text
    unclear = [f for f in findings if f.rule == "joint-controllers"]
    assert len(unclear) == 1 and "without saying whether they are joint controllers" in unclear[0].message


@pytest.mark.parametrize("role", ["storage", "sources", "recipients", "independent_controller"])
def test_a_vendor_in_a_role_other_than_processor(tmp_path: Path, role: str) -> None:
    if role == "storage":
        extra = "    storage:\n      - {name: Timma Oy, business_id: 2412479-6, description: ajanvarauksen palvelin}\n"
    elif role == "sources":
        extra = ("    sources:\n      - {type: third_party, name: Timma Oy, business_id: 2412479-6,"
                 " categories: [yhteys]}\n")
    elif role == "recipients":
        extra = ""
    else:
        extra = "    processors: [timma]\n"
    text_ = BASE + ACTIVITY + extra
    if role == "recipients":
        text_ = text_.replace("    recipients: []\n", "    recipients:\n      - {name: Timma Oy, "
                              "business_id: 2412479-6, role: independent_controller}\n")
    if role == "independent_controller":
        text_ = text_.replace("activities:\n", "processors:\n  - {id: timma, name: Timma Oy, business_id: 2412479-6,"
                              " role: independent_controller, service: kuluttajien ajanvarauspalvelu}\nactivities:\n")
    findings, text = _checked(_write(tmp_path, text_))
    assert "Timma Oy" in text
    if role == "independent_controller":
        assert _messages(findings, "unlisted-processor") == []
    else:
        assert "2412479-6" in text
        assert any("Timma" in m for m in _messages(findings, "unlisted-processor"))


def test_a_transfer_clause_with_no_country(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + ACTIVITY.replace("    transfers: []\n", "    transfers:\n      - description: >-\n"
                  "          Henkilötietoja voidaan siirtää EU:n ja ETA-alueen ulkopuolelle asiakkaan kirjallisesta "
                  "pyynnöstä.\n"))
    findings, text = _checked(path)
    assert "asiakkaan kirjallisesta pyynnöstä" in text
    messages = _messages(findings, "transfer-safeguard")
    assert "a transfer outside the EU/EEA names no country" in messages
    assert "a transfer outside the EU/EEA names no safeguard" in messages


def test_more_than_one_privacy_contact(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "privacy_contacts:\n  - {name: Mirja Kanerva, phone: 040 718 2934}\n" + ACTIVITY)
    findings, text = _checked(path)
    assert "Kaisa Kanerva" in text and "Mirja Kanerva" in text
    assert _messages(findings, "privacy-contact") == []


def test_a_register_with_no_name(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + ACTIVITY.replace("    name: Asiakasrekisteri\n", ""))
    findings, _ = _checked(path)
    assert '<h2 id="otsikko-asiakasrekisteri">Rekisteri</h2>' in render_html(load(path), "notice", "fi")
    assert not [f for f in findings if f.rule in ("schema", "purpose-basis")]


def test_a_source_with_its_own_legal_basis(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + ACTIVITY + "    sources:\n      - type: third_party\n"
                  "        name: Lahjakortin ostaja\n        categories: [yhteys]\n"
                  "        basis: legitimate_interests\n        basis_note: lahjakortin toimittaminen saajalle\n")
    findings, text = _checked(path)
    assert not [f for f in findings if f.rule in ("schema", "third-party-source", "source-categories")]
    assert "Lahjakortin ostaja" in text and "lahjakortin toimittaminen saajalle" in text
