"""`seloste import --upgrade`: an imported notice completed into a draft that builds a lawful notice.

The business type is recognised from the notice's words (or given with --preset); the preset is filled with
what the old notice says about the controller (name, Y-tunnus when valid, address, contacts, the booking and
customer systems it names, marketing channels, health data, paper or electronic records, Kanta), and everything
the preset adds or changes is marked `# TARKISTA:` with what to confirm. What the old notice said differently
(its retention, its data items) is shown next to the preset's value, so the reviewer can choose.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..catalogue import catalogue
from ..checker import check_document
from ..checker.facts import fact, in_eea, pattern
from ..findings import Finding
from ..loader import LoadError, loads
from ..presets import PresetError, preset, presets, round_trip
from ..presets.answers import BOOKING_KINDS, BOOKING_NONE, Answers
from ..presets.assemble import assemble
from ..validate import validate_document
from .extract import Imported

#: Words that tell the business type, by preset key; the most specific first.
BUSINESS_WORDS: list[tuple[str, str]] = [
    ("jalkaterapeutti", r"jalkaterap|fotterapeut|podiatr"),
    ("fysioterapeutti", r"fysioterap|fysioterapi|physiotherap"),
    ("tatuointistudio", r"tatuoin|tatuer|tattoo"),
    ("ihoklinikka", r"injektio|esteettis|ihoklinik|ihonhoitokesk|täyteaine|botox|filler|hyaluron"),
    ("hieroja", r"hieron|hieroja|massage|massör|massag"),
    ("jalkahoitola", r"jalkahoi|fotvård|pedikyyr|pedicure"),
    ("kynsistudio", r"kynsi|kynne|nagel|naglar|\bnails?\b"),
    ("kampaamo", r"kampaamo|parturi|frisör|hair ?salon|hairdress|barber"),
    ("kauneushoitola", r"kauneushoit|kauneuskesk|kosmetolog|kasvohoi|ripsi|skönhet|beauty|cosmetic|hyvinvoint|"
                       r"hoitola|wellness|\bspa\b|välmående"),
]


@dataclass
class Upgraded:
    text: str
    preset: str
    findings: list[Finding] = field(default_factory=list)


def recognise(text: str) -> str:
    """The preset key whose words the notice uses most; raises PresetError when none is used."""
    scores = {key: len(re.findall(words, text, re.IGNORECASE)) for key, words in BUSINESS_WORDS}
    best = max(scores, key=lambda key: scores[key])
    if scores[best] == 0:
        raise PresetError("the business type could not be recognised from the notice; give it with --preset "
                          f"(one of: {', '.join(presets())})")
    return best


def _valid_business_id(value: Any) -> bool:
    from stdnum.fi import ytunnus

    return isinstance(value, str) and bool(ytunnus.is_valid(value))


def _systems(text: str) -> list[str]:
    """Catalogue keys of the systems the notice names, in the order of the catalogue."""
    names = {entry["name"].lower() for entry in fact("systems") if pattern(entry["pattern"]).search(text)}
    return [key for key, entry in catalogue().items()
            if key in names or str(entry.get("name", "")).split()[0].lower() in names]


def _mark(node: CommentedMap | CommentedSeq, key: Any, text: str) -> None:
    """Add `# TARKISTA: text` after the value at `key`, keeping a comment already there."""
    existing = ""
    tokens = node.ca.items.get(key) if hasattr(node, "ca") else None
    if tokens:
        for token in tokens:
            if token is not None and hasattr(token, "value"):
                existing = token.value.strip().lstrip("#").strip()
    if "TARKISTA" in existing:
        return
    comment = f"TARKISTA: {text}" + (f"; {existing}" if existing else "")
    if tokens:
        node.ca.items.pop(key, None)
    node.yaml_add_eol_comment(comment, key)


def upgrade(imported: Imported, preset_key: str | None = None, today: dt.date | None = None) -> Upgraded:
    """The completed draft and its findings (which should be confirmations only)."""
    today = today or dt.date.today()
    data = imported.data
    full_text = " ".join(line.text for line in imported.source.lines)
    key = preset_key or recognise(full_text)
    chosen = preset(key)
    controller = data.get("controller") or {}
    contact = data.get("privacy_contact") or {}
    address = controller.get("address") or contact.get("address") or {}
    systems = _systems(full_text)
    booking = next((s for s in systems if catalogue()[s].get("kind") in BOOKING_KINDS), BOOKING_NONE)
    marketing = data.get("direct_marketing") or {}
    channels = tuple(c for c in (marketing.get("channels") or []) if c in ("email", "sms"))
    if marketing.get("used") and not channels:
        channels = ("email",)
    categories = [c for a in data.get("activities") or [] for c in a.get("data_categories") or []]
    health = any(c.get("special") == "health" for c in categories)
    security = data.get("security") or {}
    records = "both" if security.get("paper_records") and (security.get("technical") or systems) else (
        "paper" if security.get("paper_records") and not systems else "electronic")
    business_id = controller.get("business_id") or contact.get("business_id")
    answers = Answers(
        preset=key, name=str(controller.get("name") or "Yrityksen nimi"),
        business_id=str(business_id) if _valid_business_id(business_id) else "0000000-0",
        street=str(address.get("street") or ""), postal_code=str(address.get("postal_code") or ""),
        city=str(address.get("city") or ""), email=str(controller.get("email") or contact.get("email") or ""),
        phone=controller.get("phone") or contact.get("phone"), website=controller.get("website"),
        contact=contact.get("name"), booking=booking, marketing=channels, health_info=health, records=records,
        kanta=bool((data.get("health_care") or {}).get("kanta")))
    out = assemble(chosen, answers, today)
    _adjust(out, imported, answers, business_id, systems, booking)
    text = _render(out, imported, key)
    return Upgraded(text, key, _findings(text, imported.source.name))


def _adjust(out: CommentedMap, imported: Imported, answers: Answers, business_id: Any, systems: list[str],
            booking: str) -> None:
    data = imported.data
    source = imported.source.name
    out["document"]["changes"][0]["summary"] = f"Laadittu vanhasta selosteesta ({source}): seloste import --upgrade."
    _mark(out["document"], "drafted", "päivä, jona luonnos laadittiin; vaihda hyväksymispäivään")
    controller = out["controller"]
    if not _valid_business_id(business_id):
        del controller["business_id"]
        reason = f"vanhan selosteen Y-tunnus {business_id} on virheellinen" if business_id else \
            "vanhassa selosteessa ei ole Y-tunnusta"
        _mark(controller, "name", f"{reason}; lisää oikea Y-tunnus (business_id) kaupparekisteristä (ytj.fi)")
    if not answers.name or answers.name == "Yrityksen nimi":
        _mark(controller, "name", "yrityksen virallinen nimi puuttui vanhasta selosteesta")
    if not answers.street:
        del controller["address"]
        _mark(controller, "name", "vanhassa selosteessa ei ole postiosoitetta; lisää address")
    if not answers.email:
        controller.pop("email", None)
        if "phone" not in controller:
            controller["email"] = "tietosuoja@example.invalid"
            _mark(controller, "email", "vanhassa selosteessa ei ole sähköpostiosoitetta; kirjoita oikea")
        else:
            _mark(controller, "phone", "vanhassa selosteessa ei ole sähköpostiosoitetta; lisää email")
    contact = out["privacy_contact"]
    if isinstance(contact, CommentedMap) and not contact.get("email"):
        contact.pop("email", None)
        if not contact.get("phone"):
            contact["email"] = controller.get("email", "tietosuoja@example.invalid")
        _mark(contact, "phone" if contact.get("phone") else "email",
              "lisää sähköpostiosoite, johon tietosuoja-asiat voi lähettää")
    if isinstance(contact, CommentedMap):
        _mark(contact, "name", "tietosuoja-asioiden yhteyshenkilö; vanhasta selosteesta: "
              + str((data.get("privacy_contact") or {}).get("name", "ei mainittu")))
    # the other systems the notice names become processors too
    listed = [p.get("id") for p in out.get("processors") or []]
    extra = [s for s in systems if s not in listed and s != booking]
    for key in extra:
        entry = CommentedMap(id=key, dpa=True)
        entry.yaml_add_eol_comment("TARKISTA: vanha seloste mainitsee järjestelmän; onko se yhä käytössä, ja "
                                   "onko käsittelysopimus (GDPR 28 art.) tehty", "dpa")
        out["processors"].append(entry)
        known = catalogue()[key]
        target = out["activities"][0]
        if known.get("kind") in ("newsletter", "sms", "email"):
            target = next((a for a in out["activities"] if a.get("id") == "markkinointi"), target)
        refs = target.get("processors")
        if not isinstance(refs, list):
            refs = target["processors"] = CommentedSeq()
        if refs == [] and hasattr(refs, "fa"):
            refs.fa.set_block_style()
        refs.append(key)
        country = known.get("country")
        if isinstance(country, str) and not in_eea(country):
            transfers = target.get("transfers")
            if not isinstance(transfers, list) or not transfers:
                transfers = target["transfers"] = CommentedSeq()
            transfer = CommentedMap(country=country, recipient=key, safeguard="standard_contractual_clauses")
            transfer.yaml_add_eol_comment(f"TARKISTA: {known.get('name', key)} siirtää tietoja maahan {country}; "
                                          "varmista siirron suojatoimi ja kerro se tässä", "safeguard")
            transfers.append(transfer)
    for index, key in enumerate(listed):
        if index < len(out.get("processors") or []) and key == booking:
            _mark(out["processors"][index], "id", "vanha seloste mainitsee tämän järjestelmän")
    # the activities come from the preset: show the old notice's words beside them
    old = (data.get("activities") or [{}])[0]
    activity = out["activities"][0]
    _mark(activity, "name", f"esivalinnan käsittelytoimi; vanhassa selosteessa: {old.get('name', 'ei nimeä')}")
    for purpose in activity.get("purposes") or []:
        if isinstance(purpose, CommentedMap) and "basis" in purpose:
            _mark(purpose, "basis", "oikeusperuste tulee esivalinnasta; vanha seloste ei kertonut sitä"
                  if not any("basis" in p for p in old.get("purposes") or []) else
                  "oikeusperuste tulee esivalinnasta; vertaa vanhan selosteen perusteeseen")
    old_items = [str(i) for c in old.get("data_categories") or [] for i in c.get("items") or []]
    if old_items and activity.get("data_categories"):
        shown = "; ".join(old_items)[:300]
        _mark(activity["data_categories"][0], "name", f"vanha seloste luetteli: {shown}")
    old_retention = [r.get("erasure") or r.get("criterion") for r in old.get("retention") or []]
    for entry in activity.get("retention") or []:
        if isinstance(entry, CommentedMap) and "period" in entry:
            said = "; ".join(str(r) for r in old_retention if r)[:200]
            _mark(entry, "period", f"säilytysaika esivalinnasta; vanhassa selosteessa: {said}" if said else
                  "säilytysaika esivalinnasta; vanha seloste ei kertonut säilytysaikaa")
    for section in ("security", "rights", "breach_procedure", "direct_marketing", "cookies"):
        node = out.get(section)
        if isinstance(node, CommentedMap) and node:
            first = next(iter(node))
            _mark(node, first, f"kohta '{section}' tulee esivalinnasta; vastaako se käytäntöänne")


HEADER = """\
yaml-language-server: $schema=https://seloste.invalid/controller.schema.json
Luonnos: vanha seloste {source} täydennettynä esivalinnalla '{preset}' (seloste import --upgrade).
Yrityksen tiedot tulevat vanhasta selosteesta; kaikki muu tulee esivalinnasta. Jokainen '# TARKISTA:' -rivi
on täytetty tai muutettu arvo: tarkista se, korjaa tarvittaessa ja poista merkintä. Vanhan selosteen sellaisenaan
tuotu versio: seloste import {source} -o vanha.yaml
"""


def _render(out: CommentedMap, imported: Imported, key: str) -> str:
    out.yaml_set_start_comment(HEADER.format(source=imported.source.name, preset=preset(key).title("fi")))
    stream = io.StringIO()
    round_trip().dump(out, stream)
    return stream.getvalue()


def _findings(text: str, file: str) -> list[Finding]:
    try:
        doc = loads(text, file)
    except LoadError as exc:  # pragma: no cover - the preset writer produces loadable YAML
        return [exc.finding]
    return sorted([*validate_document(doc), *check_document(doc)])
