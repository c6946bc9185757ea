"""Property-based tests: whatever the input, validation gives findings with positions or a clean success —
never an exception."""

from __future__ import annotations

import copy
import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from seloste.checker import check_document
from seloste.findings import Finding, has_errors
from seloste.loader import LoadError, loads, walk
from seloste.render import render_html
from seloste.validate import validate_document
from tests.conftest import example_files

PAYLOADS = [
    "", " ", "x" * 5000, "<script>alert(1)</script>", "[x](javascript:alert(1))", "\u202eevil\u202c",
    "\u0000", "\u0007bell", "ääkköset ÅÖ", "{{ 7*7 }}", "{% raw %}", "../../etc/passwd", "file:///etc/passwd",
    "http://127.0.0.1:1/x.png", "&amp;<b>", "\ud7ff\ue000", "-1", "null", "2024-02-30",
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.sampled_from(PAYLOADS),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=25,
)


def dump(data: Any) -> str:
    yaml = YAML(typ="safe")
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def assert_well_formed(findings: list[Finding]) -> None:
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1, finding
        assert finding.message and finding.rule


def run(text: str, *, render: bool = False) -> None:
    """Load, validate, check and (optionally) render: findings with positions or success, never an exception."""
    try:
        doc = loads(text, "p.yaml")
    except LoadError as exc:
        assert_well_formed([exc.finding])
        return
    findings = validate_document(doc)
    assert_well_formed(findings)
    for finding in check_document(doc):
        assert finding.message and finding.rule
    if render and not has_errors(findings):
        for kind in ("notice", "record"):
            # fallback: a mutation may drop a map's Finnish entry, which a strict render reports instead of printing
            html = render_html(doc, kind, "fi", fallback=True, findings=[])
            assert "<script" not in html


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    run(text)


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_arbitrary_yaml_documents(data: Any) -> None:
    run(dump({"schema_version": 1, "controller": data, "activities": data}))
    run(dump(data))


EXAMPLES = [YAML(typ="safe").load(path.read_text(encoding="utf-8")) for path in example_files()]


def _paths(data: Any) -> list[tuple[Any, ...]]:
    return [path for path, _ in walk(data) if path]


@st.composite
def mutated_examples(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(draw(st.sampled_from(EXAMPLES)))
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["drop", "payload", "type", "empty"]))
        if action == "drop":
            del parent[path[-1]]
        elif action == "payload":
            parent[path[-1]] = draw(st.sampled_from(PAYLOADS))
        elif action == "type":
            parent[path[-1]] = draw(st.sampled_from([1, 2.5, True, None, [], {}, ["x"], {"fi": 3}]))
        else:
            parent[path[-1]] = type(parent[path[-1]])() if isinstance(parent[path[-1]], list | dict | str) else 0
    return data


@settings(max_examples=120, deadline=None)
@given(mutated_examples())
def test_mutated_examples(data: Any) -> None:
    run(dump(data))


@settings(max_examples=60, deadline=None)
@given(mutated_examples())
def test_mutated_examples_render(data: Any) -> None:
    run(dump(data), render=True)
