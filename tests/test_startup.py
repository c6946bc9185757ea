"""A process's fixed cost: what each command imports, the cache of compiled templates and catalogues, the
schema's metaschema check, warm batch workers, and the one line about fast font subsetting."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import click
import pytest

from seloste import __version__, cache, cli, pdf, warm
from tests.conftest import EXAMPLES, ROOT

AURORA = EXAMPLES / "ihoklinikka-aurora.yaml"


def python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, check=False)


def seloste(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "seloste", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, check=False)


def cache_env(folder: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(folder)}


def test_check_imports_neither_the_pdf_engine_nor_other_commands() -> None:
    done = python("import sys\nfrom seloste.cli import main\ntry:\n    main(['check', sys.argv[1]])\n"
                  "except SystemExit as exc:\n    code = exc.code\n"
                  "heavy = ['importlib.metadata', 'weasyprint', 'jinja2', 'babel.messages.pofile',\n"
                  "         'seloste.build_command', 'seloste.init_command', 'seloste.preview']\n"
                  "print(code, [m for m in heavy if m in sys.modules])", str(AURORA))
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stderr


def test_the_version_is_written_once_and_read_without_package_metadata() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "seloste/__init__.py"
    done = seloste("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"seloste, version {__version__}"
    done = python("import sys, seloste.cli\nprint('importlib.metadata' in sys.modules)")
    assert done.stdout.strip() == "False", done.stderr


def test_every_lazy_command_loads_under_its_name() -> None:
    ctx = click.Context(cli.cli)
    names = cli.cli.list_commands(ctx)
    assert names == sorted(names)
    assert {"validate", "schema", *cli.LAZY_COMMANDS} == set(names)
    for name in cli.LAZY_COMMANDS:
        command = cli.cli.get_command(ctx, name)
        assert command is not None and command.name == name


def test_an_unknown_command_is_a_usage_error_that_suggests_the_lazy_ones() -> None:
    done = seloste("buil")
    assert done.returncode == 2
    assert "No such command 'buil'." in done.stderr
    if hasattr(click.exceptions, "NoSuchCommand"):  # click ≥ 8.4 suggests close names
        assert "Did you mean 'build'?" in done.stderr


def _html_outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.html"))
            if p.name != "index.html"}


def test_templates_and_catalogues_are_compiled_once_into_the_cache(tmp_path: Path) -> None:
    env = cache_env(tmp_path / "cache")
    args = ("build", str(AURORA), "--format", "html", "--lang", "fi,sv", "-j", "1", "-q", "--force")
    assert seloste(*args, "-o", str(tmp_path / "cold"), env=env).returncode == 0
    folder = tmp_path / "cache" / "seloste" / __version__
    compiled = sorted(folder.glob("templates-*/*.cache"))
    catalogues = sorted(folder.glob("catalogues/*.mo"))
    assert compiled and catalogues
    assert list(folder.glob("schema-*.ok"))
    stamps = {p: p.stat().st_mtime_ns for p in [*compiled, *catalogues]}
    assert seloste(*args, "-o", str(tmp_path / "warm"), env=env).returncode == 0
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps  # read, not written again
    assert _html_outputs(tmp_path / "cold") == _html_outputs(tmp_path / "warm")
    if os.name != "nt":
        assert folder.stat().st_mode & 0o777 == 0o700


def test_a_damaged_or_unusable_cache_changes_nothing(tmp_path: Path) -> None:
    args = ("build", str(AURORA), "--format", "html", "-j", "1", "-q", "--force")
    good = cache_env(tmp_path / "cache")
    assert seloste(*args, "-o", str(tmp_path / "reference"), env=good).returncode == 0
    reference = _html_outputs(tmp_path / "reference")
    folder = tmp_path / "cache" / "seloste" / __version__
    for path in [*folder.glob("templates-*/*.cache"), *folder.glob("catalogues/*.mo")]:
        path.write_bytes(b"\x00garbage" * 3)
    assert seloste(*args, "-o", str(tmp_path / "damaged"), env=good).returncode == 0
    assert _html_outputs(tmp_path / "damaged") == reference

    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("a file where the cache folder would be\n", encoding="utf-8")
    done = seloste(*args, "-o", str(tmp_path / "nocache"), env=cache_env(not_a_folder))
    assert done.returncode == 0, done.stderr
    assert _html_outputs(tmp_path / "nocache") == reference

    shared = tmp_path / "shared"
    (shared / "seloste" / __version__).mkdir(parents=True)
    (shared / "seloste" / __version__).chmod(0o777)  # others could plant compiled code here: not used
    assert seloste(*args, "-o", str(tmp_path / "shared-out"), env=cache_env(shared)).returncode == 0
    assert list((shared / "seloste" / __version__).iterdir()) == []
    assert _html_outputs(tmp_path / "shared-out") == reference


def test_a_check_passes_once_per_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache.cache_dir.cache_clear()  # and again below, whatever happens
    calls: list[str] = []

    def failing() -> None:
        calls.append("failing")
        raise ValueError("not a valid schema")

    try:
        with pytest.raises(ValueError, match="not a valid schema"):
            cache.verified_once("schema", "{}", failing)
        cache.verified_once("schema", "{}", lambda: calls.append("passing"))
        cache.verified_once("schema", "{}", failing)  # passed on this content before: not run again
        with pytest.raises(ValueError, match="not a valid schema"):
            cache.verified_once("schema", '{"type": 1}', failing)
    finally:
        cache.cache_dir.cache_clear()
    assert calls == ["failing", "passing", "failing"]


def test_workers_start_from_the_prepared_parent_on_linux() -> None:
    ctx = warm.context()
    if sys.platform.startswith("linux"):
        assert ctx.get_start_method() == "fork" and warm.inherits(ctx)
    else:
        assert not warm.inherits(ctx)


def _weasyprints_own_verdict(env: dict[str, str] | None = None, prefix: list[str] | None = None) -> str:
    code = ("import sys, warnings\nfrom seloste import pdf\nbefore = pdf.fast_subsetting()\n"
            "pdf.import_engine()\nfrom weasyprint.text import ffi\n"
            "own = ffi.harfbuzz_subset is not None and bool(ffi.harfbuzz.hb_version_atleast(4, 1, 0))\n"
            "print(before, own, pdf.fast_subsetting())")
    done = subprocess.run([*(prefix or []), sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env=env, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_cheap_probe_agrees_with_weasyprint() -> None:
    before, own, after = _weasyprints_own_verdict().split()
    assert before == own == after


def _without_harfbuzz_subset() -> list[str]:
    """A command prefix that runs its command on this machine with HarfBuzz-Subset hidden: the library file is
    covered by an empty one in a private mount namespace. Empty when the machine has no HarfBuzz-Subset."""
    try:
        ctypes.CDLL(pdf.HARFBUZZ_SUBSET_SONAME)
    except OSError:
        return []
    found = python("import ctypes\nctypes.CDLL('libharfbuzz-subset.so.0')\n"
                   "print(next(line.split()[-1] for line in open('/proc/self/maps') if 'harfbuzz-subset' in line))")
    library = found.stdout.strip()
    assert library.startswith("/"), found.stderr
    unshare = shutil.which("unshare")
    assert unshare, "the test needs unshare (util-linux) to hide HarfBuzz-Subset"
    user = [] if os.geteuid() == 0 else ["--map-root-user"]
    return [unshare, "--mount", *user, "sh", "-c", f'mount --bind /dev/null "{library}" && exec "$@"', "sh"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mount namespaces are Linux's")
def test_without_fast_subsetting_one_line_says_what_to_install(tmp_path: Path) -> None:
    prefix = _without_harfbuzz_subset()
    assert _weasyprints_own_verdict(prefix=prefix) == "False False False"
    out = tmp_path / "out"
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "seloste", "--ui-lang", "fi", "build", str(AURORA),
         str(EXAMPLES / "hieroja-koskenranta.yaml"), "-o", str(out), "--only", "notice", "--lang", "fi,sv",
         "--format", "pdf", "-j", "2"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert len(list(out.glob("*/notice.*.pdf"))) == 4
    lines = done.stderr.splitlines()
    notices = [line for line in lines if "libharfbuzz-subset0" in line]
    assert len(notices) == 1, done.stderr
    assert notices[0].startswith("seloste: nopea fonttien osajoukotus ei ole käytettävissä")
    assert "brew install harfbuzz" in notices[0] and "dnf install harfbuzz" in notices[0]
    assert lines.index(notices[0]) == 0  # at the start, before any progress
    others = "\n".join(line for line in lines if line != notices[0])
    assert "HarfBuzz" not in others and "fontTools" not in others and "warning" not in others


def test_with_fast_subsetting_there_is_no_such_line(tmp_path: Path) -> None:
    done = seloste("build", str(AURORA), "-o", str(tmp_path), "--only", "notice", "--format", "pdf", "-j", "1")
    assert done.returncode == 0, done.stderr
    assert ("libharfbuzz-subset0" in done.stderr) is not pdf.fast_subsetting()


def test_the_collector_is_off_during_start_up_only() -> None:
    """`main` turns the cyclic garbage collector off while a command's libraries are imported and on again when
    the command starts; a process that calls `main` gets it back on whatever happens."""
    done = python(
        "import gc, sys\nfrom seloste import cli\nseen = []\noriginal = cli.started\n"
        "def spy():\n    seen.append(gc.isenabled())\n    original()\n    seen.append(gc.isenabled())\n"
        "cli.started = spy\n"
        "for argv in (['check', sys.argv[1]], ['--help'], ['no-such-command']):\n"
        "    try:\n        cli.main(argv)\n    except SystemExit:\n        pass\n"
        "    seen.append(gc.isenabled())\n"
        "print(seen)", str(AURORA))
    assert done.returncode == 0, done.stderr
    # check: off at the start of the command, on after it, on after main; --help and a usage error: on after main
    assert done.stdout.strip().splitlines()[-1] == "[False, True, True, True, True]", done.stdout
