from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "tests" / "seeds"


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Command-line messages follow the locale; the tests expect the English ones unless they ask otherwise."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LC_ALL", "C")


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))
