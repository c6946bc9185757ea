"""unlisted-processor on inflected real sentences, in Finnish (base forms from libvoikko) and Swedish (Snowball
stems): a system or kind of service that holds the data but is not declared a processor is found; the same text
with the processor declared, or a word that only looks alike, is not."""

from __future__ import annotations

import pytest

from seloste.checker.morphology import finnish, has_voikko
from tests.checker.util import check_text

HEAD = "schema_version: 1\ncontroller: {name: X Oy, email: x@example.fi}\n"


def _doc(where: str, text: str, processors: str = "") -> str:
    if where == "storage":
        body = f"    storage:\n      - name: \"{text}\"\n"
    elif where == "sources":
        body = f"    sources:\n      - type: third_party\n        name: \"{text}\"\n"
    elif where == "recipients":
        body = f"    recipients:\n      - name: \"{text}\"\n"
    else:
        body = f"    description: \"{text}\"\n"
    return HEAD + processors + "activities:\n  - id: a\n    name: A\n" + body


def _found(yaml: str) -> list[str]:
    return [f.message for f in check_text(yaml) if f.rule == "unlisted-processor"]


def test_libvoikko_and_the_finnish_dictionary_are_installed() -> None:
    assert has_voikko(), "libvoikko1 and voikko-fi are needed: run 'make system-deps' as root"
    assert finnish("ajanvarausjärjestelmään")[0].base == "ajanvarausjärjestelmä"


NAMED = [
    ("description", "Asiakastiedot tallennetaan sähköiseen ajanvarausjärjestelmä Timmaan."),
    ("description", "Ajaksen palvelimet sijaitsevat Suomessa."),
    ("description", "Rekisteri sijaitsee slotti.fi salasanasuojatulla palvelimella."),
    ("description", "Verkkokaupan maksut välittää Paytrail."),
    ("description", "Korttimaksut käsitellään SumUpin maksupäätteellä."),
    ("description", "Sähköpostimme kulkee Google Workspacen kautta."),
    ("description", "Uutiskirjeet lähetetään Mailchimpin avulla."),
    ("description", "Kirjanpito hoidetaan Netvisorissa."),
    ("description", "Kunderna bokar tid i Timma."),
    ("recipients", "Verkkokauppa-alusta Shopify"),
]


@pytest.mark.parametrize(("where", "text"), NAMED)
def test_named_systems_are_found(where: str, text: str) -> None:
    assert _found(_doc(where, text)), text


GENERIC = [
    ("description", "Tiedot tallennetaan ajanvarausjärjestelmään."),
    ("description", "Asiakastiedot kirjataan asiakasrekisteriohjelmaan ulkopuolisen palveluntarjoajan palvelimelle."),
    ("description", "Tiedot säilytetään yhteistyökumppaneidemme palvelimilla."),
    ("description", "Potilastiedot kirjataan sähköiseen potilastietojärjestelmään."),
    ("description", "Maksutiedot tallentuvat kassajärjestelmään ja maksupäätteeseen."),
    ("description", "Laskut ja kuitit toimitetaan tilitoimistolle kirjanpitoa varten."),
    ("storage", "Webhotelli"),
    ("sources", "Nettiajanvarauksesta saadut tiedot"),
    ("description", "Uppgifterna sparas i bokningssystemet."),
    ("description", "Betalningar sköts via en betalterminal."),
    ("description", "Bokföringsbyrån får uppgifter om fakturor."),
    ("description", "Uppgifterna lagras i vår webbutik."),
    ("description", "The data are kept on our partners' servers."),
]


@pytest.mark.parametrize(("where", "text"), GENERIC)
def test_kinds_of_service_holding_data_are_found(where: str, text: str) -> None:
    assert _found(_doc(where, text)), text


DECLARED = ("processors:\n  - {id: p1, name: Timma Oy, kind: booking}\n  - {id: p2, name: Tili Oy, kind: accounting}\n"
            "  - {id: p3, name: Pay Oy, kind: payment}\n  - {id: p4, name: Host Oy, kind: hosting}\n"
            "  - {id: p5, name: Shop Oy, kind: website}\n")


@pytest.mark.parametrize(("where", "text"), [*GENERIC, NAMED[0]])
def test_nothing_is_reported_when_a_processor_of_the_kind_is_declared(where: str, text: str) -> None:
    assert _found(_doc(where, text, DECLARED)) == []


@pytest.mark.parametrize("text", [
    "Ajastettu viesti lähetetään huomenna.",  # ajastettu: not Ajas
    "Palvelin sijaitsee lukitussa tilassa.",  # the controller's own server: no other party
    "Kerromme ajanvarausjärjestelmän hankinnasta myöhemmin.",  # genitive in prose: the system holds nothing here
    "Behandlingen tar två timmar.",  # timmar: hours, not Timma
])
def test_look_alikes_are_not_reported(text: str) -> None:
    assert _found(_doc("description", text)) == []


def test_a_recipient_described_by_its_kind_is_a_told_disclosure() -> None:
    assert _found(_doc("recipients", "Tilitoimisto")) == []


def test_a_vendor_with_a_catalogue_business_id_counts_as_that_system() -> None:
    yaml = _doc("storage", "Palvelin").replace('      - name: "Palvelin"\n',
                                                '      - {name: Palvelin, business_id: 2412479-6}\n')
    assert any("Timma" in m for m in _found(yaml))


def test_each_system_is_reported_once_with_the_number_of_places() -> None:
    yaml = _doc("description", "Ajanvaraus tehdään Timmassa.") + \
        "  - id: b\n    name: B\n    description: Timman kautta tulevat varaukset.\n"
    found = [f for f in check_text(yaml) if f.rule == "unlisted-processor"]
    assert len(found) == 1 and found[0].count == 2


def test_every_catalogue_system_is_known_by_name() -> None:
    from seloste.catalogue import catalogue
    from seloste.checker.facts import fact, pattern

    for key, entry in catalogue().items():
        names = [key.replace("_", " "), str(entry.get("name", ""))]
        assert any(pattern(s["pattern"]).search(n) for s in fact("systems") for n in names), key


def test_a_processor_declared_without_its_kind_answers_by_its_name() -> None:
    declared = "processors:\n  - {id: t, name: Timma Oy}\n"
    assert _found(_doc("description", "Tiedot tallennetaan ajanvarausjärjestelmään.", declared)) == []
