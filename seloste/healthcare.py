"""Health care in a controller file: whether the controller gives it, which activities hold patient records, and
which names mean Kanta's Patient Data Repository. The notice's templates (seloste.render.context) and the checker's
rules read these the same way. Defensive: rules also run on files that failed schema validation.
"""

from __future__ import annotations

import re
from typing import Any

#: Names of Kanta's Patient Data Repository: a word that begins with one of them ("Kanta-palvelut", "OmaKannasta",
#: "Patientdataarkivet"), not one that only contains it ("tietokanta", a database).
KANTA = re.compile(r"\b(?:kanta|omakanta|potilastiedon arkisto|potilastietoarkisto|patientdataarkiv"
                   r"|patient data repository)", re.IGNORECASE)


def health_care(data: Any) -> dict[str, Any]:
    """The file's `health_care:` mapping, empty when absent or malformed."""
    value = data.get("health_care") if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def provides_health_care(data: Any) -> bool:
    """The controller is a health-care professional or provider (`health_care.professional` / `provider`)."""
    care = health_care(data)
    return care.get("professional") is True or care.get("provider") is True


def is_patient_register(data: Any, activity: dict[str, Any]) -> bool:
    """Patient records of health care: kept under a legal obligation (785/1992, 703/2023), so never erased or
    ported on request (GDPR 17(3)(b)–(c), 20). Marked `kind: patients`, or health data under 9(2)(h) kept by a
    health-care professional or provider."""
    if activity.get("kind") == "patients":
        return True
    categories = activity.get("data_categories")
    return provides_health_care(data) and isinstance(categories, list) and any(
        isinstance(c, dict) and c.get("condition") == "health_care" for c in categories)


def names_kanta(name: Any) -> bool:
    """Whether a name (a text or a {fi, sv, en} mapping) names Kanta's Patient Data Repository."""
    texts = [name] if isinstance(name, str) else list(name.values()) if isinstance(name, dict) else []
    return any(isinstance(text, str) and KANTA.search(text) for text in texts)
