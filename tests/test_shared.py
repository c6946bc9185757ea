"""Shared files (`_shared/…`): their own schema for editors, validated as shared wherever they are given, and
`check` on a changed shared file checks every controller that extends it (what the pre-commit hook runs)."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from seloste.shared import SCHEMA_NAME, dependents, is_shared, schema_text
from tests.conftest import ROOT
from tests.test_validate import MINIMAL

SHARED = """\
# yaml-language-server: $schema=../schemas/shared.schema.json
privacy_contact:
  name: Konsultti Esimerkki
  email: tietosuoja@konsultti.example.fi
processors:
  - {id: timma, dpa: true}
rights:
  how_to_request: Lähetä pyyntö sähköpostilla.
"""
CLIENT = MINIMAL.replace("schema_version: 1\n", "schema_version: 1\nextends: ../_shared/defaults.yaml\n")


def project(tmp_path: Path, shared: str = SHARED) -> Path:
    (tmp_path / ".git").mkdir()
    for folder in ("_shared", "clients", "other"):
        (tmp_path / folder).mkdir()
    (tmp_path / "_shared" / "defaults.yaml").write_text(shared, encoding="utf-8")
    (tmp_path / "clients" / "a.yaml").write_text(CLIENT, encoding="utf-8")
    (tmp_path / "clients" / "b.yaml").write_text(CLIENT, encoding="utf-8")
    (tmp_path / "other" / "c.yaml").write_text(MINIMAL, encoding="utf-8")  # extends nothing
    return tmp_path


def seloste(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "seloste", *args], capture_output=True, text=True, cwd=cwd,
                          check=False)


def test_shared_schema_is_up_to_date_and_requires_nothing() -> None:
    committed = (ROOT / "schemas" / SCHEMA_NAME).read_text(encoding="utf-8")
    assert committed == schema_text(), "run python tools/shared_schema.py"
    assert '"required"' not in committed
    assert json.loads(committed)["properties"].keys() == json.loads(
        (ROOT / "schemas" / "controller.schema.json").read_text(encoding="utf-8"))["properties"].keys()


def test_an_editor_schema_check_accepts_a_shared_file_and_flags_its_typos(tmp_path: Path) -> None:
    """check-jsonschema reads the schema as yaml-language-server does: the shared file passes the shared schema
    (and fails the controller schema, which is what editors flagged before); a typo fails both."""
    checker = Path(sys.executable).parent / "check-jsonschema"
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(SHARED, encoding="utf-8")
    bad.write_text(SHARED.replace("how_to_request", "how_to_reqest"), encoding="utf-8")

    def passes(schema: str, path: Path) -> bool:
        done = subprocess.run([str(checker), "--schemafile", str(ROOT / "schemas" / schema), str(path)],
                              capture_output=True, text=True, check=False)
        return done.returncode == 0

    assert passes(SCHEMA_NAME, good)
    assert not passes("controller.schema.json", good)
    assert not passes(SCHEMA_NAME, bad)


def test_underscore_files_are_shared_wherever_given(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert is_shared(root / "_shared" / "defaults.yaml")
    assert is_shared(root / "clients" / "_yhteiset.yaml")
    assert not is_shared(root / "clients" / "a.yaml")
    for cwd, given in ((root, "_shared/defaults.yaml"), (root / "_shared", "defaults.yaml"),
                       (tmp_path.parent, str(root / "_shared" / "defaults.yaml"))):
        done = seloste(cwd, "validate", given)
        assert done.returncode == 0, (cwd, done.stdout + done.stderr)
        assert "valid" in done.stderr


def test_a_typo_in_a_shared_file_is_found_in_the_shared_file(tmp_path: Path) -> None:
    root = project(tmp_path, SHARED.replace("how_to_request", "how_to_reqest"))
    done = seloste(root, "validate", "_shared/defaults.yaml")
    assert done.returncode == 1
    assert "_shared/defaults.yaml:8:3: error: unknown field 'how_to_reqest'" in done.stdout
    assert "Did you mean 'how_to_request'?" in done.stdout


def test_dependents_are_the_controllers_that_extend_the_file(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "_shared" / "salon.yaml").write_text("extends: defaults.yaml\nbranding: {accent_color: '#2f6f5e'}\n",
                                                 encoding="utf-8")
    (root / "clients" / "d.yaml").write_text(CLIENT.replace("defaults.yaml", "salon.yaml"), encoding="utf-8")
    names = sorted(p.name for p in dependents(root / "_shared" / "defaults.yaml"))
    assert names == ["a.yaml", "b.yaml", "d.yaml"]
    assert [p.name for p in dependents(root / "_shared" / "salon.yaml")] == ["d.yaml"]


def hook_run(root: Path, changed: list[str]) -> subprocess.CompletedProcess[str]:
    """What pre-commit does with the hook of .pre-commit-hooks.yaml: the entry, given the changed files that
    match its `files` pattern."""
    (hook,) = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = shlex.split(hook["entry"])
    assert entry[0] == "seloste"
    files = [name for name in changed if re.search(hook["files"], name)]
    return seloste(root, *entry[1:], *files)


def test_pre_commit_with_a_changed_shared_file_checks_its_controllers(tmp_path: Path) -> None:
    root = project(tmp_path, SHARED.replace("tietosuoja@konsultti.example.fi", "tietosuoja@"))
    done = hook_run(root, ["_shared/defaults.yaml", "README.md"])
    assert done.returncode == 1, done.stdout + done.stderr
    assert "_shared/defaults.yaml:4:10: error:" in done.stdout
    assert "3 files checked" in done.stderr  # the shared file and the two controllers that extend it
    assert "other/c.yaml" not in done.stdout


def test_pre_commit_skips_shared_files_as_controllers(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    done = hook_run(root, ["_shared/defaults.yaml", ".pre-commit-config.yaml"])
    assert done.returncode in (0, 1), done.stderr
    assert "[schema]" not in done.stdout, done.stdout  # no "missing controller" for the shared file
    assert "_shared/defaults.yaml:1" not in done.stdout
