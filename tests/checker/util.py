"""Helpers for the checker tests: check YAML text, pick one rule's findings, build documents from snippets."""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from typing import Any

from ruamel.yaml import YAML

from seloste.checker import check_document
from seloste.checker.config import Config
from seloste.findings import Finding
from seloste.loader import loads
from tests.conftest import EXAMPLES

TODAY = dt.date(2025, 10, 1)
AURORA = EXAMPLES / "ihoklinikka-aurora.yaml"


def check_text(text: str, config: Config | None = None, file: str = "t.yaml") -> list[Finding]:
    """Rule findings (no schema validation) for YAML text; the text is dedented first."""
    doc = loads(textwrap.dedent(text).lstrip("\n"), file)
    return check_document(doc, config or Config.default(TODAY))


def of_rule(findings: list[Finding], rule: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in findings if f.rule == rule]


def dump(data: Any) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def with_aurora(snippet: str) -> str:
    """The Aurora example with the snippet's top-level keys replacing its own.

    When none of the snippet's keys is in the example, the snippet text is appended as it is (comments kept).
    """
    base_text = AURORA.read_text(encoding="utf-8")
    base = loads(base_text).data
    part = loads(textwrap.dedent(snippet).strip() + "\n").data
    if not set(part) & set(base):
        return base_text.rstrip("\n") + "\n" + textwrap.dedent(snippet).strip() + "\n"
    return dump({**base, **part})
