"""Each rule on small documents: YAML snippet → expected (line, column) of that rule's findings."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from seloste.findings import Severity
from tests.checker.util import check_text, of_rule

HEAD = "schema_version: 1\ncontroller: {name: X Oy, email: x@example.fi}\n"


@dataclass
class Case:
    rule: str
    yaml: str
    expected: list[tuple[int, int]]
    id: str = ""


CASES = [
    # controller-identity
    Case("controller-identity", "controller:\n  name: X Oy\n  business_id: 2077474-0\n", [(2, 3)], "no contact"),
    Case("controller-identity", "controller: {name: X Oy, phone: 040 1234567}\n", [], "phone is enough"),
    # privacy-contact
    Case("privacy-contact", HEAD, [(2, 1)], "missing"),
    Case("privacy-contact", HEAD + "privacy_contact:\n  name: Sanni\n", [(4, 3)], "unreachable"),
    Case("privacy-contact", HEAD + "privacy_contact: {name: Sanni, email: s@example.fi}\n", [], "ok"),
    # dpo-representative
    Case("dpo-representative", HEAD + "dpo:\n  name: DPO Oy\n", [(4, 3)], "dpo without contact"),
    Case("dpo-representative", "controller:\n  name: X Inc\n  address: {street: 1 Main St, postal_code: '1',"
         " city: Boston, country: US}\n", [(3, 73)], "non-EU controller without representative"),
    Case("dpo-representative", HEAD, [], "neither needed"),
    # purpose-basis
    Case("purpose-basis", HEAD + "activities:\n  - id: a\n    name: A\n", [(4, 5)], "no purposes"),
    Case("purpose-basis", HEAD + "activities:\n  - id: a\n    name: A\n    purposes:\n      - purpose: Ajanvaraus\n"
         "      - {purpose: Laskutus, basis: legal_obligation}\n      - {purpose: P, basis: contract}\n",
         [(7, 9), (8, 9)], "no basis and no law"),
    Case("purpose-basis", HEAD + "activities:\n  - id: a\n    name: A\n    purposes:\n"
         "      - {purpose: Ajanvaraus, basis_note: asiakkuus}\n", [(7, 9)], "note only"),
    # legitimate-interest
    Case("legitimate-interest", HEAD + "activities:\n  - id: a\n    name: A\n    purposes:\n"
         "      - {purpose: Palaute, basis: legitimate_interests}\n"
         "      - {purpose: Turva, basis: legitimate_interests, legitimate_interest: Oikeutettu etu.}\n"
         "      - {purpose: Laatu, basis: legitimate_interests, legitimate_interest: Palvelun laadun parantaminen}\n",
         [(7, 9), (8, 76)], "missing and bare"),
    # recipients-stated
    Case("recipients-stated", HEAD + "activities:\n  - id: a\n    name: A\n  - id: b\n    name: B\n"
         "    recipients: []\n", [(4, 5)], "missing vs empty"),
    # transfers-stated
    Case("transfers-stated", HEAD + "processors:\n  - {id: m, name: Mailer Inc, country: US}\n"
         "  - {id: f, name: Suomi Oy, country: FI}\nactivities:\n  - id: a\n    name: A\n    processors: [f, m]\n"
         "    transfers: []\n    recipients:\n      - {name: Lab, country: CH}\n",
         [(9, 21), (12, 9)], "processor and recipient abroad"),
    Case("transfers-stated", HEAD + "processors:\n  - {id: m, name: Mailer Inc, country: US}\nactivities:\n"
         "  - id: a\n    name: A\n    processors: [m]\n    transfers:\n"
         "      - {country: US, recipient: m, safeguard: adequacy_decision}\n", [], "declared"),
    Case("transfers-stated", HEAD + "activities:\n  - id: a\n    name: A\n", [(4, 5)], "unstated"),
    # transfer-safeguard
    Case("transfer-safeguard", HEAD + "activities:\n  - id: a\n    name: A\n    transfers:\n      - country: US\n"
         "      - {country: IN, safeguard: adequacy_decision}\n"
         "      - {country: US, safeguard: standard_contractual_clauses}\n      - {country: SE, safeguard: x}\n",
         [(7, 9), (8, 34), (9, 9), (10, 19)], "missing, no adequacy, no copy, inside EEA"),
    # retention-stated
    Case("retention-stated", HEAD + "activities:\n  - id: a\n    name: A\n    data_categories:\n"
         "      - {id: c1, name: C1}\n      - {id: c2, name: C2}\n    retention:\n"
         "      - {categories: [c1], period: {years: 1}, trigger: t}\n  - id: b\n    name: B\n",
         [(8, 9), (11, 5)], "uncovered category, missing"),
    Case("retention-stated", HEAD + "activities:\n  - id: a\n    name: A\n    data_categories:\n"
         "      - {id: c1, name: C1}\n    retention:\n      - {criterion: kunnes asiakassuhde päättyy}\n", [],
         "entry without categories covers all"),
    # vague-retention
    Case("vague-retention", HEAD + "activities:\n  - id: a\n    name: A\n    retention:\n"
         "      - criterion: Tietoja säilytetään tarvittavan ajan.\n"
         "      - criterion: asiakassuhteen ajan tai niin pitkään kun laki sitä edellyttää\n"
         "      - criterion: niin kauan kuin asiakassuhde on voimassa\n"
         "      - criterion: Kirjanpitolain edellyttämän ajan\n"
         "      - period: {years: 5}\n", [(7, 20), (8, 20), (9, 20), (11, 17)],
         "vague, mixed, relationship undefined, named law, no trigger"),
    # rights-section
    Case("rights-section", HEAD, [(1, 1)], "missing"),
    Case("rights-section", HEAD + "rights:\n  notes: Sinulla on oikeuksia.\n", [(4, 3)], "no how"),
    Case("rights-section", HEAD + "rights:\n  how_to_request: Käy liikkeessä.\n  channels: [in_person]\n"
         "  notes: Tiedot voi pyytää korkeintaan 2 kertaa vuodessa.\n", [(5, 13), (6, 28)], "in person, limit"),
    Case("rights-section", HEAD + "rights:\n  how_to_request: Lähetä sähköpostia.\n"
         "  notes: Tiedot voi pyytää enintään kaksi kertaa vuodessa.\n", [(5, 28)], "enintään"),
    Case("rights-section", HEAD + "rights:\n  how_to_request: Send an e-mail.\n"
         "  notes: You can ask for a copy at most twice a year.\n", [(5, 33)], "at most twice"),
    Case("rights-section", HEAD + "rights:\n  how_to_request: Skicka e-post.\n"
         "  notes: Du kan begära uppgifterna högst en gång om året.\n", [(5, 36)], "högst en gång"),
    # consent-withdrawal
    Case("consent-withdrawal", HEAD + "activities:\n  - id: a\n    name: A\n    purposes:\n"
         "      - {purpose: Terveystiedot, basis: consent}\n    data_categories:\n"
         "      - {id: t, name: Terveys, special: health, condition: explicit_consent}\n",
         [(7, 9), (9, 9)], "no route"),
    Case("consent-withdrawal", HEAD + "activities:\n  - id: m\n    name: Markkinointi\n    purposes:\n"
         "      - {purpose: Uutiskirje, basis: consent}\ndirect_marketing: {used: true, opt_out: Linkistä.}\n",
         [], "marketing consent withdrawn by opt-out"),
    # provision-requirement
    Case("provision-requirement", HEAD + "activities:\n  - id: a\n    name: A\n  - id: b\n    name: B\n"
         "    public: false\n  - id: c\n    name: C\n    sources: [{type: third_party, name: Lähettäjä}]\n"
         "  - id: d\n    name: D\n    provision: {requirement: contractual, obligatory: true}\n",
         [(4, 5), (14, 16)], "missing, internal, third party, no consequences"),
    # automated-decisions
    Case("automated-decisions", HEAD + "activities:\n  - id: a\n    name: A\n  - id: b\n    name: B\n"
         "    automated_decisions: {used: true, logic: Pisteytys}\n  - id: c\n    name: C\n"
         "    automated_decisions: {used: false}\n", [(4, 5), (8, 26)], "missing, no consequences"),
    # third-party-source
    Case("third-party-source", HEAD + "activities:\n  - id: a\n    name: A\n    sources:\n"
         "      - type: third_party\n      - {type: public, name: YTJ}\n"
         "      - {type: third_party, name: Lähettäjä, categories: [x]}\n      - {type: data_subject}\n",
         [(7, 9)], "unnamed"),
    # source-categories (GDPR 14(1)(d), its own duty beside 14(2)(f))
    Case("source-categories", HEAD + "activities:\n  - id: a\n    name: A\n    sources:\n"
         "      - type: third_party\n      - {type: public, name: YTJ}\n"
         "      - {type: third_party, name: Lähettäjä, categories: [x]}\n      - {type: data_subject}\n",
         [(8, 9)], "named but no categories"),
    # record-items
    Case("record-items", HEAD + "activities:\n  - id: a\n    name: A\n    public: false\n", [(1, 1), (4, 5), (4, 5)],
         "internal activity without subjects, categories; no security"),
    Case("record-items", HEAD + "security:\n  paper_records: [Lukittu kaappi]\n", [(4, 3)], "no technical"),
    # special-category
    Case("special-category", HEAD + "activities:\n  - id: a\n    name: A\n    data_categories:\n"
         "      - {id: t, name: Terveystiedot, special: health}\n      - {id: u, name: Esitiedot, items: [allergiat]}\n"
         "      - {id: v, name: Hoidot, special: health, condition: health_care}\n"
         "      - {id: w, name: Hoitohistoria, items: [annetut hoidot]}\n", [(7, 9), (8, 9), (9, 59)],
         "no condition, unmarked, 9(2)(h) without professional"),
    # identity-code
    Case("identity-code", HEAD + "activities:\n  - id: a\n    name: A\n    data_categories:\n"
         "      - {id: p, name: Perustiedot, items: [nimi, henkilötunnus]}\n  - id: b\n    name: Palkat\n"
         "    purposes: [{purpose: Palkanmaksu, basis: legal_obligation, law: Ennakkoperintälaki}]\n"
         "    data_categories: [{id: h, name: Henkilötunnus}]\n", [(7, 9)], "customer register, not payroll"),
    Case("identity-code", HEAD + "health_care: {professional: true}\nactivities:\n  - id: a\n    name: A\n"
         "    data_categories: [{id: p, name: Potilas, items: [hetu]}]\n", [], "health care"),
    # patient-records
    Case("patient-records", HEAD + "health_care: {professional: true}\nactivities:\n  - id: a\n    name: A\n"
         "    data_categories:\n      - {id: p, name: Potilastiedot, special: health, condition: health_care}\n"
         "    retention:\n      - {period: {years: 10}, trigger: viimeisestä käynnistä}\n", [(10, 9)], "too short"),
    Case("patient-records", HEAD + "health_care: {professional: true}\nactivities:\n  - id: a\n    name: A\n"
         "    data_categories:\n      - {id: p, name: Potilastiedot, special: health, condition: health_care}\n"
         "    retention:\n      - {period: {years: 120}, trigger: potilaan syntymästä}\n", [], "120 years from birth"),
    Case("patient-records", HEAD + "health_care: {professional: true}\nactivities:\n  - id: a\n    name: A\n",
         [(3, 14)], "professional without patient data"),
    # accounting-retention
    Case("accounting-retention", HEAD + "activities:\n  - id: a\n    name: A\n    data_categories:\n"
         "      - {id: lasku, name: Laskutustiedot}\n      - {id: kirjat, name: Tilinpäätös ja pääkirja}\n"
         "      - {id: muu, name: Yhteystiedot}\n    retention:\n"
         "      - {categories: [lasku], period: {years: 3}, trigger: t}\n"
         "      - {categories: [kirjat], period: {years: 6}, trigger: t}\n"
         "      - {categories: [muu], period: {years: 1}, trigger: t}\n", [(11, 39), (12, 40)], "vouchers, ledgers"),
    Case("accounting-retention", HEAD + "activities:\n  - id: a\n    name: A\n    purposes:\n"
         "      - {purpose: Ajanvaraus ja laskutus, basis: contract}\n    retention:\n"
         "      - {period: {months: 12}, trigger: t}\n", [(9, 18)], "billing purpose, no category"),
    Case("accounting-retention", HEAD + "activities:\n  - id: a\n    name: A\n    data_categories:\n"
         "      - {id: kuitit, name: Kuitit}\n    retention:\n      - {criterion: kunnes asiakassuhde päättyy}\n"
         "      - {criterion: Kirjanpitolain mukaisesti}\n", [], "criterion naming the law"),
    Case("accounting-retention", HEAD + "activities:\n  - id: a\n    name: A\n    data_categories:\n"
         "      - {id: kuitit, name: Kuitit}\n    retention:\n      - {criterion: kunnes asiakassuhde päättyy}\n",
         [(9, 9)], "criterion without a period"),
    # direct-marketing
    Case("direct-marketing", HEAD + "activities:\n  - id: m\n    name: Uutiskirje\n", [(4, 5)], "undescribed"),
    Case("direct-marketing", HEAD + "activities:\n  - id: m\n    name: Markkinointi\ndirect_marketing:\n"
         "  used: true\n  channels: [email]\n  basis: legitimate_interests\n", [(7, 3), (9, 10)],
         "wrong basis, no opt-out"),
    Case("direct-marketing", HEAD + "direct_marketing:\n  used: true\n  channels: [sms]\n"
         "  opt_out: Ilmoita meille.\n", [(4, 3), (4, 3), (6, 12)], "no basis, no purpose, opt-out not in message"),
    # cookie-consent
    Case("cookie-consent", HEAD + "cookies:\n  used: true\n  items:\n"
         "    - {name: _ga, category: statistics, purpose: tilastot}\n"
         "    - {name: s, category: necessary, purpose: istunto}\n", [(6, 7)], "statistics without consent"),
    Case("cookie-consent", HEAD + "cookies:\n  used: true\n  management: Estä evästeet selaimen asetuksista.\n",
         [(5, 15)], "browser settings"),
    Case("cookie-consent", HEAD + "cookies: {used: true, consent: true}\n", [(3, 10)], "no management"),
    # unlisted-processor
    Case("unlisted-processor", HEAD + "processors:\n  - {id: ajas, name: Ajas Oy, kind: customer_records}\n"
         "activities:\n  - id: a\n    name: A\n    description: Varaukset tehdään Timmaan, kortit ovat Ajaksessa.\n"
         "    notes: Maksutiedot tallentuvat kassajärjestelmään.\n", [(8, 36), (9, 36)],
         "Timma named, payment generic"),
    Case("unlisted-processor", HEAD + "document:\n  changes:\n    - {date: 2024-01-01, summary: Poistettu Slotti}\n",
         [], "change history not read"),
    # processor-agreement
    Case("processor-agreement", HEAD + "processors:\n  - {id: t, name: Timma Oy, dpa: false}\n"
         "  - {id: u, name: Unused Oy, dpa: true}\n  - {id: v, name: Vello Oy}\nactivities:\n  - id: a\n"
         "    name: A\n    processors: [t, v]\n", [(4, 34), (5, 5), (6, 5)], "no dpa, unused, unknown"),
    # joint-controllers
    Case("joint-controllers", HEAD + "joint_controllers:\n  parties:\n    - {name: Parturi Tmi}\n",
         [(4, 3), (5, 7)], "no arrangement, unreachable party"),
    Case("joint-controllers", HEAD + "activities:\n  - id: a\n    name: A\n"
         "    description: Rekisteriä käyttävät myös vuokratuoliyrittäjät.\n", [(6, 44)], "undeclared"),
    # business-id
    Case("business-id", "controller:\n  name: X Oy\n  business_id: 2077474-1\n"
         "processors:\n  - {id: p, name: P, business_id: 123}\n", [(3, 16)], "checksum (malformed left to schema)"),
    # obsolete-terms
    Case("obsolete-terms", HEAD + "document:\n  title: Henkilötietolain (523/1999) mukainen rekisteriseloste\n",
         [(4, 10), (4, 47)], "two causes on one line: the act named twice is one finding"),
    Case("obsolete-terms", HEAD + "rights:\n  notes: Henkilötietolainsäädäntö on muuttunut.\n", [],
         "the general word for data protection law"),
    # document-age
    Case("document-age", HEAD, [(1, 1)], "undated"),
    Case("document-age", HEAD + "document:\n  drafted: 2018-05-14\n  updated: 2023-09-01\n", [(5, 12)], "old"),
    Case("document-age", HEAD + "document: {drafted: 2023-10-01}\n", [], "exactly 24 months"),
    # breach-procedure
    Case("breach-procedure", HEAD, [(1, 1)], "missing"),
    Case("breach-procedure", HEAD + "breach_procedure: {authority_within_hours: 72}\n", [(3, 19)], "undocumented"),
    # accept-comment
    Case("accept-comment", HEAD + "# seloste: accept document-age\nrights: {}\n"
         "# seloste: accept no-such-rule -- because\n", [(3, 1), (5, 1)], "no reason, unknown rule"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}: {c.id}" for c in CASES])
def test_rule(case: Case) -> None:
    assert sorted(of_rule(check_text(case.yaml), case.rule)) == sorted(case.expected)


def test_findings_carry_article_hint_and_path() -> None:
    findings = check_text(HEAD + "activities:\n  - id: a\n    name: A\n    purposes:\n      - purpose: P\n")
    finding = next(f for f in findings if f.rule == "purpose-basis")
    assert finding.file == "t.yaml"
    assert finding.severity is Severity.ERROR
    assert finding.article.startswith("GDPR 6(1)")
    assert "basis:" in finding.hint
    assert finding.path == "$.activities[0].purposes[0]"


def test_minor_findings_are_one_level_lower() -> None:
    findings = check_text(HEAD + "activities:\n  - id: a\n    name: A\n    public: false\n")
    retention = [f for f in findings if f.rule == "retention-stated"]
    assert [f.severity for f in retention] == [Severity.WARNING]


def test_an_internal_activitys_legitimate_interest_is_a_warning_missing_or_bare() -> None:
    purposes = ("    purposes:\n      - {purpose: Palaute, basis: legitimate_interests}\n"
                "      - {purpose: Turva, basis: legitimate_interests, legitimate_interest: Oikeutettu etu.}\n")
    for public, level in (("true", Severity.ERROR), ("false", Severity.WARNING)):
        findings = check_text(HEAD + f"activities:\n  - id: a\n    name: A\n    public: {public}\n" + purposes)
        assert [f.severity for f in findings if f.rule == "legitimate-interest"] == [level, level], public
