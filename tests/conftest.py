from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "tests" / "seeds"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))
