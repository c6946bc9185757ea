"""What the templates see: the YAML's plain data plus the few facts derived from it.

The derivations are legal logic, kept here rather than in the templates: which activities the notice shows,
which rights apply (portability only for consent and contract, objection only for legitimate interests and public
task…), whether Art 14 applies, which processors to list, and which retention rule covers each data category.
"""

from __future__ import annotations

from typing import Any

from ..healthcare import health_care, is_patient_register, names_kanta
from ..i18n import translate
from ..legalform import SOLE_TRADER, form_of_name
from ..loader import Document
from ..text import localize, source_language
from . import data
from .branding import Branding
from .labels import TITLES

KINDS = ("notice", "record")
BASIC_RIGHTS = ("access", "rectification", "erasure", "restriction")
RIGHTS_ORDER = (*BASIC_RIGHTS, "portability", "objection", "direct_marketing", "automated", "withdraw_consent")
ART14_SOURCES = frozenset({"third_party", "public"})


def dicts(value: Any) -> list[dict[str, Any]]:
    """The mappings in a list from the YAML (an absent or malformed list is empty)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def is_public(activity: dict[str, Any]) -> bool:
    return activity.get("public", True) is not False


def legal_bases(activities: list[dict[str, Any]]) -> set[str]:
    return {str(p.get("basis")) for a in activities for p in dicts(a.get("purposes")) if p.get("basis")}


def art9_conditions(activities: list[dict[str, Any]]) -> set[str]:
    return {str(c.get("condition")) for a in activities for c in dicts(a.get("data_categories"))
            if c.get("condition")}


def uses_consent(activities: list[dict[str, Any]]) -> bool:
    """Consent is a basis somewhere: GDPR 6(1)(a) or 9(2)(a), so 13(2)(c) applies."""
    return "consent" in legal_bases(activities) or "explicit_consent" in art9_conditions(activities)


def uses_art14(activities: list[dict[str, Any]]) -> bool:
    """Some data come from someone other than the person: GDPR 14 applies."""
    return any(s.get("type") in ART14_SOURCES for a in activities for s in dicts(a.get("sources")))


def marketing_used(doc: dict[str, Any]) -> bool:
    marketing = doc.get("direct_marketing")
    return isinstance(marketing, dict) and marketing.get("used") is True


def automated_used(activities: list[dict[str, Any]]) -> bool:
    return any(isinstance(a.get("automated_decisions"), dict) and a["automated_decisions"].get("used") is True
               for a in activities)


def no_automated_anywhere(activities: list[dict[str, Any]]) -> bool:
    """Every activity says automated decisions are not used and none says profiling is: one "none" sentence."""
    decisions = [a.get("automated_decisions") for a in activities]
    return bool(decisions) and all(
        isinstance(d, dict) and d.get("used") is False and d.get("profiling") is not True for d in decisions)


def stated_rights(doc: dict[str, Any]) -> list[str] | None:
    """`rights.stated` of a transcribed notice: only the rights the original states. None when absent."""
    rights = doc.get("rights")
    stated = rights.get("stated") if isinstance(rights, dict) else None
    return [str(key) for key in stated] if isinstance(stated, list) else None


def activity_rights(doc: dict[str, Any], activity: dict[str, Any]) -> list[str]:
    """The rights that apply to one activity, by its legal bases (GDPR 17(3), 20(1), 21(1)):

    erasure unless every basis is a legal obligation or a public task (or it is a patient register), portability
    only for consent or contract processed by automated means (never patient records), objection only to
    legitimate interests or a public task, withdrawal where consent is a basis. Objection to direct marketing is
    the controller's (21(2)), not an activity's."""
    bases = legal_bases([activity])
    patient = is_patient_register(doc, activity)
    keys = ["access", "rectification"]
    if not patient and (not bases or bases - {"legal_obligation", "public_task"}):
        keys.append("erasure")
    keys.append("restriction")
    if not patient and bases & {"consent", "contract"}:
        keys.append("portability")
    if bases & {"legitimate_interests", "public_task"}:
        keys.append("objection")
    if automated_used([activity]):
        keys.append("automated")
    if uses_consent([activity]):
        keys.append("withdraw_consent")
    return keys


def rights(doc: dict[str, Any], activities: list[dict[str, Any]]) -> list[str]:
    """The data subject's rights that apply to any of these activities, in the order of the GDPR (13(2)(b)–(c));
    for a transcribed notice with `rights.stated`, the rights it states."""
    stated = stated_rights(doc)
    if stated is not None:
        return [key for key in RIGHTS_ORDER if key in stated]
    found = {key for a in activities for key in activity_rights(doc, a)}
    if not activities:
        found.update(BASIC_RIGHTS)
    if marketing_used(doc):
        found.add("direct_marketing")
    return [key for key in RIGHTS_ORDER if key in found]


def rights_groups(doc: dict[str, Any], activities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The activities grouped by the rights that apply to them, for the summary on the first page: one group
    when every activity has the same rights. Empty for a transcribed notice (`rights.stated`)."""
    if stated_rights(doc) is not None:
        return []
    groups: list[dict[str, Any]] = []
    for activity in activities:
        keys = [k for k in activity_rights(doc, activity) if k != "automated"]
        for group in groups:
            if group["rights"] == keys:
                group["activities"].append(activity)
                break
        else:
            groups.append({"rights": keys, "activities": [activity]})
    return groups


def right_scope(doc: dict[str, Any], activities: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """For each right that applies to some but not all activities, the activities it applies to."""
    if stated_rights(doc) is not None or len(activities) < 2:
        return {}
    per = [(a, activity_rights(doc, a)) for a in activities]
    scope: dict[str, list[dict[str, Any]]] = {}
    for key in RIGHTS_ORDER:
        applies = [a for a, keys in per if key in keys]
        if applies and len(applies) < len(activities):
            scope[key] = applies
    return scope


def kept_by_law(doc: dict[str, Any], activities: list[dict[str, Any]]) -> bool:
    """Some data are kept under a legal obligation (patient records, accounting), so erasure cannot reach them."""
    return any(is_patient_register(doc, a) or "legal_obligation" in legal_bases([a]) for a in activities)


def uses_kanta(doc: dict[str, Any]) -> bool:
    return health_care(doc).get("kanta") is True


def voice(doc: dict[str, Any]) -> int:
    """1 when the controller speaks as "I" (a sole trader, or `controller.voice: singular`), else 2: the number
    the templates give `ngettext` so every standard text has its singular and its plural form."""
    controller = doc.get("controller")
    controller = controller if isinstance(controller, dict) else {}
    chosen = controller.get("voice")
    if chosen in ("singular", "plural"):
        return 1 if chosen == "singular" else 2
    if controller.get("form") == "sole_trader":
        return 1
    if controller.get("form") is None and form_of_name(controller.get("name")) == SOLE_TRADER:
        return 1
    return 2


def cookie_providers(doc: dict[str, Any], processors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The processors that set cookies or tags on the website (`cookies.items[].processor`), in order, once."""
    cookies = doc.get("cookies")
    items = dicts(cookies.get("items")) if isinstance(cookies, dict) else []
    seen: list[str] = []
    for item in items:
        ref = item.get("processor")
        if isinstance(ref, str) and ref in processors and ref not in seen:
            seen.append(ref)
    return [processors[ref] for ref in seen]


def listed_processors(doc: dict[str, Any], activities: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """Processors in the top-level order: every one in the record; in the notice those the shown activities use,
    and those no activity names (general services such as e-mail)."""
    processors = dicts(doc.get("processors"))
    if kind == "record":
        return processors
    every = {ref for a in dicts(doc.get("activities")) for ref in (a.get("processors") or [])}
    shown = {ref for a in activities for ref in (a.get("processors") or [])}
    return [p for p in processors if p.get("id") in shown or p.get("id") not in every]


def categories(activity: dict[str, Any], ids: Any = None) -> list[dict[str, Any]]:
    """The activity's data categories named by `ids`, in their own order; all of them when `ids` is empty."""
    every = dicts(activity.get("data_categories"))
    if not ids:
        return every
    wanted = set(ids)
    return [c for c in every if c.get("id") in wanted]


def retention_by_category(activity: dict[str, Any]) -> list[dict[str, Any]]:
    """For each data category, the retention entries that cover it (entries without categories cover all)."""
    entries = dicts(activity.get("retention"))
    return [
        {"category": c, "entries": [e for e in entries if not e.get("categories") or c.get("id") in e["categories"]]}
        for c in dicts(activity.get("data_categories"))
    ]


def summary_purposes(activities: list[dict[str, Any]], lang: str, *, fallback: bool = True,
                     source: str | None = None) -> list[str]:
    """Every purpose once, for the summary on the first page."""
    seen: list[str] = []
    for activity in activities:
        for purpose in dicts(activity.get("purposes")):
            text = localize(purpose.get("purpose"), lang, fallback=fallback, source=source)
            if text and text not in seen:
                seen.append(text)
    return seen


def shared_processors(activities: list[dict[str, Any]]) -> list[str]:
    """The processors every activity that names processors names alike (two activities or more): the notice
    lists them once, for all the activities, instead of under each one. Empty when the lists differ."""
    lists = [list(a["processors"]) for a in activities if isinstance(a.get("processors"), list) and a["processors"]]
    if len(lists) < 2 or any(sorted(map(str, other)) != sorted(map(str, lists[0])) for other in lists[1:]):
        return []
    return [str(ref) for ref in lists[0]]


def no_transfers_anywhere(activities: list[dict[str, Any]]) -> bool:
    """Every activity says, with an empty list, that nothing goes outside the EU/EEA: said once, not under each."""
    return bool(activities) and all(a.get("transfers") == [] for a in activities)


def build_context(doc: Document, kind: str, lang: str, *, fragment: bool, branding: Branding,
                  fallback: bool = True) -> dict[str, Any]:
    """What the templates see. `fallback` lets a text missing in `lang` show in another language; without it a
    missing text raises MissingTranslation (`render_html` checks them all first)."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(KINDS)}")
    root: dict[str, Any] = doc.data if isinstance(doc.data, dict) else {}
    every = dicts(root.get("activities"))
    activities = [a for a in every if is_public(a)] if kind == "notice" else every
    labels = data.labels(lang, voice(root))
    source = source_language(root)
    meta: dict[str, Any] = root["document"] if isinstance(root.get("document"), dict) else {}
    title = translate(lang, TITLES[kind])
    if kind == "notice" and meta.get("title"):
        title = localize(meta["title"], lang, fallback=fallback, source=source)
    return {
        "doc": root,
        "kind": kind,
        "lang": lang,
        "source_lang": source,
        "fallback": fallback,
        "fragment": fragment,
        "layout": "fragment.html.j2" if fragment else "base.html.j2",
        "title": title,
        "meta": meta,
        "controller": root.get("controller") if isinstance(root.get("controller"), dict) else {},
        "activities": activities,
        "processors": {p["id"]: p for p in dicts(root.get("processors")) if "id" in p},
        "listed_processors": listed_processors(root, activities, kind),
        "art14": uses_art14(activities),
        "consent_used": uses_consent(activities),
        "rights": rights(root, activities),
        "rights_groups": rights_groups(root, activities),
        "right_scope": right_scope(root, activities),
        "kept_by_law": kept_by_law(root, activities),
        "activity_rights": lambda a: activity_rights(root, a),
        "is_patient_register": lambda a: is_patient_register(root, a),
        "optional_categories": lambda a: [c for c in dicts(a.get("data_categories")) if c.get("optional") is True],
        "disclosed_recipients": lambda a: [r for r in dicts(a.get("recipients")) if not names_kanta(r.get("name"))],
        "kanta": uses_kanta(root),
        "voice": voice(root),
        "cookie_providers": cookie_providers(root, {p["id"]: p for p in dicts(root.get("processors")) if "id" in p}),
        "complaint": "complaint" in (stated_rights(root) or ["complaint"]),
        "no_automated": no_automated_anywhere(activities),
        "shared_processors": shared_processors(activities) if kind == "notice" else [],
        "no_transfers": no_transfers_anywhere(activities) if kind == "notice" else False,
        "summary_purposes": summary_purposes(activities, lang, fallback=fallback, source=source),
        "labels": labels,
        "authority": data.authority(lang),
        "branding": branding,
        "categories": categories,
        "retention_by_category": retention_by_category,
        "dicts": dicts,
    }
