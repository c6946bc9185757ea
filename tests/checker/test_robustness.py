"""Rules run on documents that failed the schema: odd shapes anywhere must not crash them."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from seloste import resources
from seloste.checker import check_document
from seloste.checker.config import Config
from seloste.loader import Document, loads, walk
from tests.checker.util import AURORA, TODAY

ODD = [None, 7, "x", [], {}, [{"x": None}]]
CONFIG = Config.default(TODAY)


def _keys() -> list[str]:
    keys: set[str] = set()
    for _, value in walk(resources.schema()):
        if isinstance(value, dict) and isinstance(value.get("properties"), dict):
            keys.update(value["properties"])
    return sorted(keys)


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def test_odd_values_in_every_container_of_the_example() -> None:
    base = loads(AURORA.read_text(encoding="utf-8")).data
    containers = [path for path, value in walk(base) if path and isinstance(value, dict | list)]
    for path in containers:
        for odd in ODD:
            check_document(Document("odd.yaml", _replace(base, path, odd)), CONFIG)


def test_non_mapping_documents_give_no_rule_findings() -> None:
    for odd in ODD:
        if not isinstance(odd, dict):
            assert check_document(Document("odd.yaml", odd), CONFIG) == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 200) | st.text(max_size=12) | st.sampled_from(["consent", "US"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(_keys()), children,
                                                                      max_size=4),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(_keys()), json_values, max_size=8))
def test_random_shapes_never_crash(data: dict[str, Any]) -> None:
    check_document(Document("random.yaml", data), CONFIG)
