"""Findings on values inherited through `extends:` point into the shared file, in every output format; an accept
in the shared file works; a shared file's finding is reported once for all the controllers that inherit it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

from seloste.checker import run
from tests.test_validate import MINIMAL

# 23 lines before the offending one, so a shared-file line number would be impossible in the client file.
SHARED = "".join(f"# rivi {n}\n" for n in range(1, 24)) + """\
rights:
  notes: Sinulla on henkilötietolain 26 §:n mukainen tarkastusoikeus.
"""
CLIENT = MINIMAL.replace("schema_version: 1\n", "schema_version: 1\nextends: ../_shared/defaults.yaml\n")


def consultant(tmp_path: Path, clients: int = 3, shared: str = SHARED) -> Path:
    (tmp_path / ".git").mkdir()  # a repository: the project the shared files must lie in
    (tmp_path / "_shared").mkdir()
    (tmp_path / "_shared" / "defaults.yaml").write_text(shared, encoding="utf-8")
    (tmp_path / "clients").mkdir()
    for n in range(clients):
        (tmp_path / "clients" / f"asiakas{n}.yaml").write_text(CLIENT, encoding="utf-8")
    return tmp_path


def seloste(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "seloste", *args], capture_output=True, text=True, cwd=cwd,
                          check=False)


def test_rule_finding_names_the_shared_file_and_its_line(tmp_path: Path) -> None:
    root = consultant(tmp_path, clients=1)
    report = run([root / "clients"])
    (finding,) = [f for f in report.findings if f.rule == "obsolete-terms"]
    assert Path(finding.file).resolve() == (root / "_shared" / "defaults.yaml").resolve()
    assert (finding.line, finding.column) == (25, 21)  # where 'henkilötietolain' stands in the shared file
    assert finding.clients == (str(root / "clients" / "asiakas0.yaml"),)


def test_same_cause_in_many_clients_is_reported_once(tmp_path: Path) -> None:
    root = consultant(tmp_path, clients=30)
    done = seloste(root, "check", "clients")
    lines = [line for line in done.stdout.splitlines() if "[obsolete-terms]" in line]
    assert lines == ["_shared/defaults.yaml:25:21: error: 'henkilötietolain' is out of date: "
                     + lines[0].split("is out of date: ", 1)[1]]
    assert "inherited by 30 controller file(s): clients/asiakas0.yaml, clients/asiakas1.yaml" in done.stdout
    assert done.returncode == 1


def test_every_format_points_into_the_shared_file(tmp_path: Path) -> None:
    root = consultant(tmp_path, clients=2)
    data = json.loads(seloste(root, "check", "--format", "json", "clients").stdout)
    (finding,) = [f for f in data["findings"] if f["rule"] == "obsolete-terms"]
    assert (finding["file"], finding["line"]) == ("_shared/defaults.yaml", 25)
    assert finding["clients"] == ["clients/asiakas0.yaml", "clients/asiakas1.yaml"]

    github = seloste(root, "check", "--format", "github", "clients").stdout.splitlines()
    (line,) = [g for g in github if "obsolete-terms" in g]
    assert line.startswith("::error file=_shared/defaults.yaml,line=25,col=21,")
    assert "clients/asiakas0.yaml%2C clients/asiakas1.yaml" not in line  # the body is data: commas stay
    assert "clients/asiakas0.yaml, clients/asiakas1.yaml" in line

    log = json.loads(seloste(root, "check", "--format", "sarif", "clients").stdout)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "obsolete-terms"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "_shared/defaults.yaml"
    assert location["region"]["startLine"] == 25
    assert result["properties"]["clients"] == ["clients/asiakas0.yaml", "clients/asiakas1.yaml"]

    suite = ET.fromstring(seloste(root, "check", "--format", "junit", "clients").stdout).find("testsuite")
    assert suite is not None
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    (failure,) = [f for f in cases["_shared/defaults.yaml"].findall("failure") if f.get("type") == "obsolete-terms"]
    assert (failure.text or "").startswith("_shared/defaults.yaml:25:21:")
    assert "inherited by 2 controller file(s)" in (failure.text or "")
    assert all(f.get("type") != "obsolete-terms" for f in cases["clients/asiakas0.yaml"].findall("failure"))


def test_accept_in_the_shared_file_works(tmp_path: Path) -> None:
    accepted = SHARED.replace("rights:\n", "rights:\n  # seloste: accept obsolete-terms -- lainaus vanhasta "
                                           "selosteesta, korjataan syksyllä\n")
    root = consultant(tmp_path, clients=2, shared=accepted)
    done = seloste(root, "check", "clients")
    assert "obsolete-terms" not in done.stdout and "accept-comment" not in done.stdout, done.stdout


def test_accept_without_reason_in_the_shared_file_is_reported_there(tmp_path: Path) -> None:
    root = consultant(tmp_path, clients=2, shared=SHARED.replace("rights:\n", "rights:\n  # seloste: accept "
                                                                              "obsolete-terms\n"))
    done = seloste(root, "check", "clients")
    assert "_shared/defaults.yaml:25:3: warning: the accept of obsolete-terms gives no reason" in done.stdout


def test_extends_is_relative_to_the_naming_file_wherever_the_command_runs(tmp_path: Path) -> None:
    root = consultant(tmp_path / "repo", clients=1) if (tmp_path / "repo").mkdir() is None else tmp_path
    for cwd, target in ((root / "clients", "asiakas0.yaml"), (root, "clients/asiakas0.yaml"),
                        (tmp_path, str(root / "clients" / "asiakas0.yaml")), (root / "_shared", "../clients")):
        done = seloste(cwd, "validate", target)
        assert "[extends]" not in done.stdout, (cwd, done.stdout)
    # the project is the repository, whatever the working folder: a file outside it is still refused
    (tmp_path / "outside.yaml").write_text("rights: {how_to_request: Sähköpostilla}\n", encoding="utf-8")
    (root / "clients" / "asiakas0.yaml").write_text(CLIENT.replace("../_shared/defaults.yaml", "../../outside.yaml"),
                                                    encoding="utf-8")
    for cwd in (tmp_path, root / "clients"):
        done = seloste(cwd, "validate", str(root / "clients" / "asiakas0.yaml"))
        assert "lies outside the project" in done.stdout and done.returncode == 1, done.stdout


def test_many_files_checked_in_workers_give_the_same_report(tmp_path: Path) -> None:
    """`check -j 2` on a consultant's folder (shared file, its clients, the examples, a broken file and a YAML file
    that is no controller) reports exactly what one process does, in the same order."""
    import shutil

    from seloste.checker import PARALLEL_FROM
    from tests.conftest import EXAMPLES

    root = consultant(tmp_path, clients=6)
    for example in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(example, root / "clients" / example.name)
    (root / "clients" / "rikki.yaml").write_text("schema_version: 1\ncontroller: [\n", encoding="utf-8")
    (root / "clients" / "muu.yaml").write_text("nimi: ei seloste\n", encoding="utf-8")
    paths = [root / "_shared" / "defaults.yaml", root / "clients"]
    one, two = run(paths, jobs=1), run(paths, jobs=2)
    assert len(one.files) + len(one.skipped) >= PARALLEL_FROM
    assert (two.files, two.skipped, two.findings) == (one.files, one.skipped, one.findings)
    assert any(f.clients for f in one.findings) and any(f.rule == "yaml-syntax" for f in one.findings)
    cli = [seloste(root, "check", "--format", "json", "-j", str(jobs), "_shared", "clients").stdout
           for jobs in (1, 2)]
    assert cli[0] == cli[1]


def test_ctrl_c_stops_the_workers_without_a_traceback(tmp_path: Path) -> None:
    import os
    import shutil
    import signal
    import time

    from tests.conftest import EXAMPLES

    for n in range(12):
        for example in sorted(EXAMPLES.glob("*.yaml")):
            shutil.copy(example, tmp_path / f"{n}-{example.name}")
    started = subprocess.Popen([sys.executable, "-m", "seloste", "check", "-j", "2", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(1.0)
    os.killpg(started.pid, signal.SIGINT)  # as a terminal sends it: to the command and its workers
    stderr = started.communicate(timeout=60)[1]
    assert "Traceback" not in stderr
    assert started.returncode in (130, 0, 1), stderr  # 0 or 1 only if it had already finished
    if started.returncode == 130:
        assert stderr.strip().endswith("interrupted")
