"""Fill a preset with the questionnaire's answers and write it out as commented YAML.

The preset data are read with ruamel.yaml's round-trip loader, so the `# TARKISTA:` comments written beside a
value travel with it into the generated file. Three marks drive the filling (see `_yhteiset.yaml`):
`{text: …, when: ehto}` keeps a value only when the condition holds, `{choose: [...]}` picks the first
alternative whose condition holds, and a list item with `when:` is dropped unless its condition holds.
`{{name}}` placeholders are replaced by answers, and the activity processor `booking` by the chosen system.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..legalform import SOLE_TRADER
from . import COMMON, Preset, empty_flow, read, round_trip, slug, styled
from .answers import BOOKING_NONE, BOOKING_OTHER, Answers, brand

#: Lists that keep their meaning when empty ("disclosed to no one"); other emptied lists are removed.
KEEP_EMPTY = frozenset({"recipients", "transfers", "processors"})
BOOKING_REF, OTHER_ID, ACCOUNTING_REF = "booking", "ajanvaraus", "tilitoimisto"
CHANNEL_WORDS = {("email",): "sähköpostilla", ("sms",): "tekstiviestillä",
                 ("email", "sms"): "sähköpostilla ja tekstiviestillä"}
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_DROP = object()
FLOW = 60          # a [flow, list] longer than this is written one item a line
#: The comment beside `controller.form`, by form.
FORM_NOTES = {SOLE_TRADER: "toiminimi: seloste puhuu minä-muodossa", "company": "osakeyhtiö",
              "partnership": "avoin yhtiö tai kommandiittiyhtiö", "association": "yhdistys",
              "other": "osuuskunta tai muu yhteisö"}

HEADER = """\
Tietosuojaseloste ja seloste käsittelytoimista: {name}
Laadittu {date} komennolla `seloste init` pohjasta "{preset}".

Kohdat, joiden vieressä on TARKISTA, ovat oletuksia: varmista ne ja muuta ne vastaamaan omaa toimintaasi,
ja poista merkintä, kun asia on kunnossa. Tarkista tiedosto sen jälkeen komennoilla
    seloste validate {file}
    seloste check {file}
Editorin ohjeita varten: tallenna skeema komennolla  seloste schema > controller.schema.json
ja lisää tiedoston ensimmäiseksi riviksi  # yaml-language-server: $schema=controller.schema.json"""

SECTIONS = {
    "controller": "Rekisterinpitäjä (GDPR 13(1)(a))",
    "processors": "Järjestelmät ja palvelut, jotka käsittelevät tietoja puolestasi (GDPR 28 art.)",
    "activities": "Käsittelytoimet: tarkoitukset, oikeusperusteet, tietoryhmät ja säilytysajat",
    "direct_marketing": "Suoramarkkinointi (laki sähköisen viestinnän palveluista 917/2014, 200 §)",
    "security": "Tietoturva (GDPR 32 art.)",
    "rights": "Rekisteröidyn oikeudet ja tietoturvaloukkaukset",
}


def conditions(preset: Preset, answers: Answers) -> set[str]:
    """The names `when:` can test, from the preset and the answers."""
    found: set[str] = set(answers.marketing)
    electronic = answers.records in ("electronic", "both")
    flags = {"professional": preset.professional,
             "health_info": preset.professional or preset.health_info == "always" or answers.health_info,
             "paper": answers.records in ("paper", "both"), "electronic": electronic,
             "kanta": preset.professional and electronic and answers.kanta,
             "kela_archive": preset.professional and (answers.records != "electronic" or not answers.kanta),
             "marketing": bool(answers.marketing), "booking": answers.booking != BOOKING_NONE,
             "website": bool(answers.website), "phone": bool(answers.phone),
             "sole_trader": answers.form == SOLE_TRADER}
    found.update(name for name, value in flags.items() if value)
    return found


def brands() -> dict[str, str]:
    """The booking systems' everyday names that differ from their capitalised key (`_yhteiset.yaml`)."""
    return {str(k): str(v) for k, v in (read(COMMON).get("booking_brands") or {}).items()}


def booking_name(answers: Answers, brands: dict[str, str]) -> str:
    """The booking system as people call it ("Timma", "BookSalon"), for sentences in the notice."""
    if answers.booking == BOOKING_OTHER:
        return answers.booking_name or "Ajanvaraus"
    return brand(answers.booking, brands)


def placeholders(preset: Preset, answers: Answers, brands: dict[str, str]) -> dict[str, str]:
    return {"yritys": answers.name, "email": answers.email, "phone": answers.phone or "",
            "yhteyshenkilo": answers.contact or answers.name, "booking_name": booking_name(answers, brands),
            "kanavat": CHANNEL_WORDS.get(tuple(answers.marketing), ""),
            "ammatti": (preset.profession or {}).get("fi", "")}


def holds(when: Any, found: set[str]) -> bool:
    """Whether every condition in `when` (a name, "not name", or a list of them) holds."""
    tests = when if isinstance(when, list) else [] if when is None else [when]
    for test in tests:
        negated, name = str(test).startswith("not "), str(test).removeprefix("not ").strip()
        if (name in found) == negated:
            return False
    return True


def fill(node: Any, found: set[str], values: dict[str, str]) -> Any:
    """`node` with its conditions decided and placeholders replaced; lists and mappings change in place."""
    if isinstance(node, dict):
        if set(node) == {"choose"}:
            chosen = next((alt for alt in node["choose"] if holds(alt.get("when"), found)), None)
            return _DROP if chosen is None else fill(chosen["text"], found, values)
        if "text" in node and set(node) <= {"text", "when"}:
            return fill(node["text"], found, values) if holds(node.get("when"), found) else _DROP
        for key in list(node):
            new = fill(node[key], found, values)
            if new is _DROP or (isinstance(new, list) and not new and key not in KEEP_EMPTY):
                del node[key]
            elif isinstance(new, list) and not new and isinstance(node, CommentedMap):
                empty_flow(node, key)
            else:
                node[key] = new
        return node
    if isinstance(node, list):
        for index in reversed(range(len(node))):
            item = node[index]
            conditional = isinstance(item, dict) and "when" in item and not set(item) <= {"text", "when"}
            if conditional and not holds(item.pop("when"), found):
                del node[index]
                continue
            new = fill(item, found, values)
            if new is _DROP:
                del node[index]
            else:
                node[index] = new
        if isinstance(node, CommentedSeq) and node.fa.flow_style() and len(", ".join(map(str, node))) > FLOW:
            node.fa.set_block_style()
        return node
    if isinstance(node, str):
        return styled(_PLACEHOLDER.sub(lambda m: values[m.group(1)], str(node)))
    return node


def _processors(answers: Answers) -> CommentedSeq:
    entries = CommentedSeq()
    if answers.booking == BOOKING_NONE:
        return entries
    entry = CommentedMap()
    if answers.booking == BOOKING_OTHER:
        entry.update(id=OTHER_ID, name=answers.booking_name or "Ajanvarausjärjestelmä", country="FI",
                     service="ajanvarausjärjestelmä ja asiakastiedot", kind="booking")
        entry.yaml_add_eol_comment("TARKISTA: järjestelmän toimittajan virallinen nimi (ja Y-tunnus)", "name")
        entry.yaml_add_eol_comment("TARKISTA: maa, jossa toimittaja on", "country")
    else:
        entry["id"] = answers.booking
        entry.yaml_add_eol_comment("tiedot tulevat valmiista luettelosta: seloste processors", "id")
    entry["dpa"] = True
    entry.yaml_add_eol_comment("TARKISTA: käsittelysopimus (GDPR 28 art.) on yleensä osa palvelun ehtoja", "dpa")
    entries.append(entry)
    return entries


def _link_booking(activities: list[Any], answers: Answers, notes: dict[str, Any]) -> None:
    booking_id = {BOOKING_NONE: None, BOOKING_OTHER: OTHER_ID}.get(answers.booking, answers.booking)
    for activity in activities:
        refs = activity.get("processors")
        if isinstance(refs, list):
            refs[:] = [booking_id if ref == BOOKING_REF else ref for ref in refs if ref != BOOKING_REF or booking_id]
            if not refs:
                empty_flow(activity, "processors")
    if answers.booking in notes and activities:
        first = activities[0]
        first["notes"] = " ".join(s for s in (str(first.get("notes", "")), str(notes[answers.booking])) if s)


def assemble(preset: Preset, answers: Answers, today: dt.date) -> CommentedMap:
    """The filled controller description as a round-trip mapping, comments included."""
    common, data = read(COMMON), read(preset.key)
    out = CommentedMap()
    out["schema_version"] = 1
    out["id"] = slug(answers.name)
    out["document"] = CommentedMap(drafted=today, version="1.0", changes=[CommentedMap(
        date=today, version="1.0", summary="Ensimmäinen versio, laadittu seloste init -kyselyllä.")])
    address = CommentedMap(street=answers.street, postal_code=answers.postal_code, city=answers.city)
    controller = CommentedMap(name=answers.name, business_id=answers.business_id, address=address)
    for key in ("phone", "email", "website"):
        if getattr(answers, key):
            controller[key] = getattr(answers, key)
    if answers.form:
        controller["form"] = answers.form
        controller.yaml_add_eol_comment(FORM_NOTES[answers.form], "form")
    out["controller"] = controller
    out["privacy_contact"] = common["privacy_contact"]
    if preset.professional:
        care = CommentedMap(professional=True, profession=(preset.profession or {}).get("fi"),
                            patient_records=answers.records)
        care.yaml_add_eol_comment("TARKISTA: ammattinimike, jolla olet Valviran rekisterissä", "profession")
        if (data.get("preset") or {}).get("provider"):
            care["provider"] = True
            care.yaml_add_eol_comment("TARKISTA: rekisteröity yksityiseksi terveydenhuollon palveluntuottajaksi",
                                      "provider")
        if answers.records != "paper":
            care["kanta"] = answers.kanta
            care.yaml_add_eol_comment("TARKISTA: sähköisesti arkistoivan on liityttävä Kantaan (laki 703/2023)",
                                      "kanta")
        out["health_care"] = care
    services = (data.get("preset") or {}).get("services")
    if services:
        out["services"] = services
    out["processors"] = _processors(answers)
    activities = data["activities"]
    if any(ACCOUNTING_REF in (a.get("processors") or []) for a in activities):
        out["processors"].append(common["accounting_processor"])
    if answers.marketing:
        activities.append(common["marketing_activity"])
    out["activities"] = activities
    marketing = common["direct_marketing"] if answers.marketing else CommentedMap(used=False)
    if answers.marketing:
        marketing.insert(1, "channels", CommentedSeq(answers.marketing))
        marketing["channels"].fa.set_flow_style()
    out["direct_marketing"] = marketing
    if answers.website:
        out["cookies"] = common["cookies"]
    out["security"] = common["security"]
    for key, extra in (data.get("security") or {}).items():
        out["security"].setdefault(key, CommentedSeq()).extend(extra)
    out["rights"], out["breach_procedure"] = common["rights"], common["breach_procedure"]
    found = conditions(preset, answers)
    fill(out, found, placeholders(preset, answers, dict(common.get("booking_brands") or {})))
    _link_booking(out["activities"], answers, dict(common.get("booking_notes") or {}))
    return out


def render_file(preset: Preset, answers: Answers, today: dt.date | None = None, file: str = "seloste.yaml") -> str:
    """The filled preset as YAML text with a header comment and a comment before each part."""
    today = today or dt.date.today()
    out = assemble(preset, answers, today)
    out.yaml_set_start_comment(HEADER.format(name=answers.name, date=today.isoformat(),
                                             preset=preset.title("fi"), file=file))
    for key, comment in SECTIONS.items():
        if key in out:
            out.yaml_set_comment_before_after_key(key, before="\n" + comment)
    stream = io.StringIO()
    round_trip().dump(out, stream)
    return stream.getvalue()
