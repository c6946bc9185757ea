"""The registry lists every rule module; each rule has its metadata and a truthful passing and failing example."""

from __future__ import annotations

import inspect
import pkgutil
import re
import textwrap

import pytest

import seloste.checker.rules as rules_package
from seloste.checker import check_document
from seloste.checker.config import PRESETS, Config
from seloste.checker.facts import data_text
from seloste.checker.registry import RULES, by_id, infos
from seloste.findings import Severity
from seloste.loader import loads
from tests.checker.util import TODAY, with_aurora

EXAMPLE = re.compile(r"(Passing|Failing) example::\n\n((?:    .*\n|\n)+)")


def test_every_rule_module_is_registered() -> None:
    modules = {m.name for m in pkgutil.iter_modules(rules_package.__path__) if not m.name.startswith("_")}
    registered = {rule.__name__.rsplit(".", 1)[1] for rule in RULES}  # type: ignore[attr-defined]
    assert modules == registered


def test_rule_ids_are_unique_and_match_module_names() -> None:
    ids = [rule.ID for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.__name__.rsplit(".", 1)[1].replace("_", "-") == rule.ID  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule", RULES, ids=[r.ID for r in RULES])
def test_rule_metadata(rule: object) -> None:
    assert isinstance(rule.ARTICLE, str) and rule.ARTICLE  # type: ignore[attr-defined]
    assert isinstance(rule.SEVERITY, Severity)  # type: ignore[attr-defined]
    assert isinstance(rule.OPTIONS, dict)  # type: ignore[attr-defined]
    for message, hint in rule.MESSAGES.values():  # type: ignore[attr-defined]
        assert (message and message[0].islower()) or message.startswith(("'", "{")), message
        assert not hint or hint[0].isupper(), hint


def _examples(rule: object) -> dict[str, str]:
    doc = inspect.getdoc(rule) or ""
    return {kind: textwrap.dedent(body) for kind, body in EXAMPLE.findall(doc + "\n")}


@pytest.mark.parametrize("rule", RULES, ids=[r.ID for r in RULES])
def test_docstring_examples_are_true(rule: object) -> None:
    examples = _examples(rule)
    assert set(examples) == {"Passing", "Failing"}, "the docstring needs a passing and a failing example"
    rule_id = rule.ID  # type: ignore[attr-defined]
    config = Config.default(TODAY)
    for kind, snippet in examples.items():
        doc = loads(with_aurora(snippet), f"{rule_id}-{kind}.yaml")
        found = [f for f in check_document(doc, config) if f.rule == rule_id]
        if kind == "Passing":
            assert found == [], found
        else:
            assert found, f"the failing example of {rule_id} gives no finding"


def test_infos_have_a_summary_line() -> None:
    for info in infos():
        assert info.summary and not info.summary.endswith(" "), info.id
        assert info.summary.endswith("."), info.id


@pytest.mark.parametrize("preset", PRESETS)
def test_presets_name_only_known_rules(preset: str) -> None:
    data = loads(data_text(f"presets/{preset}.yaml")).data
    assert set(data.get("rules") or {}) <= set(by_id())
    Config.default(TODAY, preset)  # parses
