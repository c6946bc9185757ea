"""From an old notice's sections to an as-is controller description: what the notice says, where it says it.

Nothing is invented and nothing is corrected: an invalid Y-tunnus stays, a citation of Henkilötietolaki 523/1999
stays in the text where the notice has it, a purpose without a legal basis has none, a booking system named
only as the place the data are stored is not made a processor. Each sentence goes to the field of the format
that says the same thing (`purposes`, `sources`, `recipients`, `retention`, `rights`, `security`…); a sentence
about another topic than its section's heading (the old notices mix them freely) goes where its topic belongs.
Text that fits nowhere is kept in `unplaced` for a person to place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..loader import JsonPath
from .sections import Section, kind_of, split
from .sources import Line, Source


@dataclass
class Imported:
    """The as-is description (plain data), where each value came from, and what found no place."""

    source: Source
    data: dict[str, Any]
    origin: dict[JsonPath, Line] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    unplaced: list[Line] = field(default_factory=list)
    language: str = "fi"
    notes: list[str] = field(default_factory=list)

    def section_of(self, line: Line) -> Section | None:
        for section in self.sections:
            if section.heading is line or any(own.number == line.number for own in section.lines):
                return section
        return None


# ---------------------------------------------------------------------------------------------------- patterns

def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


EMAIL = _rx(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = _rx(r"\b(?:https?://|www\.)[^\s,;()<>]+[^\s,;()<>.]")
BUSINESS_ID = _rx(r"(?:(?:y-?tunnus|y-?tunnukseltaan|fo-nummer|business id)\s*:?\s*)?\b(\d{7}-\d)\b")
POSTAL = re.compile(r"(?P<street>[A-ZÅÄÖ][\wåäöÅÄÖ.'-]+(?: [a-zåäö][\wåäö.-]+)?\s\d{1,4}[A-Za-z]?"
                    r"(?:\s?[-–]\s?\d+)?(?:\s(?:[A-Z]\s?\d{1,3}|as\.?\s?\d+|bst\.?\s?\d+|lh\.?\s?\d+))?)"
                    r"\s*,?\s*(?P<postal>\d{5})\s+(?P<city>[A-ZÅÄÖ][\wåäöÅÄÖ-]+)")
PHONE = _rx(r"(?<![\d-])(?:\+358\s?(?:\(0\)\s?)?|\(?0)\d{1,3}\)?(?:[\s-]?\d){5,10}(?![\d-])")
DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
LABELS = _rx(r"^(?:rekisterinpitäjä|nimi|osoite|käyntiosoite|postiosoite|y-?tunnus|puh(?:elin)?\.?|p\.|tel\.?|"
             r"gsm|sähköposti(?:osoite)?|s-?posti|e-?mail|e-?post|muut yhteystiedot(?: \([^)]*\))?|yhteystiedot|"
             r"kotisivut?|verkkosivut?|www|namn|adress|telefon|fo-nummer|name|address|phone|website|"
             r"business id|contact details|yhteyshenkilö|kontaktperson|contact person)(?=\W|$)\s*:?\s*")
COMPANY = _rx(r"\b(oy|oyj|ab|ky|tmi|ay|ry|ltd|inc|gmbh|toiminimi|osakeyhtiö|kommandiittiyhtiö)\b")
ROLE_WORDS = _rx(r"^(käsittelijä|rekisterinpitäjä|personuppgiftsbiträde|processor|controller|x)$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"(«]?[A-ZÅÄÖ0-9])")
ABBREVIATION = _rx(r"(?:\b(?:p|puh|tel|esim|mm|ns|v|s|nro|klo|os|tms|yms|ym|jne|ks|n|ca|t|e|o|dr|inc|ltd|tfn|"
                   r"bl\.a|t\.ex|e\.g|i\.e|eng|ruots|vrt|jn|kpl|art|nr)\.|\b\d{1,2}\.)$")
BULLET = re.compile(r"^\s*(?:[•·▪◦‣∙*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")

TOPICS: dict[str, re.Pattern[str]] = {
    "cookies": _rx(r"eväste|cookie|\bkakor?\b"),
    "marketing": _rx(r"markkinoin|suoramarkkin|uutiskirje|tiedott|tiedote|mainoskirje|mainonta|marknadsför|"
                     r"tarjouksi|tarjouks|erbjudand|special offers|"
                     r"nyhetsbrev|reklam|\bmarketing\b|newsletter|advertis"),
    "transfer": _rx(r"(\bEU\b|\bEU[:-]|\bETA\b|\bETA[:-]|\bEES\b|\bEEA\b|Euroopan talousalue|European Economic)"
                    r".{0,80}(ulkopuol|outside|utanför|siirr|överför|transfer)|"
                    r"(ulkopuol|outside|utanför|siirr|överför|transfer).{0,80}(\bEU\b|\bEU[:-]|\bETA\b|ETA[:-]|"
                    r"\bEES\b|\bEEA\b|Euroopan talousalue)|"
                    r"kolmansiin maihin|kolmansissa maissa|tredje land|third countr|United States|\bUSA\b|Yhdysval|"
                    r"Förenta staterna"),
    "disclosure": _rx(r"luovute|luovuteta|luovuttaa|luovutus|luovutet|lämnas (inte )?ut|utlämna|disclos|"
                      r"shared with|\bsivullisille\b"),
    "retention": _rx(r"säilyt|säilyty|poistetaan|poistamis|hävitetään|tuhotaan|bevaras|sparas|raderas|retain|"
                     r"\bkept\b|\bstored\b|deleted|erased"),
    "breach": _rx(r"murtau|tietoturvaloukkau|tietomurro|personuppgiftsincident|intrång|data breach|\bbreach"),
    "rights": _rx(r"oikeus (tarkast|tarkist|kieltää|kieltäytyä|vaatia|pyytää|saada|esittää|peruuttaa|perua|"
                  r"vastustaa|siirtää|rajoittaa)|tarkastusoikeu|tarkastuspyyn|oikaisupyyn|korjausvaatim|"
                  r"pyyn(tö|nö)|henkilöllisyy|korjaa|korjataan|virheellisyy|identitet|rättelse|"
                  r"rätt att|right to|right of access"),
    "security": _rx(r"tietoturv|suojataan|salasan|palomuur|virustorj|lukit|lukollis|lukossa|kassakaap|vaitiolo|"
                    r"käyttäjätunnu|"
                    r"käyttöoikeu|suojattu|varmuuskop|kryptat|salattu|salataan|lösenord|brandvägg|\blåst|"
                    r"tystnadsplikt|password|firewall|encrypt|locked|backup|access rights"),
}
TOPIC_OF_KIND = {"cookies": "cookies", "marketing": "marketing", "transfers": "transfer",
                 "disclosures": "disclosure", "disclosures_transfers": "disclosure", "retention": "retention",
                 "rights": "rights", "security": "security"}
ROUTED_KINDS = {"purpose", "purpose_sources", "sources", "basis", "disclosures", "transfers",
                "disclosures_transfers", "security", "retention", "rights", "data_content"}
ROUTE_ORDER = ("cookies", "marketing", "transfer", "disclosure", "breach", "retention", "rights", "security")
TIME = _rx(r"\d+\s*(v\.|vuo|kk|kuukau|år|månad|year|month)|\bajan\b|\basti\b|kunnes|pitkään|kauan|jälkeen|päätty|"
           r"until|as long|så länge|tills|efter|after")

CONSENT = _rx(r"suostum|luvalla|luvan|\blupa|markkinointilup|sallinut|sallii|hyväksyn|hyväksyt|samtyck|consent|"
              r"opt(ed)?[- ]in")
BASES = [
    ("consent", _rx(r"suostumu|samtyck|\bconsent\b|6\s*(art\.?|artiklan)?\s*1\s*(kohdan)?\s*\(?a\)?")),
    ("contract", _rx(r"(perustuu|perusteella|täyttämiseksi|täytäntöön|toteuttamiseksi|perform|performance of|"
                     r"fullgöra|fullgörande|grundar sig|based on|on the basis of).{0,40}(sopim|avtal|contract)|"
                     r"(sopimu|sopimuk|avtal|contract)\w*\s+(perusteella|täyttämiseksi|toteuttamiseksi|"
                     r"täytäntöön|fullgörande)")),
    ("legitimate_interests", _rx(r"oikeutettu etu|oikeutetun edun|berättigat intresse|berättigade intresse|"
                                 r"legitimate interest")),
    ("legal_obligation", _rx(r"lakisääteinen velvoite|lakisääteisen velvoitteen|rättslig förpliktelse|"
                             r"legal obligation")),
]
HEALTH = _rx(r"terveys|terveyd|terveyt|allergi|ihosairau|lääkity|sairau|diagnoos|hoitotie[dt]|potilas|raskau|"
             r"hälsa|allergier|sjukdom|medicin|health|allerg|medical|medication|illness")
STAFF = _rx(r"henkilökun|työskentelevä|työntekijä|hoitohenkilö|terapeut|personal(en)?\b|\bstaff\b|employees|"
            r"therapist")
THIRD = _rx(r"kolmansi|viranomais|muista lähteistä|rekistereistä|myndighet|tredje part|third part|authorit")
DEVICE = _rx(r"eväste|cookie|\bIP\b|IP-osoit|loki")
NEGATIVE_DISCLOSURE = _rx(r"\b(ei|eikä) (luovuteta|luovuteta|luovuta|siirretä)|mitään tietoja ei luovuteta|"
                          r"tietoja ei luovuteta|lämnas inte ut|lämnas ej ut|överförs inte|are not disclosed|"
                          r"not (be )?(disclosed|transferred|shared)|we do not (disclose|share|transfer)|"
                          r"ei luovuteta|ei siirretä|ainoastaan .{0,40} käytössä")
EXCEPT = _rx(r"\bpaitsi\b|lukuun ottamatta|\bellei\b|\butom\b|förutom|\bexcept\b|\bunless\b|voidaan luovuttaa|"
             r"voidaan siirtää|\bmay be\b|kan lämnas")
RIGHT_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("access", _rx(r"tarkast|tarkist|nähdä|näytettävä|insyn|granska|tillgång|\baccess\b|kopio")),
    ("rectification", _rx(r"korja|oikais|oikaisu|rättelse|rätta|rectif|correct")),
    ("erasure", _rx(r"poist|hävit|radera|erasure|delet|unohdetuksi")),
    ("restriction", _rx(r"rajoit|begräns|restrict")),
    ("portability", _rx(r"siirrettävyy|järjestelmästä toiseen|siirtää tiedot|dataportab|flytta|portab")),
    ("objection", _rx(r"kieltää|vastusta|invända|object")),
    ("withdraw_consent", _rx(r"peruuttaa|perua suostum|peruutta|återkalla|withdraw")),
    ("complaint", _rx(r"valvontaviranomai|tietosuojavaltuutet|valitus|klagomål|dataombudsman|complaint|"
                      r"supervisory authority|lodge")),
]
REQUEST = _rx(r"pyyn(tö|nöt|nön)|vaatimus|begäran|begäranden|request")
IDENTITY = _rx(r"henkilöllisyy|identitet|identity")
RESPONSE = _rx(r"viipymättä|ilman aiheetonta viivästystä|ilman aiheutonta|kuukauden (kuluessa|sisällä)|"
               r"utan (onödigt )?dröjsmål|inom en månad|without undue delay|within (one|a) month")
TECHNICAL = _rx(r"salasan|palomuur|virus|salat|salaus|kryptat|varmuuskop|käyttäjätunnu|tunnuks|palvelim|palvelin|"
                r"verkko|järjestelmä|tietokone|ssl|https|lösenord|brandvägg|kryptering|server|password|firewall|"
                r"encrypt|backup|antivirus|log-?in|sähköi")
PAPER = _rx(r"manuaali|paperi|paperill|lukit|lukollis|lukossa|kaapi|kaappi|kassakaap|arkisto|papper|låst|"
            r"\bpaper\b|locked|cabinet")
PERIOD = _rx(r"(\d{1,2})\s*(?:\(\w+\)\s*)?(v\.|vuotta|vuoden|vuosi|vuodeksi|kk|kuukautta|kuukauden|år|"
             r"månader|månad|years?|months?)")
WORD_NUMBERS = {"yksi": 1, "yhden": 1, "vuoden": 1, "kaksi": 2, "kahden": 2, "kolme": 3, "kolmen": 3,
                "neljä": 4, "neljän": 4, "viisi": 5, "viiden": 5, "kuusi": 6, "kuuden": 6, "kymmenen": 10,
                "ett": 1, "två": 2, "tre": 3, "fem": 5, "tio": 10, "one": 1, "two": 2, "three": 3, "five": 5,
                "six": 6, "ten": 10}
TRIGGER = _rx(r"((?:asiakas|hoito|palvelu|sopimus)?suhteen (?:päättymisestä|päätyttyä|loputtua|jälkeen|"
              r"päättymisen jälkeen)|(?:asiakkuuden|sopimuksen) (?:päättymisestä|päätyttyä|päättymisen jälkeen)|"
              r"viimeisestä (?:käynnistä|asioinnista|hoidosta|ostosta|varauksesta)|viimeisen \w+ jälkeen|"
              r"(?:efter|från) (?:det )?(?:sista|senaste) \w+|(?:after|from) the (?:last|end of the) [\w ]{3,30}|"
              r"after your last \w+|after the end of \w+ \w+|viimeisen \w+ jälkeen|"
              r"(?:efter att )?kundrelationen (?:upphört|avslutats)|"
              r"tilikauden päättymisestä|kalenterivuoden lopusta)")
MARKETING_CHANNELS = [("email", _rx(r"sähköpost|e-post|e-?mail|uutiskirje|nyhetsbrev|newsletter")),
                      ("sms", _rx(r"tekstiviest|sms|textmeddelande|text message|mobiili")),
                      ("post", _rx(r"postitse|kirjeitse|\bpost\b|brev|by post|letter")),
                      ("phone", _rx(r"puhelimitse|puhelinmarkkin|telefon|by phone|telemarketing")),
                      ("social_media", _rx(r"sosiaalis|some\b|facebook|instagram|social media"))]
OPT_OUT = _rx(r"kieltää|kieltäytyä|kielto|peru|lopettaa|unsubscribe|opt[- ]?out|avregistr|avstå|tacka nej|"
              r"object")
FREQUENCY = _rx(r"kertaa (vuodessa|kuukaudessa|viikossa)|gånger (per|om|i)|times (a|per) (year|month|week)")
KANTA = _rx(r"kanta-arkist|kanta-palvel|\bkantaan\b|\bkanta\b|omakanta|potilastie[dt]on arkisto")
PROCESSOR_SENTENCE = _rx(r"(tiedon |henkilötietojen )?käsittelijä(nä)? (on|toimii)|toimii (\w+ )?käsittelijänä|"
                         r"lukuumme|puolestamme|on our behalf|för vår räkning|käsittelysopimu|"
                         r"biträdesavtal|processing agreement|personuppgiftsbiträde|"
                         r"\bprocessor\b")
COMPANY_NAME = re.compile(r"\b([A-ZÅÄÖ][\wåäöÅÄÖ&.-]*(?: [A-ZÅÄÖ][\wåäöÅÄÖ&.-]*){0,3} "
                          r"(?:Oy|Oyj|Ab|Ltd|Inc|Ky|Tmi|AB|GmbH))\b")
RECORD_TITLE = _rx(r"seloste (henkilötietojen )?käsittelytoimista|register över behandling|"
                   r"record of processing|käsittelytoimien seloste")
LANG_WORDS = {
    "fi": _rx(r"\b(ja|tai|on|tiedot|tietoja|rekisteri\w*|asiakkaan|henkilötie\w+|käsittely\w*|että|sekä)\b"),
    "sv": _rx(r"\b(och|eller|är|att|uppgifter|personuppgifter|behandling|kunden|vi|för|med|som)\b"),
    "en": _rx(r"\b(and|or|the|is|data|personal|processing|customer|we|for|with|that|of)\b"),
}


# ---------------------------------------------------------------------------------------------------- helpers

@dataclass
class Sentence:
    text: str
    line: Line
    bullet: bool = False


def paragraphs(lines: list[Line]) -> list[Sentence]:
    """Lines joined where a sentence runs on to the next line (PDF and pasted text break lines mid-sentence)."""
    out: list[Sentence] = []
    for line in lines:
        text = line.text.strip()
        bullet = bool(BULLET.match(text)) and not re.match(r"^\d{1,2}[.)]\s", text)
        is_item = bool(BULLET.match(text))
        if out and not is_item and not out[-1].text.endswith((".", "!", "?", ":")) and text[:1].islower():
            out[-1].text += " " + text
            continue
        out.append(Sentence(BULLET.sub("", text) if bullet else text, line, bullet or is_item))
    return out


def sentences(lines: list[Line]) -> list[Sentence]:
    """Each paragraph cut into sentences; list items stay whole."""
    out: list[Sentence] = []
    for para in paragraphs(lines):
        if para.bullet:
            out.append(para)
            continue
        start = 0
        text = para.text
        for match in SENTENCE_END.finditer(text):
            before = text[start:match.start()]
            if ABBREVIATION.search(before):
                continue
            piece = text[start:match.start()].strip()
            if piece:
                out.append(Sentence(piece, para.line))
            start = match.end()
        piece = text[start:].strip()
        if piece:
            out.append(Sentence(piece, para.line))
    return [s for s in out if s.text.strip(" .-–")]


def topics(text: str) -> list[str]:
    found = [name for name in ROUTE_ORDER if TOPICS[name].search(text)]
    if "retention" in found and not TIME.search(text):
        found.remove("retention")
    return found


def slugify(text: str, taken: set[str]) -> str:
    value = text.lower().translate(str.maketrans("äåöüé", "aaoue"))
    value = re.sub(r"[^a-z0-9]+", "-", value).strip("-")[:40].strip("-") or "tieto"
    base, n = value, 2
    while value in taken:
        value = f"{base}-{n}"
        n += 1
    taken.add(value)
    return value


def detect_language(text: str) -> str:
    counts = {lang: len(pattern.findall(text)) for lang, pattern in LANG_WORDS.items()}
    if re.search(r"[äö]", text) and counts["fi"] >= counts["sv"] and counts["fi"] >= counts["en"]:
        return "fi"
    return max(counts, key=lambda k: counts[k])


DATED = _rx(r"(päivitetty|laadittu|laatimispäivä|päiväys|viimeisin muutos|muutettu|muokattu|uppdaterad|"
            r"upprättad|senast ändrad|last updated|updated|last revised|drafted)\D{0,20}(\d{1,2})\.(\d{1,2})\.(\d{4})")


def parse_date(day: str, month: str, year: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _split_list(text: str) -> list[str]:
    """'nimi, puhelinnumero ja sähköposti' → three items; parentheses are kept whole."""
    parts: list[str] = []
    depth, current = 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char in ",;" and depth <= 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    out: list[str] = []
    for index, part in enumerate(parts):
        part = re.sub(r"^(?:ja|sekä|och|samt|and)\s+", "", part.strip(" .;:"))
        pieces = [part]
        if index == len(parts) - 1 and len(parts) > 1 and len(part) < 100:
            pieces = re.split(r"\s+(?:ja|sekä|och|samt|and)\s+(?!.*\s(?:ja|sekä|och|samt|and)\s)", part)
        out.extend(p.strip(" .") for p in pieces if p.strip(" ."))
    return out


# ---------------------------------------------------------------------------------------------------- builder

class Builder:
    """Plain data with the origin of every value."""

    def __init__(self, source: Source) -> None:
        self.data: dict[str, Any] = {"schema_version": 1}
        self.origin: dict[JsonPath, Line] = {}
        self.unplaced: list[Line] = []
        self.source = source
        self.category_ids: set[str] = set()
        self.rights_stated: list[str] = []
        self.notes: list[str] = []
        self.basis_sentences: list[Sentence] = []

    def put(self, path: JsonPath, value: Any, line: Line | None) -> None:
        node: Any = self.data
        for i, key in enumerate(path[:-1]):
            nxt = path[i + 1]
            if isinstance(node, dict):
                if key not in node:
                    node[key] = [] if isinstance(nxt, int) else {}
                node = node[key]
            else:
                if key == len(node):
                    node.append([] if isinstance(nxt, int) else {})
                node = node[key]
        last = path[-1]
        if isinstance(node, list):
            assert isinstance(last, int)
            if last == len(node):
                node.append(value)
            else:
                node[last] = value
        else:
            node[last] = value
        if line is not None:
            self._mark(path, value, line)

    def _mark(self, path: JsonPath, value: Any, line: Line) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                self._mark((*path, key), item, line)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self._mark((*path, index), item, line)
        else:
            self.origin.setdefault(path, line)

    def append(self, path: JsonPath, value: Any, line: Line | None) -> int:
        node = self.get(path)
        index = len(node) if isinstance(node, list) else 0
        self.put((*path, index), value, line)
        return index

    def get(self, path: JsonPath) -> Any:
        node: Any = self.data
        for key in path:
            if isinstance(node, dict):
                if key not in node:
                    return None
                node = node[key]
            elif isinstance(node, list) and isinstance(key, int) and key < len(node):
                node = node[key]
            else:
                return None
        return node

    def extend_text(self, path: JsonPath, text: str, line: Line) -> None:
        current = self.get(path)
        if isinstance(current, str) and current:
            self.put(path, f"{current} {text}", None)
        else:
            self.put(path, text, line)

    def stated(self, text: str) -> None:
        for right, pattern in RIGHT_WORDS:
            if pattern.search(text) and right not in self.rights_stated:
                self.rights_stated.append(right)


ACT: JsonPath = ("activities", 0)


# ---------------------------------------------------------------------------------------------------- parties

def _contact_bits(text: str) -> tuple[dict[str, list[str]], str]:
    """E-mails, web addresses, Y-tunnus, postal addresses and phones found in `text`, and what is left."""
    found: dict[str, list[str]] = {"email": [], "website": [], "business_id": [], "address": [], "phone": []}
    rest = re.sub(r"\s*[(\[{]\s*(?:at|ät|a)\s*[)\]}]\s*", "@", text, flags=re.IGNORECASE)  # info(at)example.fi
    for key, pattern in (("email", EMAIL), ("website", URL)):
        for match in pattern.finditer(rest):
            found[key].append(match.group(0))
        rest = pattern.sub(" ", rest)
    for match in BUSINESS_ID.finditer(rest):
        found["business_id"].append(match.group(1))
    rest = BUSINESS_ID.sub(" ", rest)
    for match in POSTAL.finditer(rest):
        found["address"].append(match.group(0))
    rest = POSTAL.sub(" ", rest)
    for match in PHONE.finditer(rest):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) >= 7:
            found["phone"].append(" ".join(match.group(0).split()))
            rest = rest.replace(match.group(0), " ")
    rest = re.sub(r"\b(puh|p|tel|gsm|tfn|phone)\.?(?=\s|$)", " ", rest, flags=re.IGNORECASE)
    rest = LABELS.sub("", rest.strip())
    rest = re.sub(r"\s+", " ", rest).strip(" ,;:/-–|")
    return found, rest


def _address(text: str) -> dict[str, str] | None:
    match = POSTAL.search(text)
    if not match:
        return None
    return {"street": match.group("street").strip(), "postal_code": match.group("postal"),
            "city": match.group("city").strip()}


BUSINESS_WORD = _rx(r"keskus|hoitola|klinikka|clinic|studio|salon|kampaamo|parturi|hieronta|hoitohuone|"
                    r"hyvinvointi|terapia|fysio|vastaanotto|palvelu|center|centre|spa\b|ky\b|mottagning|salong")


def _is_person(text: str) -> bool:
    words = text.split()
    return (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not COMPANY.search(text)
            and not BUSINESS_WORD.search(text)
            and not re.search(r"\d", text) and not kind_of(text))


def parse_party(lines: list[Line], b: Builder, base: JsonPath, *, controller: bool) -> None:
    names: list[tuple[str, Line]] = []
    extras: list[tuple[str, Line]] = []
    firsts: dict[str, tuple[str, Line]] = {}
    for line in lines:
        text = line.text.strip()
        segments = re.split(r"\s/\s?|\s?/\s(?=\S)|\t", text) if "/" in text or "\t" in text else [text]
        pieces: list[str] = []
        for segment in segments:  # a name before an address and words after it are separate pieces
            at = POSTAL.search(segment)
            pieces.extend([segment[:at.start()], at.group(0), segment[at.end():]] if at else [segment])
        for segment in (p for p in pieces if p.strip()):
            found, rest = _contact_bits(segment)
            for key, values in found.items():
                for value in values:
                    if key not in firsts:
                        firsts[key] = (value, line)
                    else:
                        extras.append((value, line))
            rest = re.sub(r"\(\s*\)", "", rest).strip(" ,;:")
            if rest and not ROLE_WORDS.match(rest) and len(rest) >= 2 and not kind_of(rest):
                names.append((rest, line))
    note_parts: list[str] = []
    if controller:
        name = next((item for item in names if not _is_person(item[0]) or len(names) == 1), names[0] if names else None)
        if name is not None:
            text, line = name
            bare = re.sub(r"\([^)]*\)", "", text).strip(" ,;")
            if bare != text:
                note_parts.append(f"Nimen yhteydessä selosteessa: {text}")
            b.put((*base, "name"), bare or text, line)
            names = [n for n in names if n is not name]
    else:
        person = next((n for n in names if _is_person(n[0])), None)
        org = next((n for n in names if n is not person and (COMPANY.search(n[0]) or BUSINESS_WORD.search(n[0])
                                                              or n[0] == b.get(("controller", "name")))), None)
        if person is None and org is None and names:
            person = names[0]
        if person is not None:
            b.put((*base, "name"), person[0], person[1])
        elif org is not None:
            b.put((*base, "name"), org[0], org[1])
            org = None
        if org is not None:
            b.put((*base, "organisation"), org[0], org[1])
        names = [n for n in names if n is not person and n is not org]
    if "business_id" in firsts:
        b.put((*base, "business_id"), firsts["business_id"][0], firsts["business_id"][1])
    if "address" in firsts:
        address = _address(firsts["address"][0])
        if address:
            b.put((*base, "address"), address, firsts["address"][1])
    if "phone" in firsts:
        b.put((*base, "phone"), firsts["phone"][0], firsts["phone"][1])
    if "email" in firsts:
        b.put((*base, "email"), firsts["email"][0], firsts["email"][1])
    if "website" in firsts and controller:
        site = firsts["website"][0]
        b.put((*base, "website"), site if site.lower().startswith("http") else f"https://{site}",
              firsts["website"][1])
    for value, line in extras:
        address = _address(value)
        if controller and address and POSTAL.fullmatch(value.strip()):
            b.append((*base, "locations"), {"address": address}, line)
        else:
            note_parts.append(f"Selosteessa myös: {value}")
    for text, line in names:
        if controller:
            note_parts.append(text)
        else:
            b.unplaced.append(Line(text, line.number, line.where))
    if note_parts and controller:
        b.put((*base, "notes"), " ".join(note_parts), lines[0] if lines else None)
    elif note_parts:
        b.unplaced.extend(Line(p, lines[0].number, lines[0].where) for p in note_parts)


# ---------------------------------------------------------------------------------------------------- sections

def do_purposes(items: list[Sentence], b: Builder) -> None:
    for s in items:
        text = s.text
        match = re.search(r"\b(käytetään|käytetään myös|används( för| till)?|are used (for|to)|is used (for|to)|"
                          r"tarkoitus on|ändamålet är|purpose is)\s+(?P<tail>.+)$", text, re.IGNORECASE)
        pieces = [text]
        if match:
            tail = match.group("tail")
            split = _split_list(tail)
            if len(split) >= 3 and all(len(p) < 90 for p in split):
                pieces = [p[:1].upper() + p[1:] for p in split]
                b.extend_text((*ACT, "description"), text[:match.start()].strip() or text, s.line) \
                    if match.start() > 0 and text[:match.start()].strip().count(" ") > 3 else None
        if AUTOMATED.search(text) and not match:
            continue  # "Tietoja ei käytetä automatisoituun päätöksentekoon": read where automated decisions are
        found = _bases(text)
        previous = b.get((*ACT, "purposes")) or []
        if BASIS_ONLY.match(text) and found and previous and "basis" not in previous[-1]:
            index = len(previous) - 1
            b.put((*ACT, "purposes", index, "basis"), found[0], s.line)
            b.put((*ACT, "purposes", index, "basis_note"), text, s.line)
            continue
        if BASIS_SENTENCE.search(text):
            b.basis_sentences.append(s)
            continue
        for piece in pieces:
            entry: dict[str, Any] = {"purpose": piece}
            consent = CONSENT.search(piece)
            stated = [basis for basis in _bases(piece) if basis != "consent"]
            if consent:
                entry["basis"] = "consent"
                entry["basis_note"] = consent.group(0) if len(pieces) > 1 else piece
            elif len(stated) == 1:
                entry["basis"] = stated[0]
                entry["basis_note"] = piece
                law = LAW.search(piece)
                if stated[0] == "legal_obligation" and law:
                    entry["law"] = law.group(0)
            b.append((*ACT, "purposes"), entry, s.line)
            if TOPICS["marketing"].search(piece) and not b.get(("direct_marketing",)):
                b.put(("direct_marketing", "used"), True, s.line)
                if consent:
                    b.put(("direct_marketing", "basis"), "consent", s.line)


ART6 = _rx(r"\b6\s*(?:art\w*\.?|artiklan?)?\s*(?:\(?1\)?\s*(?:kohdan?|mom\w*|punkt\w*)?)?\s*[.(]?\s*"
           r"([a-f])\s*\)?(?![a-zåäö])")
ART6_BASES = {"a": "consent", "b": "contract", "c": "legal_obligation", "d": "vital_interests", "e": "public_task",
              "f": "legitimate_interests"}
BASIS_ONLY = _rx(r"^(käsittely|tämä käsittely|käsittelyn peruste|tietojen käsittely|processing|the processing|"
                 r"this processing|behandlingen|denna behandling)\b")
LAW = _rx(r"\b[\wåäö-]*(?:lai(?:n|ssa|sta)|laki|lagen|act)\b(?:\s*\(?\d+/\d{4}\)?)?")


def _bases(text: str) -> list[str]:
    """The legal bases a text names, in the order of Art 6(1)."""
    found = [basis for basis, pattern in BASES if pattern.search(text)]
    if CONSENT.search(text) and re.search(r"suostum|samtyck|consent", text, re.IGNORECASE) and "consent" not in found:
        found.append("consent")
    article = ART6.search(text)
    if article and ART6_BASES[article.group(1).lower()] not in found:
        found.insert(0, ART6_BASES[article.group(1).lower()])
    return found


BASIS_SENTENCE = _rx(r"oikeusperuste|käsittelyn peruste|peruste on|rättslig grund|grunden för|legal basis|"
                     r"lawful basis|basis for (the )?processing")


def do_basis(items: list[Sentence], b: Builder) -> None:
    text = " ".join(s.text for s in items)
    if not items:
        return
    found = [basis for basis, pattern in BASES if pattern.search(text)]
    purposes = b.get((*ACT, "purposes")) or []
    if not purposes:
        b.append((*ACT, "purposes"), {"purpose": text, "basis_note": text}, items[0].line)
        purposes = b.get((*ACT, "purposes"))
        if len(found) == 1:
            b.put((*ACT, "purposes", 0, "basis"), found[0], items[0].line)
        return
    if re.search(r"\bsopimu|\bsopimuk|\bavtal|\bcontract", text, re.IGNORECASE) and "contract" not in found:
        found.append("contract")
    for index, purpose in enumerate(purposes):
        if "basis" in purpose:
            continue
        b.put((*ACT, "purposes", index, "basis_note"), text, items[0].line)
        chosen = found[0] if len(found) == 1 else None
        if len(found) > 1:  # the notice names several bases for its purposes: marketing rests on consent
            marketing = bool(TOPICS["marketing"].search(str(purpose.get("purpose", ""))))
            if marketing and "consent" in found:
                chosen = "consent"
            elif not marketing:
                chosen = next((f for f in ("contract", "legitimate_interests", "legal_obligation") if f in found),
                              None)
        if chosen:
            b.put((*ACT, "purposes", index, "basis"), chosen, items[0].line)


LEAD_IN = _rx(r"(seuraav\w+ tiedot|tallennetaan|tallentuu|sisältää|on seuraavat|tietoja ovat|tiedot ovat|"
              r"tallennettav\w* tietoja|kerättäviä tietoja|följande|innehåller|uppgifter är|"
              r"the following|contains|we (collect|process)|rekisteriin (voidaan )?tallet)")


def do_data(items: list[Sentence], b: Builder) -> None:
    for s in items:
        text = s.text.strip()
        if text.endswith(":") and not s.bullet:
            continue
        lead = LEAD_IN.search(text) if not s.bullet else None
        body = text
        if lead and ":" in text[lead.end():lead.end() + 60]:
            body = text[text.index(":", lead.end()) + 1:] if ":" in text[lead.end():] else text[lead.end():]
        elif lead:
            body = text[lead.end():]
        body = body.strip(" :.")
        if not body:
            continue
        if s.bullet or (len(body) < 120 and not lead):
            clean_list = "," in body and not re.search(r"\b(kuten|jotka|joilla|joita|joka|jos|which|such as|som|"
                                                       r"if|om)\b", body, re.IGNORECASE)
            items_ = _split_list(body) if clean_list else [body]
            name = body if len(body) <= 80 else items_[0]
            entry: dict[str, Any] = {"id": slugify(name, b.category_ids), "name": name[:1].upper() + name[1:],
                                     "items": items_}
            if HEALTH.search(body):
                entry["special"] = "health"
            b.append((*ACT, "data_categories"), entry, s.line)
            continue
        if not lead:
            entry = {"id": slugify(body[:40], b.category_ids), "name": body if len(body) <= 80 else
                     body[:77].rsplit(" ", 1)[0] + "…", "items": [body]}
            if HEALTH.search(body):
                entry["special"] = "health"
            b.append((*ACT, "data_categories"), entry, s.line)
            continue
        items_ = _split_list(body)
        health = [i for i in items_ if HEALTH.search(i)]
        other = [i for i in items_ if not HEALTH.search(i)]
        if other:
            name = {"sv": "Personuppgifter", "en": "Personal data"}.get(b.data.get("_lang", "fi"), "Henkilötiedot")
            b.append((*ACT, "data_categories"), {"id": slugify(name, b.category_ids), "name": name,
                                                  "items": other}, s.line)
        if health:
            name = {"sv": "Hälsouppgifter", "en": "Health data"}.get(b.data.get("_lang", "fi"), "Terveystiedot")
            b.append((*ACT, "data_categories"), {"id": slugify(name, b.category_ids), "name": name,
                                                  "items": health, "special": "health"}, s.line)


SOURCE_WORDS = _rx(r"kerätään|kerää|saadaan|saamme|tallenta|syöttää|syötetään|haastattel|lomake|täyttää|täytetään|"
                   r"itseltään|asiakkaalta|asiakkailta|rekisteröidyiltä|lisäävät|kirjaa|ilmoittama|samlas|samlar|"
                   r"erhålls|får vi|collected|collect|obtained|provided|receive|ajanvaraus|varaus")


def do_sources(items: list[Sentence], b: Builder) -> None:
    for s in items:
        text = s.text
        if not SOURCE_WORDS.search(text):
            b.extend_text((*ACT, "notes"), text, s.line)
            continue
        kind = "data_subject"
        if DEVICE.search(text):
            kind = "device"
        elif STAFF.search(text):
            kind = "staff"
        elif THIRD.search(text):
            kind = "third_party"
        elif re.search(r"julkisista|offentliga|public (sources|registers)", text, re.IGNORECASE):
            kind = "public"
        b.append((*ACT, "sources"), {"type": kind, "description": text}, s.line)


def _recipient_name(text: str) -> str:
    short = re.split(r"[.;]", text)[0].strip()
    return short if len(short) <= 120 else short[:117].rsplit(" ", 1)[0] + "…"


RECIPIENT_WORDS = _rx(r"kirjanpitotoimisto|tilitoimisto|viranomai|verottaja|vakuutusyhtiö|perintä|"
                      r"bokföringsbyrå|myndighet|accounting firm|accountant|authorit|debt collect")


def do_disclosures(items: list[Sentence], b: Builder, *, transfers: bool = False) -> None:
    for s in items:
        text = s.text
        transfer = TOPICS["transfer"].search(text) or (transfers and not TOPICS["disclosure"].search(text))
        disclosure = TOPICS["disclosure"].search(re.sub(r"\bEU.*$", "", text) if transfer else text)
        if transfers and not TOPICS["transfer"].search(text):
            disclosure = None
        negative = bool(NEGATIVE_DISCLOSURE.search(text)) and not EXCEPT.search(text)
        if transfer:
            if negative:
                if b.get((*ACT, "transfers")) is None:
                    b.put((*ACT, "transfers"), [], s.line)
            else:
                entry: dict[str, Any] = {"safeguard_note": text}
                country = COUNTRY.search(text)
                code = COUNTRIES.get(country.group(0).lower()) if country else None
                if code:
                    entry = {"country": code, **entry}
                b.append((*ACT, "transfers"), entry, s.line)
        if disclosure or not transfer:
            if negative:
                if b.get((*ACT, "recipients")) is None:
                    b.put((*ACT, "recipients"), [], s.line)
            elif disclosure or RECIPIENT_WORDS.search(text):
                b.append((*ACT, "recipients"), {"name": _recipient_name(text), "description": text}, s.line)
            else:
                b.extend_text((*ACT, "notes"), text, s.line)
                continue
        if negative:
            b.extend_text((*ACT, "notes"), text, s.line)


COUNTRY = _rx(r"united states|\busa\b|yhdysvall\w*|förenta staterna|united kingdom|iso-britannia\w*|"
              r"storbritannien")
COUNTRIES = {"united states": "US", "usa": "US", "förenta staterna": "US", "united kingdom": "GB",
             "storbritannien": "GB"}
COUNTRIES.update({w: "US" for w in ("yhdysvallat", "yhdysvaltoihin", "yhdysvalloissa", "yhdysvalloista",
                                    "yhdysvaltojen")})
COUNTRIES.update({w: "GB" for w in ("iso-britannia", "iso-britanniaan", "iso-britanniassa")})


def do_transfers(items: list[Sentence], b: Builder) -> None:
    do_disclosures(items, b, transfers=True)


DPA = _rx(r"käsittelysopimu|tietojenkäsittelysopimu|biträdesavtal|data processing agreement|processing agreement|"
          r"\bDPA\b")


def find_processors(items: list[Sentence], b: Builder) -> None:
    """A company the notice itself calls its processor ("käsittelijä on Ajas Oy") becomes a processor."""
    from ..catalogue import catalogue
    from ..checker.facts import fact, pattern

    known = catalogue()
    for s in items:
        if not PROCESSOR_SENTENCE.search(s.text):
            continue
        for system in fact("systems"):  # a system of the catalogue named as working on the controller's behalf
            key = str(system["name"]).lower().replace("-", "")
            existing = [p.get("id") for p in b.get(("processors",)) or []]
            if key in known and key not in existing and pattern(system["pattern"]).search(s.text):
                entry: dict[str, Any] = {"id": key}
                company = next((n for n in COMPANY_NAME.findall(s.text) if key in n.lower().replace("-", "")), None)
                if company:
                    entry["name"] = company
                if DPA.search(s.text):
                    entry["dpa"] = True
                b.append(("processors",), entry, s.line)
                b.append((*ACT, "processors"), key, s.line)
        for name in COMPANY_NAME.findall(s.text):
            ident = slugify(name.rsplit(" ", 1)[0], set())
            existing = [p.get("id") for p in b.get(("processors",)) or []]
            if ident not in existing:
                entry = {"id": ident, "name": name}
                if DPA.search(s.text):
                    entry["dpa"] = True
                b.append(("processors",), entry, s.line)
                b.append((*ACT, "processors"), ident, s.line)


def do_security(items: list[Sentence], b: Builder) -> None:
    for s in items:
        text = s.text
        if text.endswith(":") and len(text) < 60:
            continue
        if PAPER.search(text) and (not TECHNICAL.search(text) or re.search(r"manuaali|paperi|papper|paper", text,
                                                                            re.IGNORECASE)):
            key = "paper_records"
        elif TECHNICAL.search(text):
            key = "technical"
        else:
            key = "organisational"
        b.append(("security", key), text, s.line)


def _period(text: str) -> dict[str, int] | None:
    match = PERIOD.search(text)
    if match:
        unit = match.group(2).lower()
        n = int(match.group(1))
        return {"months": n} if unit.startswith(("kk", "kuukau", "månad", "month")) else {"years": n}
    match = re.search(r"\b(\w+)\s+(vuoden|vuotta|år|years?)\b", text, re.IGNORECASE)
    if match and match.group(1).lower() in WORD_NUMBERS:
        return {"years": WORD_NUMBERS[match.group(1).lower()]}
    if re.search(r"\bvuoden ajan\b|\bett år\b|\bone year\b", text, re.IGNORECASE):
        return {"years": 1}
    return None


def do_retention(items: list[Sentence], b: Builder) -> None:
    for s in items:
        text = s.text
        period = _period(text)
        existing = b.get((*ACT, "retention")) or []
        if period:
            entry: dict[str, Any] = {"period": period}
            trigger = TRIGGER.search(text)
            if trigger:
                entry["trigger"] = trigger.group(0)
            entry["erasure"] = text
            b.append((*ACT, "retention"), entry, s.line)
        elif TOPICS["retention"].search(text) or not existing:
            b.append((*ACT, "retention"), {"criterion": text}, s.line)
        else:
            last = len(existing) - 1
            b.extend_text((*ACT, "retention", last, "erasure"), text, s.line)


def do_rights(items: list[Sentence], b: Builder) -> None:
    for s in items:
        text = s.text
        b.stated(text)
        if IDENTITY.search(text):
            b.extend_text(("rights", "identity_check"), text, s.line)
        elif (REQUEST.search(text) and re.search(
                r"osoitettava|osoittaa|tulee tehdä|tehdään|voi esittää|lähet|toimittaa|skickas|ska göras|"
                r"sent to|be made|send|contact|kohdassa", text, re.IGNORECASE)) or re.search(
                r"ota (meihin )?yhteyttä|contact us|kontakta oss|write to us|email us|kirjoita meille|"
                r"hör av dig", text, re.IGNORECASE):
            b.extend_text(("rights", "how_to_request"), text, s.line)
            channels = b.get(("rights", "channels")) or []
            for channel, pattern in (("in_person", r"henkilökohtai|käynnin yhteydessä|asiakaskäynnin|paikan päällä|"
                                                   r"toimipisteessä|personligen|in person"),
                                     ("email", r"sähköpost|e-post|e-?mail|[\w.+-]+@[\w-]+\.\w"),
                                     ("letter", r"kirjeitse|kirjeellä|postitse|per post|by post|by letter|brev|"
                                                r"kirjallinen|kirjallisesti|in writing|skriftlig"),
                                     ("phone", r"puhelimitse|per telefon|by phone"),
                                     ("web_form", r"lomakkeella|webblankett|web form|online form")):
                if re.search(pattern, text, re.IGNORECASE) and channel not in channels:
                    channels.append(channel)
            if channels:
                b.put(("rights", "channels"), channels, s.line)
        elif RESPONSE.search(text) and len(text) < 120:
            b.extend_text(("rights", "response_time"), text, s.line)
        else:
            b.extend_text(("rights", "notes"), text, s.line)


def do_marketing(items: list[Sentence], b: Builder) -> None:
    text_all = " ".join(s.text for s in items)
    if re.search(r"\b(emme|ei) (lähetä|harjoita|käytä).{0,30}markkin|no direct marketing|ingen direktmarknad",
                 text_all, re.IGNORECASE):
        b.put(("direct_marketing", "used"), False, items[0].line)
        b.extend_text(("direct_marketing", "consent_collection"), text_all, items[0].line)
        return
    b.put(("direct_marketing", "used"), True, items[0].line)
    consent_line = next((s for s in items if CONSENT.search(s.text)), None)
    if consent_line is not None:
        b.put(("direct_marketing", "basis"), "consent", consent_line.line)
    asking = _rx(r"kysy|kysytään|kysytty|kysyttävä|pyydetään|frågar|asks?\b|asked")
    said = [s for s in items if not asking.search(s.text)]
    channels = [c for c, pattern in MARKETING_CHANNELS if any(pattern.search(s.text) for s in said)]
    if channels:
        first = next(s for s in said if any(p.search(s.text) for _, p in MARKETING_CHANNELS))
        b.put(("direct_marketing", "channels"), channels, first.line)
    purpose_done = False
    for s in items:
        text = s.text
        if OPT_OUT.search(text):
            b.stated("kieltää")
            b.extend_text(("direct_marketing", "opt_out"), text, s.line)
        elif FREQUENCY.search(text):
            b.extend_text(("direct_marketing", "frequency"), text, s.line)
        elif re.search(r"kysy|kysytään|kysytty|pyydetään|frågar|asks?\b|asked", text, re.IGNORECASE):
            b.extend_text(("direct_marketing", "consent_collection"), text, s.line)
        elif not purpose_done:
            entry: dict[str, Any] = {"purpose": text}
            if consent_line is not None:
                entry["basis"] = "consent"
                entry["basis_note"] = consent_line.text
            b.append((*ACT, "purposes"), entry, s.line)
            purpose_done = True
        else:
            b.extend_text(("direct_marketing", "consent_collection"), text, s.line)


def do_cookies(items: list[Sentence], title: str, heading: Line | None, b: Builder) -> None:
    text_all = " ".join(s.text for s in items)
    used = not re.search(r"(emme|ei) käytä evästeitä|we do not use cookies|använder inte (kakor|cookies)",
                         text_all, re.IGNORECASE)
    b.put(("cookies", "used"), used, items[0].line if items else heading)
    rest: list[Sentence] = []
    manage = _rx(r"asetuks|estää|poistaa|tyhjentää|hallita|settings|inställning|block|disable|manage|radera")
    chosen = next((s for s in items if manage.search(s.text)), None)
    for s in items:
        if s is chosen:
            b.put(("cookies", "management"), s.text, s.line)
        else:
            rest.append(s)
    if rest:
        do_extra(rest, title or "Evästeet", b)


def do_breach(items: list[Sentence], b: Builder) -> None:
    for s in items:
        text = s.text
        hours = re.search(r"\b(\d{1,3})\s*(tunnin|tuntia|timmar|timmars|hours?|h)\b", text, re.IGNORECASE)
        if hours and re.search(r"valvonta|viranomai|tietosuojavaltuut|myndighet|authority|ombudsman", text,
                               re.IGNORECASE):
            b.put(("breach_procedure", "authority_within_hours"), int(hours.group(1)), s.line)
        subjects = re.match(r"^(rekisteröidylle|rekisteröidyille|asiakkaille|de registrerade|"
                            r"the data subjects?)\s*:?\s*(.+)$", text, re.IGNORECASE)
        if subjects:
            b.put(("breach_procedure", "notify_subjects"), subjects.group(2).strip(), s.line)
        if re.search(r"kirjaa|kirjataan|dokumentoi|documented|document (every|all)|record (every|all)|"
                     r"dokumenterar|registrerar", text, re.IGNORECASE):
            b.put(("breach_procedure", "documented"), True, s.line)
        b.extend_text(("breach_procedure", "description"), text, s.line)


def do_breach_text(items: list[Sentence], b: Builder) -> None:
    for s in items:
        b.extend_text(("breach_procedure", "description"), s.text, s.line)


AUTOMATED = _rx(r"automa\w* päätöksen|automa\w* päätöks|profiloi|profilointi|automated decision|profiling|"
                r"automatiserad\w* beslut|automatiskt beslut|profilering")


def source_sentences(sections: list[Section]) -> list[Sentence]:
    return [s for section in sections for s in sentences(section.lines)]


def do_automated(items: list[Sentence], b: Builder) -> None:
    if not items:
        return
    text = " ".join(s.text for s in items)
    negative = re.search(r"\b(emme|ei|eikä|ei tehdä|ei käytetä|no|not|inte|ingen|inga)\b", text, re.IGNORECASE)
    entry: dict[str, Any] = {"used": not negative}
    if not negative:
        entry["logic"] = text
    b.put((*ACT, "automated_decisions"), entry, items[0].line)
    if negative and re.search(r"profil", text, re.IGNORECASE):
        b.put((*ACT, "automated_decisions", "profiling"), False, items[0].line)


def do_provision(items: list[Sentence], b: Builder) -> None:
    if not items:
        return
    text = " ".join(s.text for s in items)
    if re.search(r"edellytys|ehto|välttämätön|pakollinen|required|necessary|förutsättning|krävs|nödvändig",
                 text, re.IGNORECASE):
        requirement = "contract_precondition"
    elif re.search(r"lakisääteinen|laki edellyttää|statutory|required by law|lagstadgad", text, re.IGNORECASE):
        requirement = "statutory"
    elif re.search(r"vapaaehtoi|frivillig|voluntary", text, re.IGNORECASE):
        requirement = "voluntary"
    else:
        b.extend_text((*ACT, "notes"), text, items[0].line)
        return
    b.put((*ACT, "provision"), {"requirement": requirement, "consequences": text}, items[0].line)


def do_extra(items: list[Sentence], title: str, b: Builder) -> None:
    if not items:
        return
    body = "\n\n".join(s.text for s in items) if any(s.bullet for s in items) else " ".join(s.text for s in items)
    b.append(("extra_sections",), {"title": title or "Muuta", "body": body}, items[0].line)


# ---------------------------------------------------------------------------------------------------- main

HANDLERS = {"purpose": "purpose", "basis": "basis", "data_content": "data", "sources": "sources",
            "disclosures": "disclosures", "transfers": "transfers", "disclosures_transfers": "disclosures",
            "security": "security", "retention": "retention", "rights": "rights", "marketing": "marketing",
            "breach": "breach"}


def import_source(source: Source) -> Imported:
    """The as-is description of the notice in `source`."""
    sections = split(source.lines)
    full_text = " ".join(line.text for line in source.lines)
    language = detect_language(full_text)
    b = Builder(source)
    b.data["_lang"] = language
    if language != "fi":
        b.put(("languages",), [language], None)

    # what each routed section's sentences are, after moving sentences to the topic they are about
    buckets: dict[str, list[Sentence]] = {}
    ordered: list[tuple[str, Section, list[Sentence]]] = []
    for section in sections:
        items = sentences(section.lines)
        if section.kind in ROUTED_KINDS:
            own = TOPIC_OF_KIND.get(section.kind)
            keep: list[Sentence] = []
            for s in items:
                found = topics(s.text)
                if not found or own in found or (section.kind == "data_content" and s.bullet):
                    keep.append(s)
                    if own == "rights" and "marketing" in found and OPT_OUT.search(s.text):
                        buckets.setdefault("marketing", []).append(s)
                    continue
                target = found[0]
                if section.kind in ("purpose", "purpose_sources") and target == "marketing" and \
                        re.search(r"käytetään|används|used for|tarkoitus", s.text, re.IGNORECASE):
                    keep.append(s)
                    continue
                if section.kind in ("purpose", "purpose_sources") and target in ("security", "retention") and \
                        len(found) == 1 and not re.search(r"säilyt|bevara|retain|kept", s.text, re.IGNORECASE):
                    keep.append(s)
                    continue
                kind = {"transfer": "transfers", "disclosure": "disclosures"}.get(target, target)
                buckets.setdefault(kind, []).append(s)
            items = keep
        ordered.append((section.kind, section, items))

    # the document and the controller
    preamble = next((items for kind, _, items in ordered if kind == "preamble"), [])
    title_line = sections[0].lines[0] if sections[0].lines else None
    if title_line is not None and len(title_line.text) <= 200:
        b.put(("document", "title"), title_line.text.strip(), title_line)
        preamble = [s for s in preamble if s.line is not title_line]
    elif sections[1:] and sections[1].kind == "other" and sections[1].heading is not None:
        b.put(("document", "title"), sections[1].title, sections[1].heading)
        preamble = preamble + ordered[1][2]  # the title's own text is the notice's preamble
        ordered[1] = ("title", sections[1], [])
    for kind, section, items in ordered:
        if kind == "date" or (section.heading is not None and DATE.search(section.title)):
            match = DATE.search(section.title + " " + " ".join(s.text for s in items))
            if match and section.heading is not None:
                value = parse_date(*match.groups())
                key = "updated" if re.search(r"päivit|uppdater|updated", section.title, re.IGNORECASE) else "drafted"
                if value and ("document" not in b.data or key not in b.data["document"]):
                    b.put(("document", key), value, section.heading)
    if not (b.get(("document",)) or {}).get("drafted"):
        for line in source.lines[:12] + source.lines[-6:]:
            for match in DATED.finditer(line.text):
                value = parse_date(match.group(2), match.group(3), match.group(4))
                key = "updated" if re.search(r"päivit|uppdater|updated|ändrad|muutos|muutettu|muokattu|revised",
                                             match.group(1), re.IGNORECASE) else "drafted"
                if value and key not in (b.get(("document",)) or {}):
                    b.put(("document", key), value, line)
    title = str((b.get(("document",)) or {}).get("title", ""))
    if RECORD_TITLE.search(title):
        b.put(("document", "kind"), "record", b.origin.get(("document", "title")))

    controller_lines = [ln for kind, s, _ in ordered if kind == "controller" for ln in s.lines]
    if controller_lines:
        parse_party(controller_lines, b, ("controller",), controller=True)
    contact_lines = [ln for kind, s, _ in ordered if kind == "contact" for ln in s.lines]
    if contact_lines:
        parse_party(contact_lines, b, ("privacy_contact",), controller=False)
        contact = b.get(("privacy_contact",)) or {}
        if "name" not in contact and contact:
            b.put(("privacy_contact", "name"), b.get(("controller", "name")) or "?", contact_lines[0])
    if "controller" not in b.data:  # a modern notice may name the controller in its first paragraph
        intro = [s.line for s in preamble if BUSINESS_ID.search(s.text) or POSTAL.search(s.text)
                 or EMAIL.search(s.text)]
        if intro:
            parse_party(list(dict.fromkeys(intro)), b, ("controller",), controller=True)
            preamble = [s for s in preamble if s.line not in intro]
    if "name" not in (b.get(("controller",)) or {}):
        b.put(("controller", "name"), {"sv": "(personuppgiftsansvarig nämns inte)",
                                       "en": "(the controller is not named)"}.get(language, "(rekisterinpitäjää ei "
                                                                                            "mainita)"), None)
        b.notes.append("controller.name: the notice does not name the controller")

    # the activity
    register = [s for kind, _, items in ordered if kind == "register_name" for s in items]
    if register:
        b.put((*ACT, "id"), slugify(register[0].text, set()), register[0].line)
        b.put((*ACT, "name"), register[0].text.strip(" ."), register[0].line)
        for s in register[1:]:
            b.extend_text((*ACT, "description"), s.text, s.line)
    else:
        default = {"sv": "Kundregister", "en": "Customer register"}.get(language, "Asiakasrekisteri")
        b.put((*ACT, "id"), "rekisteri", None)
        b.put((*ACT, "name"), default, None)
        b.notes.append("activities[0].name: the notice does not name its register; the name is seloste's")
    for s in preamble:
        b.extend_text((*ACT, "description"), s.text, s.line)

    subject = {"sv": (r"\bkund|\bdina?\b", "kunder"), "en": (r"\bcustomer|\bclient|\byour?\b", "customers")}.get(
        language, (r"\basiak|\bsinun\b|\bsinä\b|tietojasi\b", "asiakkaat"))
    first = next((ln for ln in source.lines if re.search(subject[0], ln.text.lower()) and "@" not in ln.text), None)
    if first is not None:
        b.put((*ACT, "data_subjects"), [subject[1]], first)

    handled_kinds = set()
    later: list[tuple[str, Section, list[Sentence]]] = []
    for kind, section, items in ordered:
        if kind in ("preamble", "title", "controller", "contact", "register_name", "date"):
            continue
        items = items + buckets.pop({"disclosures_transfers": "disclosures"}.get(kind, kind), [])
        handled_kinds.add(kind)
        if kind == "basis":
            later.append((kind, section, items))
            continue
        dispatch(kind, section, items, b)
    for kind, items in buckets.items():  # topics the notice has no heading for
        if items:
            dispatch(kind, None, items, b)
    for kind, section, items in later:
        dispatch(kind, section, items, b)
    if b.basis_sentences:
        do_basis(b.basis_sentences, b)
    find_processors([s for _, _, items in ordered for s in items], b)
    _implied(b, [s for _, _, items in ordered for s in items])
    if "automated_decisions" not in (b.get(ACT) or {}):
        said = [s for s in source_sentences(sections) if AUTOMATED.search(s.text)]
        if said:
            do_automated(said[:1], b)

    # Kanta and processors named anywhere
    kanta = next((ln for ln in source.lines if KANTA.search(ln.text)), None)
    if kanta is not None:
        b.put(("health_care",), {"professional": True, "kanta": True}, kanta)
    if b.rights_stated:
        first = b.origin.get(("rights", "notes")) or b.origin.get(("rights", "how_to_request"))
        b.put(("rights", "stated"), list(b.rights_stated), first)
    if not b.get((*ACT, "purposes")):
        b.notes.append("activities[0].purposes: the notice states no purpose")
    b.data.pop("_lang", None)
    return Imported(source, _ordered(b.data), b.origin, sections, b.unplaced, language, b.notes)


CARE_DATA = _rx(r"hoitotie[dt]|potilastie[dt]|potilasasiakirj|terveystie[dt]|patientuppgift|journal|patient record|"
                r"medical record")


def _implied(b: Builder, items: list[Sentence]) -> None:
    """What the notice says in passing: health data it sends to Kanta, a marketing consent it stores."""
    categories = b.get((*ACT, "data_categories")) or []
    if not any(c.get("special") == "health" for c in categories):
        care = next((s for s in items if CARE_DATA.search(s.text) and not s.bullet), None)
        if care is not None:
            name = {"sv": "Vårduppgifter", "en": "Care data"}.get(str(b.data.get("_lang")), "Hoitotiedot")
            b.append((*ACT, "data_categories"), {"id": slugify(name, b.category_ids), "name": name,
                                                  "items": [care.text], "special": "health"}, care.line)
    explicit = next((s for s in items if re.search(r"nimenomai\w* suostum|uttryckligt? samtycke|explicit consent",
                                                  s.text, re.IGNORECASE)), None)
    if explicit is not None:
        for index, category in enumerate(b.get((*ACT, "data_categories")) or []):
            if category.get("special") and "condition" not in category:
                b.put((*ACT, "data_categories", index, "condition"), "explicit_consent", explicit.line)
    if "direct_marketing" not in b.data:
        for index, category in enumerate(categories):
            text = " ".join([str(category.get("name", "")), *map(str, category.get("items") or [])])
            if TOPICS["marketing"].search(text):
                line = b.origin.get((*ACT, "data_categories", index, "name"))
                b.put(("direct_marketing", "used"), True, line)
                if CONSENT.search(text):
                    b.put(("direct_marketing", "basis"), "consent", line)
                break


def dispatch(kind: str, section: Section | None, items: list[Sentence], b: Builder) -> None:
    title = section.title if section is not None else ""
    heading = section.heading if section is not None else None
    if kind == "purpose_sources":
        purpose = [s for s in items if not re.search(r"kerätään|kerätä|saadaan|tallennetaan|collected|samlas",
                                                     s.text, re.IGNORECASE)]
        do_purposes(purpose, b)
        do_sources([s for s in items if s not in purpose], b)
    elif kind == "purpose":
        do_purposes(items, b)
    elif kind == "basis":
        do_basis(items, b)
    elif kind == "data_content":
        do_data(items, b)
    elif kind == "sources":
        do_sources(items, b)
    elif kind in ("disclosures", "disclosures_transfers"):
        do_disclosures(items, b)
    elif kind == "transfers":
        do_transfers(items, b)
    elif kind == "security":
        do_security(items, b)
    elif kind == "retention":
        do_retention(items, b)
    elif kind == "rights":
        do_rights(items, b)
    elif kind == "marketing":
        if items:
            do_marketing(items, b)
    elif kind == "cookies":
        do_cookies(items, title, heading, b)
    elif kind == "breach":
        do_breach(items, b)
    elif kind == "breach" and section is None:
        do_breach_text(items, b)
    elif kind == "automated":
        do_automated(items, b)
    elif kind == "provision":
        do_provision(items, b)
    else:
        do_extra(items, title, b)


ORDER = ["$schema", "schema_version", "languages", "document", "controller", "privacy_contact", "representative",
         "dpo", "health_care", "processors", "activities", "direct_marketing", "cookies", "security", "rights",
         "breach_procedure", "extra_sections"]
ACTIVITY_ORDER = ["id", "name", "description", "purposes", "data_subjects", "data_categories", "sources",
                  "provision", "recipients", "processors", "transfers", "retention", "automated_decisions", "notes"]


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    out = {key: data[key] for key in ORDER if key in data}
    out.update({k: v for k, v in data.items() if k not in out})
    activities = out.get("activities")
    if isinstance(activities, list):
        out["activities"] = [{**{k: a[k] for k in ACTIVITY_ORDER if k in a},
                              **{k: v for k, v in a.items() if k not in ACTIVITY_ORDER}} for a in activities]
    return out
