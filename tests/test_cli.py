"""The command line: exit codes, output lines, and the real entry point in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from seloste import cli
from seloste import validate as validate_module
from tests.conftest import EXAMPLES, ROOT
from tests.test_validate import MINIMAL


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "seloste", *args], capture_output=True, text=True, cwd=cwd,
                          check=False)


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        cli.main(list(args))
    out, err = capsys.readouterr()
    return int(caught.value.code or 0), out, err


def test_subprocess_validates_examples() -> None:
    result = run("validate", "examples")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 invalid" in result.stderr


def test_valid_file_exit_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    code, out, err = call(capsys, "validate", str(path))
    assert (code, out) == (0, "")
    assert f"{path}: valid" in err


@pytest.mark.parametrize(
    ("old", "new", "line", "rule"),
    [
        ("  email: info@example.fi\n", "  email: info@example.fi\n  emial: x@example.fi\n", 9, "schema"),
        ("  name: Kauneushoitola Esimerkki\n", "  name: Kauneushoitola: [Esimerkki\n", 5, "yaml-syntax"),
        ("2077474-0", "2077474-1", 6, "business-id"),
    ],
    ids=["unknown-key", "syntax-error", "bad-y-tunnus"],
)
def test_invalid_input_exit_1_names_the_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, old: str,
                                            new: str, line: int, rule: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL.replace(old, new), encoding="utf-8")
    code, out, _ = call(capsys, "validate", str(path))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{path}:{line}:")
    assert first.endswith(f"[{rule}]")
    assert "Traceback" not in out


def test_one_bad_file_does_not_hide_the_others(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("a: [\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(MINIMAL, encoding="utf-8")
    code, _, err = call(capsys, "validate", str(tmp_path))
    assert code == 1
    assert "b.yaml: valid" in err
    assert "2 file(s) checked, 1 invalid" in err


@pytest.mark.parametrize("args", [["validate", "no/such/file.yaml"], ["validate"], ["frobnicate"],
                                  ["validate", "--bogus", "x"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, _, err = call(capsys, *args)
    assert code == 2
    assert "Traceback" not in err


def test_empty_folder_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = call(capsys, "validate", str(tmp_path))
    assert code == 2
    assert "no *.yaml" in err


def test_internal_error_exit_3(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(validate_module, "validate_file", explode)  # the command imports it when it runs
    code, _, err = call(capsys, "validate", str(EXAMPLES))
    assert code == 3
    assert "internal error" in err
    assert "please report" in err.lower()


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert out == (ROOT / "schemas" / "controller.schema.json").read_text(encoding="utf-8")


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "validate", "--help")
    assert code == 0
    assert "3  internal error" in out


def test_examples_pass_an_independent_validator() -> None:
    checker = Path(sys.executable).with_name("check-jsonschema")
    files = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    result = subprocess.run([str(checker), "--schemafile", "schemas/controller.schema.json", *files],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
