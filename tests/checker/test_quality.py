"""The checker's precision and recall on the seed notices, against their gold findings (benchmarks/
checker_quality.py), stay at 0.95 or above; every seed has a gold list; info findings are never gold."""

from __future__ import annotations

from benchmarks.checker_quality import GOLD, SEEDS, evaluate, figures
from seloste.checker.registry import by_id


def test_every_seed_has_a_gold_list_naming_known_rules() -> None:
    seeds = {p.name for p in SEEDS.glob("seed*.yaml")}
    assert seeds and seeds == {p.name for p in GOLD.glob("*.yaml")}
    for result in evaluate():
        for gold in result.gold:
            assert set(gold.rules) <= set(by_id()), gold


def test_precision_and_recall_are_at_least_095() -> None:
    precision, recall, reported, gold = figures(evaluate())
    assert reported and gold
    assert precision >= 0.95, precision
    assert recall >= 0.95, recall
