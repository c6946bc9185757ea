"""Every hint that proposes a value is tested by doing what it says: the proposed text replaces the mistake, and
the file then validates with the value the owner meant — never a corrupted one (00100 is not 100)."""

from __future__ import annotations

import re

import pytest

from seloste.i18n import reset_ui_language, set_ui_language
from seloste.loader import LoadError, loads
from seloste.validate import validate_document
from tests.test_validate import MINIMAL

# (MINIMAL's text, the owner's text) → (the mistake as written, the JSON path of the finding, the value meant)
CASES = {
    "postal code with a leading zero": (('postal_code: "00100"', "postal_code: 00100"), "postal_code: 00100",
                                        "$.controller.address.postal_code", "00100"),
    "phone number with a leading zero": (("phone: 040 123 4567", "phone: 0401234567"), "phone: 0401234567",
                                         "$.controller.phone", "0401234567"),
    "identifier of digits": (("  - id: asiakkaat\n", "  - id: 0123\n"), "id: 0123", "$.activities[0].id",
                             "0123"),
    "version written like a number": (("  drafted: 2025-01-15\n", "  drafted: 2025-01-15\n  version: 1.10\n"),
                                      "version: 1.10", "$.document.version", "1.10"),
    "basis in Finnish": (("basis: contract", "basis: sopimus"), "basis: sopimus",
                         "$.activities[0].purposes[0].basis", "contract"),
    "basis as consent in Finnish": (("basis: contract", "basis: suostumus"), "basis: suostumus",
                                    "$.activities[0].purposes[0].basis", "consent"),
    "basis misspelt": (("basis: contract", "basis: contrakt"), "contrakt", "$.activities[0].purposes[0].basis",
                       "contract"),
    "special category in Finnish": (("items: [nimi]}", "items: [nimi], special: terveystiedot, condition: "
                                     "explicit_consent}"), "special: terveystiedot",
                                    "$.activities[0].data_categories[0].special", "health"),
    "Art 9 condition in Finnish": (("items: [nimi]}", "items: [nimi], special: health, condition: nimenomainen "
                                    "suostumus}"), "condition: nimenomainen suostumus",
                                   "$.activities[0].data_categories[0].condition", "explicit_consent"),
    "period as text": (("period: {years: 2}", "period: 3 vuotta"), "period: 3 vuotta",
                       "$.activities[0].retention[0].period", {"years": 3}),
    "period in months as text": (("period: {years: 2}", "period: 6 kk"), "period: 6 kk",
                                 "$.activities[0].retention[0].period", {"months": 6}),
    "years with its unit": (("period: {years: 2}", "period: {years: 3 vuotta}"), "years: 3 vuotta",
                            "$.activities[0].retention[0].period.years", 3),
    "unit in Finnish": (("period: {years: 2}", "period: {vuotta: 2}"), "vuotta",
                        "$.activities[0].retention[0].period.vuotta", 2),
    "catalogue processor misspelt": (("  - {id: timma, name: Timma Oy, country: FI, service: ajanvaraus}\n",
                                      "  - timmma\n"), "timmma", "$.processors[0]", "timma"),
    "field misspelt": (("  email: info@example.fi\n", "  emial: info@example.fi\n"), "emial",
                       "$.controller.emial", "info@example.fi"),
}


def _value(data: object, path: str) -> object:
    for part in re.findall(r"\.(\w+)|\[(\d+)\]", path):
        data = data[part[0]] if part[0] else data[int(part[1])]  # type: ignore[index]
    return data


def _apply(text: str, mistake: str, hint: str) -> str:
    """Do what the hint says: its 'name: value' replaces the mistake, or the word it means replaces it."""
    meant = re.search(r"Did you mean '([^']+)'", hint) or re.search(r"Tarkoititko '([^']+)'", hint)
    if meant:
        replacement = meant.group(1)
    else:
        name = mistake.split(":")[0] + ": "
        assert name in hint, (hint, mistake)
        replacement = hint[hint.rindex(name):]
    assert text.count(mistake) == 1
    return text.replace(mistake, replacement)


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_doing_what_the_hint_says_gives_the_value_meant(case: str, lang: str) -> None:
    (old, new), mistake, path, meant = CASES[case]
    assert old in MINIMAL
    text = MINIMAL.replace(old, new).replace("    processors: [timma]\n", "")
    token = set_ui_language(lang)
    try:
        findings = validate_document(loads(text, "c.yaml"))
    finally:
        reset_ui_language(token)
    (finding,) = [f for f in findings if f.path == path]
    fixed = _apply(text, mistake, finding.hint)
    doc = loads(fixed, "c.yaml")
    assert [f.format() for f in validate_document(doc)] == [], (finding.hint, fixed)
    fixed_path = path.replace("emial", "email").replace("vuotta", "years").replace("processors[0]",
                                                                                   "processors[0].id")
    assert _value(doc.data, fixed_path) == meant, finding.hint


YAML_CASES = {
    "second colon in a value": (("  name: Kauneushoitola Esimerkki\n", "  name: Huom: Kauneushoitola\n"),
                                "name: Huom: Kauneushoitola", "$.controller.name", "Huom: Kauneushoitola"),
    "value starting with @": (("  email: info@example.fi\n", "  email: @kauneushoitola\n"),
                              "email: @kauneushoitola", "$.controller.email", "@kauneushoitola"),
    "value starting with *": (("  name: Kauneushoitola Esimerkki\n", "  name: *Kauneushoitola \"Kielo\"\n"),
                              'name: *Kauneushoitola "Kielo"', "$.controller.name", '*Kauneushoitola "Kielo"'),
}


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("case", list(YAML_CASES), ids=list(YAML_CASES))
def test_a_syntax_hint_quotes_the_value_as_written(case: str, lang: str) -> None:
    (old, new), mistake, path, meant = YAML_CASES[case]
    text = MINIMAL.replace(old, new)
    token = set_ui_language(lang)
    try:
        with pytest.raises(LoadError) as caught:
            loads(text, "c.yaml")
    finally:
        reset_ui_language(token)
    fixed = _apply(text, mistake, caught.value.finding.hint)
    doc = loads(fixed, "c.yaml")
    assert _value(doc.data, path) == meant, caught.value.finding.hint
