"""The examples check clean; the gappy seed reproductions produce findings for the gaps their header lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seloste.checker import check_paths
from seloste.checker.config import Config
from seloste.findings import Severity
from tests.checker.util import TODAY
from tests.conftest import EXAMPLES, SEEDS, example_files

SEED_FILES = sorted(SEEDS.glob("*.yaml")) if SEEDS.is_dir() else []

# The article or topic named at the head of a gap in a seed's header → the rules any of which must report it.
GAP_RULES: list[tuple[re.Pattern[str], set[str]]] = [
    (re.compile(r"^GDPR 13\(1\)\(c\)"), {"purpose-basis"}),
    (re.compile(r"^GDPR 9\(1\)"), {"special-category"}),
    (re.compile(r"^Obsolete"), {"obsolete-terms"}),
    # (a gap headed "GDPR 30(1)(f), 13(2)(a)" in seed 003 is one valid period used for every category: a matter of
    # judgement, not something a rule can decide)
    (re.compile(r"^GDPR 13\(2\)\(a\)"),
     {"retention-stated", "vague-retention", "accounting-retention", "patient-records"}),
    (re.compile(r"^GDPR 13\(2\)\(e\)"), {"provision-requirement"}),
    (re.compile(r"^GDPR 13\(2\)\(f\)"), {"automated-decisions"}),
    (re.compile(r"^GDPR 26"), {"joint-controllers"}),
    (re.compile(r"^GDPR 12\(2\)|^GDPR 12\(5\)"), {"rights-section"}),
    (re.compile(r"^GDPR 13\(1\)\(a\)|^GDPR 30\(1\)\(a\)"), {"controller-identity", "privacy-contact"}),
    (re.compile(r"^GDPR 13\(1\)\(e\) and 28|^GDPR 28, 30\(1\)\(d\)"), {"unlisted-processor"}),
    (re.compile(r"^GDPR 33"), {"breach-procedure"}),
    (re.compile(r"^Laki sähköisen viestinnän palveluista 917/2014, 200 §"), {"direct-marketing"}),
    (re.compile(r"^Laki sähköisen viestinnän palveluista 917/2014, 205 §"), {"cookie-consent"}),
    (re.compile(r"^Document"), {"document-age"}),
    (re.compile(r"^GDPR 13\(2\)\(b\)"), {"rights-stated", "rights-section"}),
    (re.compile(r"^GDPR 13\(2\)\(c\)"), {"rights-stated", "consent-withdrawal"}),
    (re.compile(r"^GDPR 13\(2\)\(d\)"), {"rights-stated"}),
    (re.compile(r"^GDPR 13\(1\)\(f\)"), {"transfers-stated", "transfer-safeguard"}),
    (re.compile(r"^GDPR 14\(1\)\(d\)"), {"source-categories"}),
    (re.compile(r"^Yritys- ja yhteisötietolaki"), {"business-id"}),
]


def expected_gaps(path: Path) -> list[tuple[str, set[str]]]:
    """(gap heading, acceptable rules) for each listed gap this test knows how to check."""
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line.lstrip("#").strip())
    gaps = []
    for item in " ".join(header).split(" - ")[1:]:
        for pattern, rules in GAP_RULES:
            if pattern.search(item):
                gaps.append((item[:70], rules))
    return gaps


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_check_without_errors(path: Path) -> None:
    findings = check_paths([path], Config.default(TODAY))
    errors = [f.format() for f in findings if f.severity is Severity.ERROR]
    assert errors == []


def test_the_reference_example_has_no_findings_at_all() -> None:
    assert check_paths([EXAMPLES / "ihoklinikka-aurora.yaml"], Config.default(TODAY)) == []


@pytest.mark.skipif(not SEED_FILES, reason="tests/seeds/ is not there yet")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_gaps_are_found(path: Path) -> None:
    findings = check_paths([path], Config.default(TODAY))
    assert any(f.severity is Severity.ERROR for f in findings)
    found = {f.rule for f in findings}
    missed = [heading for heading, rules in expected_gaps(path) if not rules & found]
    assert missed == [], f"gaps not reported: {missed}"
