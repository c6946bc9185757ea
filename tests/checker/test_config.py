"""Configuration: presets, levels, options, errors for unknown ids, search upwards, pyproject, inline accepts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from seloste.checker.config import Config, ConfigError, find_config, load_config, parse, resolve
from seloste.findings import Severity
from seloste.loader import loads
from tests.checker.util import TODAY, check_text

UNDATED = "schema_version: 1\ncontroller: {name: X Oy, email: x@example.fi}\n"


def _config(text: str, today: dt.date | None = TODAY) -> Config:
    doc = loads(text, ".seloste.yaml")
    return parse(doc.data, ".seloste.yaml", doc, today)


def _rules(findings: list, rule: str) -> list[Severity]:
    return [f.severity for f in findings if f.rule == rule]


def test_default_keeps_each_rules_own_severity() -> None:
    config = Config.default(TODAY)
    assert config.setting("document-age").level is Severity.WARNING
    assert config.setting("document-age").options == {"max_age_months": 24}
    assert config.setting("purpose-basis").level is Severity.ERROR


def test_off_and_relevel() -> None:
    config = _config("rules:\n  document-age: off\n  rights-section: info\n  privacy-contact: {level: warning}\n")
    findings = check_text(UNDATED, config)
    assert _rules(findings, "document-age") == []
    assert _rules(findings, "rights-section") == [Severity.INFO]
    # privacy-contact's "missing" is a minor finding (warning under error); re-levelled one step down → info
    assert _rules(findings, "privacy-contact") == [Severity.INFO]


def test_options_are_merged_and_used() -> None:
    config = _config("rules:\n  document-age: {max_age_months: 6}\n")
    assert config.setting("document-age").options == {"max_age_months": 6}
    assert config.setting("document-age").level is Severity.WARNING
    findings = check_text(UNDATED + "document: {updated: 2025-01-15}\n", config)
    assert _rules(findings, "document-age") == [Severity.INFO]  # an old notice is good-practice advice


@pytest.mark.parametrize("preset", ["strict", "minimal"])
def test_presets(preset: str) -> None:
    config = _config(f"extends: {preset}\n")
    if preset == "strict":
        assert config.setting("document-age").level is Severity.ERROR
        assert config.setting("document-age").options["max_age_months"] == 12
    else:
        assert config.setting("document-age").level is None


@pytest.mark.parametrize(("text", "message"), [
    ("rules:\n  purpose-basys: off\n",
     ".seloste.yaml:2:3: unknown rule 'purpose-basys' (did you mean 'purpose-basis'?)"),
    ("rules:\n  document-age: {max_age: 3}\n", "document-age has no option 'max_age'"),
    ("rules:\n  document-age: {max_age_months: lots}\n", "must be int"),
    ("rules:\n  document-age: {max_age_months: true}\n", "must be int"),
    ("rules:\n  document-age: loud\n", "'loud' is not a level"),
    ("extends: lax\n", "unknown preset 'lax'"),
    ("rulez: {}\n", "unknown key 'rulez' (did you mean 'rules'?)"),
    ("today: yesterday\n", "'today' must be a date"),
    ("- a\n", "must be a mapping"),
    ("rules: [a]\n", "'rules' must be a mapping"),
])
def test_bad_configuration_is_an_error(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        _config(text)


def test_today_from_configuration_and_override() -> None:
    assert _config("today: 2024-05-01\n", None).today == dt.date(2024, 5, 1)
    assert _config("today: 2024-05-01\n", dt.date(2020, 1, 1)).today == dt.date(2020, 1, 1)


def test_found_upwards_and_yaml_before_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.seloste]\nextends = "minimal"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "c.yaml").write_text(UNDATED, encoding="utf-8")
    assert find_config(deep / "c.yaml") == tmp_path / "pyproject.toml"
    assert resolve(None, [deep / "c.yaml"], TODAY).setting("document-age").level is None
    (tmp_path / "a" / ".seloste.yaml").write_text("rules:\n  document-age: error\n", encoding="utf-8")
    assert find_config(deep) == tmp_path / "a" / ".seloste.yaml"
    assert resolve(None, [deep], TODAY).setting("document-age").level is Severity.ERROR


def test_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    found = find_config(tmp_path)
    assert found is None or found.parent != tmp_path


def test_pyproject_rules(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.seloste]\ntoday = 2025-01-01\n[tool.seloste.rules]\n"document-age" = "off"\n'
                    'vague-retention = {require_trigger = false}\n', encoding="utf-8")
    config = load_config(path)
    assert config.today == dt.date(2025, 1, 1)
    assert config.setting("document-age").level is None
    assert config.setting("vague-retention").options == {"require_trigger": False}
    path.write_text('[tool.seloste.rules]\nnope = "off"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml \[tool.seloste\] \(\$.rules.nope\): unknown rule"):
        load_config(path)


def test_unreadable_or_broken_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.yaml")
    broken = tmp_path / ".seloste.yaml"
    broken.write_text("rules: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="YAML syntax error"):
        load_config(broken)


ACCEPTED = """\
schema_version: 1
controller: {name: X Oy, email: x@example.fi}
# seloste: accept document-age, breach-procedure -- reviewed 2025-09-01, no changes needed
rights:
  # seloste: accept rights-section -- requests are handled at the reception desk
  channels: [in_person]
"""


def test_inline_accept_with_reason_suppresses() -> None:
    findings = check_text(ACCEPTED)
    rules = {f.rule for f in findings}
    assert not rules & {"document-age", "breach-procedure", "rights-section", "accept-comment"}
    assert "privacy-contact" in rules  # not accepted


def test_inline_accept_without_reason_is_a_finding_and_accepts_nothing() -> None:
    findings = check_text(ACCEPTED.replace(" -- reviewed 2025-09-01, no changes needed", ""))
    assert [(f.line, f.column) for f in findings if f.rule == "accept-comment"] == [(3, 1)]
    assert {"document-age", "breach-procedure"} <= {f.rule for f in findings}


def test_accept_above_a_key_covers_a_finding_inside_its_block_text() -> None:
    text = UNDATED + "rights:\n  how_to_request: x\n  # seloste: accept rights-section -- agreed with the DPO\n" \
        "  notes: >-\n    Rekisteröity voi pyytää tiedot\n    korkeintaan 2 kertaa vuodessa.\n"
    assert not [f for f in check_text(text) if f.rule == "rights-section"]
