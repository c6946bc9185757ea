"""Activities from the business presets, offered in the editor's list of activities.

The list of choices comes from the preset files as they are (cheap); the activity itself is taken from the
preset filled with the controller's own details (`seloste.presets.render`), with its `# TARKISTA:` comments.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from ..catalogue import catalogue
from ..presets import COMMON, presets, read, render
from ..presets.answers import BOOKING_KINDS, BOOKING_NONE, Answers
from ..render.context import voice
from ..text import localize
from . import yamltext


@cache
def choices() -> list[tuple[str, str]]:
    """(value "preset:activity id", label) for every preset's own activities, and the shared marketing one."""
    found: list[tuple[str, str]] = []
    for key, item in presets().items():
        for activity in read(key).get("activities") or []:
            name = localize(activity.get("name"), "fi", fallback=True) if activity.get("name") else activity["id"]
            found.append((f"{key}:{activity['id']}", f"{item.title('fi')}: {name}"))
    marketing = read(COMMON).get("marketing_activity")
    if isinstance(marketing, dict) and marketing.get("id"):
        first = next(iter(presets()))
        found.append((f"{first}:{marketing['id']}", "Kaikki toimialat: " + str(localize(marketing.get("name"), "fi",
                                                                                           fallback=True))))
    return found


def _text(value: Any, default: str) -> str:
    return str(localize(value, "fi", fallback=True)) if value else default


def answers_from(data: Any, key: str) -> Answers:
    """The questionnaire's answers as far as the controller file already gives them; a controller that speaks as
    "I" (a sole trader) gets the presets' first-person singular texts."""
    data = data if isinstance(data, dict) else {}
    controller: dict[str, Any] = data["controller"] if isinstance(data.get("controller"), dict) else {}
    address: dict[str, Any] = controller["address"] if isinstance(controller.get("address"), dict) else {}
    booking = BOOKING_NONE
    for item in data.get("processors") or []:
        ref = item.get("id") if isinstance(item, dict) else item
        if isinstance(ref, str) and catalogue().get(ref, {}).get("kind") in BOOKING_KINDS:
            booking = ref
            break
    channels = (data.get("direct_marketing") or {}).get("channels") if isinstance(data.get("direct_marketing"),
                                                                                  dict) else None
    marketing = tuple(c for c in ("email", "sms") if c in (channels or [])) or ("email",)
    return Answers(preset=key, name=_text(controller.get("name"), "Yritys"),
                   business_id=str(controller.get("business_id") or "0000000-0"),
                   street=str(address.get("street") or "-"), postal_code=str(address.get("postal_code") or "00000"),
                   city=str(address.get("city") or "-"), email=str(controller.get("email") or "info@example.fi"),
                   booking=booking, marketing=marketing, health_info=True, sole_trader=voice(data) == 1)


def activity(data: Any, value: str) -> Any | None:
    """The round-trip activity `value` ("preset:activity id") filled for this controller, with an id of its own."""
    key, _, wanted = value.partition(":")
    if key not in presets():
        return None
    text = render(key, answers_from(data, key), dt.date.today())
    filled = yamltext.parse(text)
    taken = {a.get("id") for a in (data.get("activities") or []) if isinstance(a, dict)} if isinstance(
        data, dict) else set()
    for item in filled.get("activities") or []:
        if item.get("id") == wanted:
            new_id, n = wanted, 2
            while new_id in taken:
                new_id, n = f"{wanted}-{n}", n + 1
            item["id"] = new_id
            return item
    return None
