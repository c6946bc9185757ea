"""A legal review of what seloste prints: every example, and every preset under its answer combinations, built to
HTML and read as a privacy lawyer would read it (issue 11). Then each error class planted in a fresh file must be
caught by `seloste check`.

What is asserted on the built HTML:
- Kanta is storage, not a disclosure: no list under "we disclose data to" names Kanta, and a controller with
  `health_care.kanta` gets the Kanta section (disclosure permit and bans, log data);
- rights follow the legal basis: no summary line of a patient register offers erasure or portability;
- requests are answered within a month, and an extension is told within the first month with reasons;
- a third-country cookie or tag provider brings its transfer into the notice;
- a controller with employees has an employee activity in its record;
- consent-based health data say what happens on withdrawal, and "mandatory" never covers them;
- the controller speaks in one voice: "I" for a sole trader, "we" otherwise, in the notice and in the record (its
  personal data breach section too), and so does every preset filled for a sole trader or for a company, its own
  texts included, in all three languages.
"""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from seloste.checker import check_document
from seloste.findings import Severity
from seloste.loader import Document, load, loads
from seloste.presets import COMMON, read
from seloste.render import data as render_data
from seloste.render import render_html
from seloste.render.context import is_patient_register, voice
from seloste.validate import validate_document
from tests.checker.util import TODAY, dump
from tests.presets.test_presets import CASE_IDS, CASES, FI_WE, PRESETS, conditions_of, generated

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
AURORA = ROOT / "examples" / "ihoklinikka-aurora.yaml"
LANGS = ("fi", "sv", "en")

DISCLOSE = {"fi": r"Luovuta(?:n|mme) tietoja", "sv": r"(?:Jag|Vi) lämnar ut uppgifter", "en": r"(?:I|We) disclose data"}
FIRST_MONTH = {"fi": "ensimmäisen kuukauden aikana", "sv": "inom den första månaden",
               "en": "within the first month"}
KANTA_PERMIT = {"fi": "luovutusluva", "sv": "tillstånd till utlämnande", "en": "disclosure permit"}
KANTA_LOG = {"fi": "lokitiedot", "sv": "logguppgifter", "en": "log data"}
US = {"fi": "Yhdysvallat", "sv": "USA", "en": "United States"}
#: Finnish verbs of the standard texts, in the singular and the plural voice.
FI_VOICE = {1: ("Luovutan tietoja", "Vastaan pyyntöösi", "Käytän palveluntarjoajia"),
            2: ("Luovutamme tietoja", "Vastaamme pyyntöösi", "Käytämme palveluntarjoajia")}
#: The record's first-person standard texts (its personal data breach section), in the singular and the plural voice.
RECORD_VOICE: dict[str, dict[int, tuple[str, ...]]] = {
    "fi": {1: ("Ilmoitan tietoturvaloukkauksesta tietosuojavaltuutetun toimistolle", "kun loukkaus on tullut tietooni",
               "Kirjaan jokaisen tietoturvaloukkauksen"),
           2: ("Ilmoitamme tietoturvaloukkauksesta tietosuojavaltuutetun toimistolle",
               "kun loukkaus on tullut tietoomme", "Kirjaamme jokaisen tietoturvaloukkauksen")},
    "sv": {1: ("Jag anmäler en personuppgiftsincident till Dataombudsmannens byrå", "efter att jag fått vetskap",
               "Jag dokumenterar varje personuppgiftsincident"),
           2: ("Vi anmäler en personuppgiftsincident till Dataombudsmannens byrå", "efter att vi fått vetskap",
               "Vi dokumenterar varje personuppgiftsincident")},
    "en": {1: ("I notify the Office of the Data Protection Ombudsman", "I document every personal data breach"),
           2: ("We notify the Office of the Data Protection Ombudsman", "We document every personal data breach")},
}
#: First-person plural words ("we", "our", "us"): none in a sole trader's record.
WE = {"fi": r"\b(?:[Mm]e|[Mm]eidän|[Mm]eille|[Mm]eitä|[Mm]eillä|[Mm]eiltä|[Mm]eihin|\w+mme)\b",
      "sv": r"\b(?:[Vv]i|[Vv]år|[Vv]årt|[Vv]åra|oss)\b",
      "en": r"\b(?:[Ww]e|[Oo]urs?|us)\b"}
#: First-person singular words ("I", "my", "me"): none in a company's notice or record. A Finnish verb does not
#: show its person by its ending alone ("kirjaan"), so Finnish has the pronoun here and the presets' own singular
#: sentences below (PRESET_I).
ME = {"fi": r"\b(?:[Mm]inä|[Mm]inun|[Mm]inulle|[Mm]inulta|[Mm]inua|[Mm]inulla|[Mm]inuun|[Mm]inusta)\b",
      "sv": r"\b(?:[Jj]ag|[Mm]ig|[Mm]in|[Mm]itt|[Mm]ina)\b",
      "en": r"\b(?:I|me|[Mm]y|mine)\b"}


def text_of(page: str) -> str:
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def valid(doc: Document) -> Document:
    findings = validate_document(doc)
    assert not [f for f in findings if f.severity is Severity.ERROR], [f.format() for f in findings]
    return doc


def review(doc: Document, lang: str) -> None:
    """Every point of the review on one document's notice and record in `lang`."""
    data: dict[str, Any] = doc.data
    notice = render_html(doc, "notice", lang, fallback=True)
    record = render_html(doc, "record", lang, fallback=True)
    words = text_of(notice)

    # Kanta is storage: never in a list of disclosures; its own section when joined
    for match in re.finditer(DISCLOSE[lang] + r".*?</p>\s*<ul>(.*?)</ul>", notice, flags=re.S):
        names = re.findall(r"<li><strong>(.*?)</strong>", match.group(1))
        assert not [n for n in names if "Kanta" in n], "Kanta listed among disclosures"
    care = data.get("health_care") or {}
    if care.get("kanta"):
        assert 'id="s-kanta"' in notice
        assert KANTA_PERMIT[lang] in words and KANTA_LOG[lang] in words

    # Rights follow the basis: a patient register's summary line offers no erasure or portability
    shorts = render_data.labels(lang)["rights"]
    promises = (str(shorts["erasure"]["short"]), str(shorts["portability"]["short"]))
    summary = text_of(notice[notice.index('class="seloste-summary"'):notice.index("</section>")])
    lines = re.split(r"(?<=\.) (?=\S)", summary)
    for activity in data.get("activities") or []:
        if activity.get("public", True) is False or not is_patient_register(data, activity):
            continue
        name = activity["name"] if isinstance(activity["name"], str) else activity["name"].get(lang, "")
        for line in lines:
            if name in line.split(":")[0]:
                assert not [p for p in promises if p in line], f"{name}: {line}"

    # Answering: within a month; an extension told within the first month
    assert FIRST_MONTH[lang] in words

    # Third-country cookie providers bring their transfer
    processors = {p["id"]: p for p in data.get("processors") or [] if isinstance(p, dict)}
    cookies = data.get("cookies") or {}
    if any(processors.get(str(c.get("processor")), {}).get("transfer") for c in cookies.get("items") or []):
        assert US[lang] in words

    # Staff are in the record
    if (data.get("controller") or {}).get("employees"):
        staff = [a for a in data.get("activities") or [] if a.get("kind") == "employees"]
        assert staff, "employer without an employee activity"
        name = staff[0]["name"] if isinstance(staff[0]["name"], str) else staff[0]["name"].get(lang, "")
        assert html.escape(name) in record

    # Consent-based health data: what happens on withdrawal; never "mandatory" without the exception
    for activity in data.get("activities") or []:
        if activity.get("public", True) is False:
            continue
        for category in activity.get("data_categories") or []:
            if category.get("condition") == "explicit_consent":
                assert category.get("withdrawal"), category.get("id")
                assert category.get("optional") is True or not (activity.get("provision") or {}).get("obligatory")

    # One voice, in the notice and in the record
    if lang == "fi":
        other = FI_VOICE[3 - voice(data)]
        assert not [phrase for phrase in other if phrase in words], "mixed voice"
    in_record = text_of(record)
    assert not [phrase for phrase in RECORD_VOICE[lang][3 - voice(data)] if phrase in in_record], "mixed voice"
    if (data.get("breach_procedure") or {}).get("documented"):
        assert RECORD_VOICE[lang][voice(data)][-1] in in_record


@pytest.mark.parametrize(("path", "lang"), list(itertools.product(EXAMPLES, LANGS)),
                         ids=[f"{p.stem}-{lang}" for p, lang in itertools.product(EXAMPLES, LANGS)])
def test_examples_pass_the_legal_review(path: Path, lang: str) -> None:
    review(valid(load(path)), lang)


@pytest.mark.parametrize(("key", "variant", "sole_trader"), CASES, ids=CASE_IDS)
def test_presets_pass_the_legal_review(key: str, variant: int, sole_trader: bool) -> None:
    doc = valid(loads(generated(key, variant, sole_trader), "generated.yaml"))
    assert voice(doc.data) == (1 if sole_trader else 2)
    review(doc, "fi")
    assert not [f.format() for f in check_document(doc) if f.severity is Severity.ERROR]


def _texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [t for key, value in node.items() if key != "when" for t in _texts(value)]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return [node] if isinstance(node, str) else []


def _sentences(node: Any) -> set[str]:
    """The sentences of a preset text, placeholders and Markdown taken out (what is left of a sentence around a
    `{{placeholder}}` counts when it is long enough to be told apart)."""
    found: set[str] = set()
    for text in _texts(node):
        for sentence in re.split(r"(?<=[.;])\s+", " ".join(text.split())):
            found.update(part.strip(" *") for part in re.split(r"\{\{\w+\}\}", sentence.replace("**", ""))
                         if len(part.strip(" *")) >= 15)
    return found


def _voice_sentences() -> tuple[frozenset[str], frozenset[str]]:
    """The sentences only the presets' singular ("I") texts have, and those only their plural twins have: "Kirjaan
    jokaisen loukkauksen, …" / "Kirjaamme jokaisen loukkauksen, …"."""
    singular: set[str] = set()
    plural: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if set(node) == {"choose"}:
                alternatives = list(node["choose"])
                for index, alternative in enumerate(alternatives):
                    if "sole_trader" in conditions_of(alternative):
                        twin = next(a for a in alternatives[index + 1:]
                                    if conditions_of(a) == conditions_of(alternative) - {"sole_trader"})
                        mine, ours = _sentences(alternative["text"]), _sentences(twin["text"])
                        singular.update(mine - ours)
                        plural.update(ours - mine)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for key in (*PRESETS, COMMON):
        walk(read(key))
    return frozenset(singular), frozenset(plural)


PRESET_I, PRESET_WE = _voice_sentences()


def _words(pattern: str, text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize(("key", "variant", "sole_trader"), CASES, ids=CASE_IDS)
def test_presets_speak_in_one_voice(key: str, variant: int, sole_trader: bool) -> None:
    """A preset filled for a sole trader says "I" in its notice and record, its own texts too; for a company, "we".
    The presets' texts are Finnish: the Swedish and English documents show them as they are, so those are read for
    Finnish words and for the presets' sentences of the other voice as well (but for "me", an English word)."""
    doc = valid(loads(generated(key, variant, sole_trader), "generated.yaml"))
    assert doc.data["controller"].get("form") == ("sole_trader" if sole_trader else None)
    assert voice(doc.data) == (1 if sole_trader else 2)
    mine, other = (PRESET_I, PRESET_WE) if sole_trader else (PRESET_WE, PRESET_I)
    seen: set[str] = set()
    for lang in LANGS:
        for kind in ("notice", "record"):
            words = text_of(render_html(doc, kind, lang, fallback=True))
            if sole_trader:
                found = _words(WE[lang], words) + [w for w in _words(FI_WE.pattern, words) if w.lower() != "me"]
            else:
                found = _words(ME[lang], words) + (_words(ME["fi"], words) if lang != "fi" else [])
            found += [sentence for sentence in other if sentence in words]
            assert not found, f"{kind} ({lang}) of a {'sole trader' if sole_trader else 'company'}"
            seen.update(sentence for sentence in mine if sentence in words)
    assert seen, "none of the presets' own texts in this voice was found: the check would see nothing"



def test_the_showcase_says_plainly_which_injections_it_gives() -> None:
    doc = valid(load(AURORA))
    words = text_of(render_html(doc, "notice", "fi"))
    assert "täyteainehoidot" in words
    assert "Emme anna reseptilääkkeitä sisältäviä hoitoja, kuten botuliinitoksiinihoitoja" in words
    assert "injektiohoi" not in words


def test_sole_trader_speaks_as_i() -> None:
    doc = valid(load(ROOT / "examples" / "hieroja-koskenranta.yaml"))
    assert voice(doc.data) == 1
    words = text_of(render_html(doc, "notice", "fi"))
    assert "Vastaan pyyntöösi" in words and "Vastaamme" not in words
    sv = text_of(render_html(doc, "notice", "sv"))
    assert "Jag svarar på din begäran" in sv
    en = text_of(render_html(doc, "notice", "en"))
    assert "I will respond to your request" in en and "We will respond" not in en


def breaches(record: str) -> str:
    """The words of a record's personal data breach section."""
    start = record.index('id="s-loukkaukset"')
    return text_of(record[start:record.index("</section>", start)])


@pytest.mark.parametrize("lang", LANGS)
def test_a_sole_traders_record_speaks_as_i(lang: str) -> None:
    doc = valid(load(ROOT / "examples" / "hieroja-koskenranta.yaml"))
    assert voice(doc.data) == 1 and doc.data["breach_procedure"].get("documented")
    record = render_html(doc, "record", lang)
    section = breaches(record)
    assert all(phrase in section for phrase in RECORD_VOICE[lang][1]), section
    assert not [phrase for phrase in RECORD_VOICE[lang][2] if phrase in section], section
    assert {"fi": "72 tunnin", "sv": "72 timmar", "en": "72 hours"}[lang] in section
    words = text_of(record)
    assert not [m.group(0) for m in re.finditer(WE[lang], words)], "a sole trader's record says \"we\""


@pytest.mark.parametrize("lang", LANGS)
def test_a_companys_record_still_says_we(lang: str) -> None:
    doc = valid(load(AURORA))
    assert voice(doc.data) == 2
    section = breaches(render_html(doc, "record", lang))
    assert all(phrase in section for phrase in RECORD_VOICE[lang][2]), section
    assert not [phrase for phrase in RECORD_VOICE[lang][1] if phrase in section], section


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chosen", ["singular", "plural"])
def test_the_breach_hours_keep_their_plural_in_either_voice(lang: str, chosen: str) -> None:
    """The hour count picks the plural form; the voice comes from the message context."""
    data = _aurora()
    data["controller"]["voice"] = chosen
    data["breach_procedure"]["authority_within_hours"] = 1
    doc = loads(dump(data), "one-hour.yaml")
    section = breaches(render_html(doc, "record", lang))
    number = 1 if chosen == "singular" else 2
    assert RECORD_VOICE[lang][number][0] in section and RECORD_VOICE[lang][number][-1] in section, section
    assert {"fi": "1 tunnin kuluessa", "sv": "inom 1 timme efter", "en": "within 1 hour of"}[lang] in section


def _aurora() -> dict[str, Any]:
    return loads(AURORA.read_text(encoding="utf-8")).data  # type: ignore[no-any-return]


def _plant_kanta(d: dict[str, Any]) -> None:
    d["activities"][0]["recipients"].append({"name": "Kanta-palvelujen potilastiedon arkisto (Kela)"})


def _plant_botox(d: dict[str, Any]) -> None:
    d["activities"][0]["purposes"][2]["purpose"] = "Terveystietojen kirjaaminen ennen Botox-hoitoa"


def _plant_erasure(d: dict[str, Any]) -> None:
    d["health_care"] = {"professional": True, "profession": "lääkäri"}
    d["activities"][0]["data_categories"][2]["condition"] = "health_care"
    d["rights"]["stated"] = ["access", "rectification", "erasure", "complaint"]


def _plant_response(d: dict[str, Any]) -> None:
    d["rights"]["response_time"] = "kolmen kuukauden kuluessa"


def _plant_no_transfer(d: dict[str, Any]) -> None:
    website = next(a for a in d["activities"] if a.get("kind") == "website")
    website["transfers"] = []


def _plant_no_staff(d: dict[str, Any]) -> None:
    d["activities"] = [a for a in d["activities"] if a.get("kind") != "employees"]


def _plant_withdrawal(d: dict[str, Any]) -> None:
    del d["activities"][0]["data_categories"][2]["withdrawal"]


def _plant_mandatory(d: dict[str, Any]) -> None:
    del d["activities"][0]["data_categories"][2]["optional"]


PLANTED = {
    "kanta-storage": _plant_kanta,
    "prescription-treatment": _plant_botox,
    "rights-basis": _plant_erasure,
    "cookie-transfer": _plant_no_transfer,
    "staff-record": _plant_no_staff,
    "health-consent": _plant_withdrawal,
    "provision-consistency": _plant_mandatory,
}


@pytest.mark.parametrize(("rule", "plant"), [*PLANTED.items(), ("rights-basis", _plant_response)])
def test_each_planted_error_is_caught(rule: str, plant: Any) -> None:
    data = _aurora()
    assert not [f for f in check_document(loads(dump(data), "fresh.yaml")) if f.rule == rule]
    plant(data)
    doc = loads(dump(data), "fresh.yaml")
    found = [f for f in check_document(doc) if f.rule == rule]
    assert found, f"{rule} did not catch the planted error"
    assert found[0].severity in (Severity.ERROR, Severity.WARNING)
    assert TODAY  # the checker's reference date is the suite's


def test_kanta_is_named_by_its_own_words_only() -> None:
    from seloste.healthcare import names_kanta

    assert names_kanta({"fi": "Kanta-palvelujen potilastiedon arkisto (Kela)"})
    assert names_kanta("OmaKanta") and names_kanta("Patientdataarkivet")
    assert not names_kanta("Asiakastietokanta")  # a database, which is disclosed like any recipient


def test_a_health_care_provider_counts_as_health_care_in_every_rule() -> None:
    data = _aurora()
    data["health_care"] = {"professional": False, "provider": True, "patient_records": "electronic"}
    data["activities"][0]["data_categories"][2]["condition"] = "health_care"
    found = {f.rule for f in check_document(loads(dump(data), "provider.yaml"))}
    assert "special-category" not in found  # 9(2)(h) is the provider's condition too
    assert "patient-records" in found  # and its records are kept under 703/2023
