"""YAML syntax errors name the line where the mistake is, in plain words and in the user's language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from seloste.i18n import reset_ui_language, set_ui_language
from seloste.loader import LoadError, loads
from tests.test_validate import MINIMAL

# (MINIMAL's line, the owner's line) → (the line of the mistake, the Finnish message after "YAML-syntaksivirhe: ")
CASES = {
    "key without colon before its block": (("  email: info@example.fi\n", "  email: info@example.fi\n  address\n"
                                            "    street: Kuja 1\n"), 9, "rivin 9 lopusta puuttuu kaksoispiste ':'"),
    "key and value without colon": (("  name: Kauneushoitola Esimerkki\n", "  name Kauneushoitola Esimerkki\n"), 5,
                                    "rivillä 5 puuttuu kaksoispiste sanan 'name' perästä"),
    "no space after the colon": (("  name: Kauneushoitola Esimerkki\n", "  name:Kauneushoitola\n"), 5,
                                 "rivillä 5 sanan 'name' kaksoispisteen perästä puuttuu välilyönti"),
    "second colon in a value": (("  name: Kauneushoitola Esimerkki\n", "  name: Huom: Kauneushoitola\n"), 5,
                                "rivin 5 arvossa on toinen kaksoispiste ':'"),
    "tab": (("  name: Kauneushoitola Esimerkki\n", "\tname: Kauneushoitola Esimerkki\n"), 5,
            "rivi 5 on sisennetty sarkaimella"),
    "indented too far": (("  email: info@example.fi\n", "   email: info@example.fi\n"), 8,
                         "riviä 8 ei ole sisennetty kuten sen yläpuolella olevia rivejä"),
    "unclosed quote": (("  name: Kauneushoitola Esimerkki\n", '  name: "Kauneushoitola Esimerkki\n'), 5,
                       "rivillä 5 avattua lainausmerkkiä ei suljeta"),
    "value starting with @": (("  email: info@example.fi\n", "  email: @kauneushoitola\n"), 8,
                              "rivillä 8 arvo ei voi alkaa merkillä '@'"),
}


def error(text: str, lang: str) -> LoadError:
    token = set_ui_language(lang)
    try:
        with pytest.raises(LoadError) as caught:
            loads(text, "seloste.yaml")
    finally:
        reset_ui_language(token)
    return caught.value


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_the_mistake_is_named_on_its_own_line(case: str) -> None:
    (old, new), line, finnish = CASES[case]
    assert old in MINIMAL
    found = error(MINIMAL.replace(old, new), "fi").finding
    assert (found.line, found.rule, found.message) == (line, "yaml-syntax", f"YAML-syntaksivirhe: {finnish}")
    assert found.hint
    english = error(MINIMAL.replace(old, new), "en").finding
    assert english.line == line and english.message.startswith("YAML syntax error: ")
    assert "could not find" not in english.message and "not allowed" not in english.message


def test_the_issues_example_line_12(tmp_path: Path) -> None:
    lines = MINIMAL.splitlines(keepends=True)
    assert lines[11] == "activities:\n"
    path = tmp_path / "seloste.yaml"
    path.write_text("".join([*lines[:11], "activities\n", *lines[12:]]), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "seloste", "--ui-lang", "fi", "validate", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert f"{path}:12:11: virhe: YAML-syntaksivirhe: rivin 12 lopusta puuttuu kaksoispiste ':'" in done.stdout
    assert "vihje: Kirjoita avaimen perään kaksoispiste, esim. 'activities:'." in done.stdout
