"""`seloste init`: interactive, from an answers file and from flags; never overwrites without asking."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from seloste.cli import cli
from seloste.loader import loads
from seloste.presets import presets

from .util import ANSWERS_YAML, BEAUTY_SALON_INPUT, errors, findings_for

FLAGS = ["--no-input", "--preset", "hieroja", "--name", "Tmi Testi", "--business-id", "0245974-7",
         "--street", "Tie 2", "--postal-code", "33100", "--city", "Tampere", "--email", "x@example.fi",
         "--booking", "ajas", "--marketing", "email,sms", "--records", "electronic", "--kanta"]


@pytest.fixture(autouse=True)
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test runs in its own empty folder, as a new user would."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(args: list[str], input: str | None = None) -> tuple[int, str, str]:
    """Exit code, printed text and the written file's text (empty when none)."""
    result = CliRunner().invoke(cli, args, input=input)
    written = Path(args[args.index("-o") + 1] if "-o" in args else "seloste.yaml")
    text = written.read_text(encoding="utf-8") if written.exists() else ""
    return result.exit_code, result.output, text


def assert_beauty_salon(text: str) -> None:
    assert errors(findings_for(text)) == []
    data = loads(text, "seloste.yaml").data
    assert data["controller"]["name"] == "Kauneushoitola Esimerkki"
    assert data["processors"][0] == {"id": "timma", "dpa": True}
    assert data["processors"][1]["kind"] == "accounting"  # an accounting firm is a processor, not a recipient
    assert data["direct_marketing"]["channels"] == ["sms"]
    health = [c for a in data["activities"] for c in a["data_categories"] if c.get("special") == "health"]
    assert health and health[0]["condition"] == "explicit_consent"


def test_answers_file_writes_a_clean_beauty_salon(here: Path) -> None:
    (here / "answers.yaml").write_text(ANSWERS_YAML, encoding="utf-8")
    code, _, text = invoke(["init", "--answers", "answers.yaml"])
    assert code == 0
    assert_beauty_salon(text)
    assert "# TARKISTA:" in text


def test_interactive_questionnaire_writes_the_same_salon() -> None:
    code, output, text = invoke(["init"], BEAUTY_SALON_INPUT)
    assert code == 0, output
    assert_beauty_salon(text)


def test_wrong_business_id_is_asked_again() -> None:
    code, output, _ = invoke(["init"], BEAUTY_SALON_INPUT)
    assert code == 0
    assert "tarkistenumero" in output
    assert output.count("Y-tunnus:") == 2


def test_english_questions() -> None:
    keys = (BEAUTY_SALON_INPUT.replace("tekstiviesti", "sms").replace("\nk\n", "\ny\n")
            .replace("sähköinen", "electronic"))
    code, output, text = invoke(["init", "--lang", "en"], keys)
    assert code == 0, output
    assert "Business ID" in output
    assert_beauty_salon(text)


def test_preset_flag_skips_the_business_type_question() -> None:
    code, output, text = invoke(["init", "--preset", "kauneushoitola"], BEAUTY_SALON_INPUT.split("\n", 1)[1])
    assert code == 0, output
    assert "Millaista toimintaa" not in output
    assert_beauty_salon(text)


def test_flags_run_without_questions() -> None:
    code, output, text = invoke(["init", *FLAGS])
    assert code == 0, output
    data = loads(text, "x.yaml").data
    assert data["health_care"]["kanta"] is True
    assert data["controller"]["form"] == "sole_trader"  # "Tmi Testi": the name tells
    assert "Kirjaan jokaisesta käynnistä" in text and "Kirjaamme" not in text
    assert errors(findings_for(text)) == []


#: The flags of a business whose name does not tell whether it is a sole trader.
UNTOLD = [*FLAGS[:FLAGS.index("--name")], "--name", "Hieronta Testi", *FLAGS[FLAGS.index("--name") + 2:]]
ASKED = "Onko yrityksesi toiminimi"


@pytest.mark.parametrize(("flag", "form"), [("--sole-trader", "sole_trader"), ("--no-sole-trader", None)])
def test_the_sole_trader_flag_sets_the_form_and_the_voice(flag: str, form: str | None) -> None:
    code, output, text = invoke(["init", *UNTOLD, flag])
    assert code == 0, output
    assert loads(text, "x.yaml").data["controller"].get("form") == form
    singular = ("Kirjaan jokaisesta käynnistä", "Ilmoitan asianomaisille", "olen vaitiolovelvollinen")
    plural = ("Kirjaamme jokaisesta käynnistä", "Ilmoitamme asianomaisille", "olemme vaitiolovelvollisia")
    said, unsaid = (singular, plural) if form else (plural, singular)
    flat = " ".join(text.split())
    assert all(phrase in flat for phrase in said) and not [p for p in unsaid if p in flat]
    assert errors(findings_for(text)) == []


def test_without_the_sole_trader_answer_a_run_without_questions_is_as_before(here: Path) -> None:
    """No answer and a name that does not tell: nothing stops, no form is written, the texts say "we"."""
    code, output, text = invoke(["init", *UNTOLD])
    assert code == 0, output
    assert "form" not in loads(text, "x.yaml").data["controller"]
    assert "Kirjaamme jokaisesta käynnistä" in " ".join(text.split())
    (here / "answers.yaml").write_text(ANSWERS_YAML, encoding="utf-8")
    code, output, text = invoke(["init", "--answers", "answers.yaml", "-o", "answers-run.yaml"])
    assert code == 0, output
    assert_beauty_salon(text)
    assert "form" not in loads(text, "x.yaml").data["controller"]
    assert ASKED not in output


def test_the_answers_file_may_say_sole_trader(here: Path) -> None:
    (here / "answers.yaml").write_text(ANSWERS_YAML + "sole_trader: kyllä\n", encoding="utf-8")
    code, output, text = invoke(["init", "--answers", "answers.yaml"])
    assert code == 0, output
    assert_beauty_salon(text)
    assert loads(text, "x.yaml").data["controller"]["form"] == "sole_trader"
    assert "Pystyn osoittamaan" in " ".join(text.split())


@pytest.mark.parametrize(("name", "flag"), [("Hieronta Testi Oy", "--sole-trader"), ("Tmi Testi", "--no-sole-trader")])
def test_an_answer_the_name_contradicts_stops_a_run_without_questions(name: str, flag: str) -> None:
    args = [*FLAGS[:FLAGS.index("--name")], "--name", name, *FLAGS[FLAGS.index("--name") + 2:], flag]
    code, output, text = invoke(["init", *args])
    assert code == 2 and "--sole-trader" in output and "Nimen" in output
    assert text == ""


def test_a_company_name_writes_its_form_and_is_not_asked() -> None:
    keys = BEAUTY_SALON_INPUT.replace("Kauneushoitola Esimerkki\ne\n", "Kauneushoitola Esimerkki Oy\n")
    code, output, text = invoke(["init"], keys)
    assert code == 0, output
    assert ASKED not in output
    assert loads(text, "x.yaml").data["controller"]["form"] == "company"
    assert "Kirjaamme annetut hoidot" in " ".join(text.split())


def test_the_questionnaire_asks_until_yes_or_no() -> None:
    keys = BEAUTY_SALON_INPUT.replace("Kauneushoitola Esimerkki\ne\n", "Kauneushoitola Esimerkki\n\nehkä\nk\n")
    code, output, text = invoke(["init"], keys)
    assert code == 0, output
    assert output.count(ASKED) == 3 and output.count("Vastaa kyllä tai ei.") == 2
    assert loads(text, "x.yaml").data["controller"]["form"] == "sole_trader"
    assert "Kirjaan annetut hoidot" in " ".join(text.split())


def test_missing_answer_stops_a_non_interactive_run(here: Path) -> None:
    code, output, _ = invoke(["init", "--no-input", "--preset", "hieroja"])
    assert code == 2
    assert "--name" in output
    assert not (here / "seloste.yaml").exists()


def test_does_not_overwrite_without_force(here: Path) -> None:
    (here / "answers.yaml").write_text(ANSWERS_YAML, encoding="utf-8")
    target = here / "seloste.yaml"
    target.write_text("mine\n", encoding="utf-8")
    code, output, _ = invoke(["init", "--answers", "answers.yaml"])
    assert code == 2 and "--force" in output
    assert target.read_text(encoding="utf-8") == "mine\n"
    code, _, _ = invoke(["init"], "n\n")
    assert code == 2
    assert target.read_text(encoding="utf-8") == "mine\n"
    code, _, text = invoke(["init", "--answers", "answers.yaml", "--force"])
    assert code == 0
    assert text.startswith("# Tietosuojaseloste")


def test_interactive_overwrite_when_confirmed(here: Path) -> None:
    (here / "seloste.yaml").write_text("mine\n", encoding="utf-8")
    code, output, text = invoke(["init"], "k\n" + BEAUTY_SALON_INPUT)
    assert code == 0, output
    assert_beauty_salon(text)


def test_list_presets_prints_key_tab_name() -> None:
    code, output, _ = invoke(["init", "--list-presets"])
    assert code == 0
    lines = output.splitlines()
    assert [line.split("\t")[0] for line in lines] == list(presets())
    assert "kauneushoitola\tKauneushoitola" in lines


@pytest.mark.parametrize("value", ["nope", "kauneus"])
def test_unknown_preset_is_a_usage_error(value: str) -> None:
    code, _, text = invoke(["init", "--preset", value, "--no-input"])
    assert code == 2
    assert text == ""
