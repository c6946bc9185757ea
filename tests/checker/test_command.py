"""The check, rules and explain commands: formats, output file, exit codes; a real subprocess run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from seloste.cli import cli
from tests.conftest import EXAMPLES, ROOT

GAPPY = """\
schema_version: 1
document: {drafted: 2025-01-01}
controller: {name: X Oy, email: x@example.fi}
privacy_contact: {name: P, email: p@example.fi}
activities:
  - id: a
    name: Asiakkaat
    purposes: [{purpose: Ajanvaraus}]
    data_subjects: [asiakkaat]
    data_categories: [{id: c, name: Yhteystiedot}]
    recipients: []
    transfers: []
    provision: {requirement: voluntary}
    automated_decisions: {used: false}
    retention: [{criterion: kunnes suostumus peruutetaan}]
security: {technical: [Salasanat]}
rights: {channels: [email]}
breach_procedure: {documented: true}
"""


@pytest.fixture
def gappy(tmp_path: Path) -> Path:
    path = tmp_path / "gappy.yaml"
    path.write_text(GAPPY, encoding="utf-8")
    (tmp_path / ".seloste.yaml").write_text("today: 2025-06-01\n", encoding="utf-8")
    return path


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": "", "NO_COLOR": "", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def test_clean_examples_exit_zero() -> None:
    code, out, err = invoke("check", str(EXAMPLES), "--today", "2025-10-01")
    assert code == 0, out
    assert "files checked: 0 errors" in err


def test_errors_exit_one_with_positions(gappy: Path) -> None:
    code, out, err = invoke("check", str(gappy))
    assert code == 1
    assert f"{gappy}:8:16: error: the purpose 'Ajanvaraus' has no legal basis [purpose-basis]" in out
    assert "1 file checked: 1 error" in err


def test_warnings_fail_only_under_strict(gappy: Path) -> None:
    gappy.write_text(GAPPY.replace("{purpose: Ajanvaraus}", "{purpose: Ajanvaraus, basis: contract}"),
                     encoding="utf-8")
    assert invoke("check", str(gappy))[0] == 0
    gappy.write_text(gappy.read_text(encoding="utf-8").replace("2025-01-01", "2018-01-01"), encoding="utf-8")
    assert invoke("check", str(gappy))[0] == 0  # a pre-GDPR notice is a warning: no failure by default
    code, _, err = invoke("check", "--strict", str(gappy))
    assert code == 1 and "1 warning" in err


def test_format_and_output_file(gappy: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "report.json"
    code, out, _ = invoke("check", str(gappy), "--format", "json", "--output", str(out_file))
    assert code == 1 and out == ""
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["summary"]["errors"] == 1


def test_github_format_chosen_under_github_actions(gappy: Path) -> None:
    _, out, _ = invoke("check", str(gappy), env={"GITHUB_ACTIONS": "true"})
    assert out.startswith("::error file=")
    _, out, _ = invoke("check", str(gappy), "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert not out.startswith("::")


def test_config_file_option_and_errors(gappy: Path, tmp_path: Path) -> None:
    config = tmp_path / "cfg.yaml"
    config.write_text("rules:\n  purpose-basis: warning\n", encoding="utf-8")
    assert invoke("check", "--config", str(config), str(gappy))[0] == 0
    config.write_text("rules:\n  no-such-rule: off\n", encoding="utf-8")
    code, _, err = invoke("check", "--config", str(config), str(gappy))
    assert code == 2 and "unknown rule 'no-such-rule'" in err


def test_could_not_run(tmp_path: Path) -> None:
    assert invoke("check", str(tmp_path / "missing.yaml"))[0] == 2
    assert invoke("check", str(tmp_path))[0] == 2  # no YAML files
    assert invoke("check", str(tmp_path), "--today", "someday")[0] == 2


def test_other_yaml_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "workflow.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    (tmp_path / "hooks.yaml").write_text("- id: x\n", encoding="utf-8")
    code, _, err = invoke("check", str(tmp_path / "workflow.yml"), str(tmp_path / "hooks.yaml"))
    assert code == 0 and "2 YAML files skipped" in err


def test_rules_lists_every_rule() -> None:
    code, out, _ = invoke("rules")
    assert code == 0
    assert "purpose-basis" in out and "GDPR 6(1), 13(1)(c), 30(1)(b)" in out and "document-age" in out


def test_explain() -> None:
    code, out, _ = invoke("explain", "vague-retention")
    assert code == 0 and "Failing example::" in out and "require_trigger: True" in out
    code, _, err = invoke("explain", "vague-retension")
    assert code == 2 and "did you mean 'vague-retention'" in err


def test_subprocess_run_without_weasyprint() -> None:
    """`python -m seloste check` works end to end and never imports WeasyPrint."""
    code = ("import runpy, sys\n"
            "sys.argv = ['seloste', 'check', 'examples', '--today', '2025-10-01']\n"
            "try:\n    runpy.run_module('seloste', run_name='__main__')\n"
            "except SystemExit as exc:\n"
            "    assert 'weasyprint' not in sys.modules, 'weasyprint was imported'\n    raise\n")
    env = {**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": ""}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "files checked: 0 errors" in result.stderr
