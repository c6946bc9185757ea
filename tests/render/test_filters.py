"""Filters and helpers of the renderer, one example each."""

from __future__ import annotations

from typing import Any

import pytest

from seloste.render.branding import accent_contrast, contrast_with_white, readable_accent
from seloste.render.context import activity_rights, rights, rights_groups
from seloste.render.environment import environment


def render(source: str, **context: Any) -> str:
    return environment().from_string(source).render(lang="fi", **context).replace("\xa0", " ")


@pytest.mark.parametrize(("period", "text"), [
    ({"years": 6}, "6 vuotta"),
    ({"years": 1}, "1 vuosi"),
    ({"months": 18}, "18 kuukautta"),
    ({"days": 1}, "1 päivä"),
    ({"years": 1, "months": 6}, "1 vuosi ja 6 kuukautta"),
    ({"years": 2, "months": 1, "days": 14}, "2 vuotta, 1 kuukausi ja 14 päivää"),
])
def test_period(period: dict[str, int], text: str) -> None:
    assert render("{{ p|period }}", p=period) == text


def test_dates_come_from_the_yaml() -> None:
    assert render("{{ d|date }}", d="2025-09-15") == "15.9.2025"
    assert render("{{ d|date('long') }}", d="2025-09-15") == "15. syyskuuta 2025"
    assert render("{{ d|date }}", d="not a date") == "not a date"


def test_labels_and_lists() -> None:
    assert render("{{ 'contract'|label('legal_basis') }}") == \
        "sopimuksen täytäntöönpano (EU:n tietosuoja-asetus 6 art. 1 kohta b)"
    assert render("{{ 'explicit_consent'|label('art9_condition') }}").endswith("9 art. 2 kohta a)")
    assert render("{{ 'health'|label('special_category') }}") == "terveystiedot"
    assert render("{{ 'unknown'|label('legal_basis') }}") == "unknown"
    assert render("{{ ['a', '<b>']|list_or }}") == "a tai &lt;b&gt;"
    assert render("{{ ['a', 'b', 'c']|list_and }}") == "a, b ja c"
    assert render("{{ 'US'|country }}") == "Yhdysvallat"
    assert render("{{ t|t }}", t={"sv": "Kundregister", "fi": "Asiakasrekisteri"}) == "Asiakasrekisteri"
    assert render("{{ t|t }}", t={"sv": "Kundregister"}) == "Kundregister"
    assert render("{{ '+358 40 123 4567'|tel }}") == "tel:+358401234567"
    assert render("{{ x|ucfirst }}", x="<b>") == "&lt;b&gt;"


def test_css_string_cannot_break_out() -> None:
    assert render("{{ f|css_string }}", f="DejaVu Sans") == '"DejaVu Sans"'
    out = render("{{ f|css_string }}", f='x"; } body { color: red } </style>')
    assert out.count('"') == 2 and "}" not in out and "<" not in out


@pytest.mark.parametrize("colour", ["#2f6f5e", "#ffd000", "#ffffff", "#8a4f5c", "#00ff00"])
def test_accent_is_readable_on_white(colour: str) -> None:
    accent = readable_accent(colour)
    assert contrast_with_white(accent) >= 4.5
    assert accent_contrast(accent) >= 4.5  # on the summary box's tint too
    if accent_contrast(colour) >= 4.5:
        assert accent == colour


def test_rights_follow_the_legal_bases() -> None:
    def activity(*bases: str) -> dict[str, Any]:
        return {"purposes": [{"purpose": "p", "basis": b} for b in bases]}

    # 17(3)(b): no erasure of data kept only under a legal obligation
    assert rights({}, [activity("legal_obligation")]) == ["access", "rectification", "restriction"]
    assert "erasure" in rights({}, [activity("contract", "legal_obligation")])
    assert "portability" in rights({}, [activity("contract")])
    assert "objection" in rights({}, [activity("legitimate_interests")])
    assert "objection" not in rights({}, [activity("contract")])
    assert rights({}, [activity("consent")])[-1] == "withdraw_consent"
    assert "direct_marketing" in rights({"direct_marketing": {"used": True}}, [activity("contract")])
    health = {"data_categories": [{"id": "h", "name": "h", "condition": "explicit_consent"}], "purposes": []}
    assert "withdraw_consent" in rights({}, [health])
    assert rights({"rights": {"stated": ["rectification", "access"]}}, [activity("consent")]) == \
        ["access", "rectification"]


def test_patient_register_never_offers_erasure_or_portability() -> None:
    doc = {"health_care": {"professional": True}}
    register = {"purposes": [{"purpose": "p", "basis": "contract"}],
                "data_categories": [{"id": "p", "name": "p", "special": "health", "condition": "health_care"}]}
    keys = activity_rights(doc, register)
    assert "erasure" not in keys and "portability" not in keys
    assert activity_rights({}, {"kind": "patients", "purposes": [{"purpose": "p", "basis": "consent"}]}) == \
        ["access", "rectification", "restriction", "withdraw_consent"]
    customers = {"purposes": [{"purpose": "p", "basis": "contract"}]}
    groups = rights_groups(doc, [register, customers])
    assert len(groups) == 2 and "erasure" in groups[1]["rights"]
