"""Shared fixtures of the render tests: the examples are built once per session (a PDF takes ~0.3 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seloste.build import BuildResult, build_paths

from .util import EXAMPLES


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    out = tmp_path_factory.mktemp("out")
    return out, build_paths([EXAMPLES], out, languages=["fi"])  # Swedish and English: tests/i18n
