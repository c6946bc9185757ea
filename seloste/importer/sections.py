"""Find the sections of an old notice: its headings (numbered or not, in Finnish, Swedish or English, the old
"rekisteriseloste" headings of Henkilötietolaki 523/1999 included) and the two-column table form of an Art 30
record, where each row is a heading and its text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sources import Line

#: Section kinds and the heading wordings that name them, most specific first. Matched at the start of the
#: heading's text, lower-cased, with its numbering removed.
KINDS: list[tuple[str, str]] = [
    # combined sections first
    ("disclosures_transfers", r"(säännönmukaiset )?(tietojen )?(säännönmukaiset )?(luovutukset|luovuttaminen|luovutus)"
                              r".{0,60}(siirt|eu[:n ]|eta)"),
    ("purpose_sources", r"rekisterin käyttötarkoitus ja tietolähteet"),
    ("breach", r"(tietoturvaloukkau|henkilötietojen tietoturvaloukkau|personuppgiftsincident|"
               r"(personal )?data breach)"),
    ("controller", r"(rekisterinpitäjä|rekisterinpitäjän yhteystiedot|rekisterinpitäjä ja yhteystiedot|"
                   r"personuppgiftsansvarig|registeransvarig|(the )?(data )?controller|controller's contact)"),
    ("contact", r"((rekisteri|tietosuoja)asioi(ta|sta|ssa)|yhteyshenkilö|rekisteriasioita hoitava|"
                r"(rekisteriä koskevissa asioissa)|yhteydenotot|kontaktperson|kontakt i|contact person|"
                r"contact (details|information)|dataskyddsombud|tietosuojavastaava|data protection officer|"
                r"rekisterin yhteyshenkilö)"),
    ("register_name", r"(rekisterin ?nimi|registrets namn|name of the (register|filing system))"),
    ("purpose", r"((käsittelyn )?(oikeusperuste(et)?|peruste) (ja|och|and) .{0,40}(tarkoitu|ändamål|purpose)|"
                r"(rättslig grund|legal basis) (och|and) .{0,40}(ändamål|purpose)|"
                r"henkilötietojen käsittelyn (ja rekisterin )?(käyttö)?tarkoitu(s|kset)|(rekisterin )?"
                r"käyttötarkoitu(s|kset)|käsittelyn tarkoitu(s|kset)|henkilötietojen käyttötarkoitu(s|kset)|"
                r"tarkoitu(s|kset)|(ändamål|ändamålen)( med)?|varför (vi )?behandlar|"
                r"(the )?purposes? (of|for)( the)?( processing)?|why we process)"),
    ("basis", r"((käsittelyn |rekisterin pitämisen |henkilötietojen käsittelyn )?(oikeus)?peruste|"
              r"rättslig grund|grund för behandling|legal basis|lawful basis)"),
    ("data_content", r"(rekisterin tietosisältö|tietosisältö|registrets (data)?innehåll|datainnehåll|"
                     r"rekisteröityjen ryhmät|henkilötietoryhmät|"
                     r"käsiteltävät (henkilö)?tiedot|mitä tietoja|registrets innehåll|personuppgifter som behandlas|"
                     r"uppgifter som (behandlas|samlas)|kategorier av personuppgifter|"
                     r"(categories of )?personal data (we )?(process|collect)|data content|what data|"
                     r"the data we (collect|process))"),
    ("sources", r"((säännönmukaiset )?tietolähteet|mistä (saamme|tiedot)|(regelbundna )?uppgiftskällor|källor|"
                r"(regular )?sources of (the )?(personal )?data|where we get)"),
    ("transfers", r"(tietojen siirto|siirto eu|siirrot|siirretäänkö|överföring|transfers?( of (personal )?data)? "
                  r"(outside|to third))"),
    ("disclosures", r"(tietojen )?(säännönmukaiset )?(luovutukset|luovutus|luovuttaminen)|vastaanottaj|"
                    r"(henkilötietojen )?vastaanottaj|(regelbundet |regelbundna )?utlämnande|(regelbundna )?mottagare|"
                    r"(regular )?disclosures?|recipients|regular destinations"),
    ("retention", r"(tietojen )?(säilytys|säilyttäminen|säilytysaika|säilytysajat)|"
                  r"(tietoryhmien )?(suunnitellut )?poistamisajat|"
                  r"(lagring|bevarande|lagringstid)|(data )?retention|storage period|how long"),
    ("security", r"((rekisterin |tietojen )?suojauksen periaatte|principerna för skydd|skydd av registret|"
                 r"registrets skydd|principles of (register |data )?(protection|protecting)|register protection|"
                 r"data security|suojaus|(tekniset ja organisatoriset )?turvatoimet|"
                 r"tietoturva|tekniset ja organisatoriset|"
                 r"skydd|säkerhet|security|protection of (the )?(personal )?data)"),
    ("cookies", r"(evästeet|eväste|cookies?|kakor)"),
    ("marketing", r"(suora)?markkinointi|direktmarknadsföring|marknadsföring|(direct )?marketing"),
    ("rights", r"((tietojen )?poistaminen|oikeus tulla unohdetuksi|rekisteröidyn oikeudet|"
               r"rekisteröidyn oikeuksista|oikeutesi|tarkastusoikeus|tarkastamisoikeus|"
               r"tarkastus- ja kiel|oikeus vaatia tiedon|muut henkilötietojen käsittelyyn liittyvät oikeudet|"
               r"oikeus|oikeudet|den registrerades rättigheter|rättigheter|rätt till|granskningsrätt|"
               r"rights?( of the data subject)?|your rights|data subject rights)"),
    ("automated", r"(automaattinen päätöksenteko|automaattiset päätökset|profilointi|automatiserat beslutsfattande|"
                  r"automatiserade beslut|profilering|automated decision|profiling)"),
    ("provision", r"((henkilö)?tietojen antaminen|tietojen antamisen|onko tietojen antaminen|velvollisuus antaa|"
                  r"skyldighet att lämna|lämnande av (person)?uppgifter|providing (your )?(personal )?data|"
                  r"obligation to provide|do you have to)"),
    ("date", r"(laatimispäivä|päivitetty|laadittu|upprättad|uppdaterad|date|last updated)"),
]
_KINDS = [(kind, re.compile(pattern)) for kind, pattern in KINDS]
_NUMBER = re.compile(r"^\s*(?:§\s*)?(\d{1,2})(?:\.\d{1,2})*[.):]?\s+(?=\S)")
_ROMAN = re.compile(r"^\s*([IVX]{1,4})\.\s+")


@dataclass
class Section:
    kind: str                       # one of KINDS, "preamble" before the first heading, "other" for unknown ones
    title: str
    heading: Line | None
    number: str = ""                # the notice's own numbering ("5"); empty when its headings are not numbered
    lines: list[Line] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"§{self.number}" if self.number else ""


#: For a line that is surely a heading (numbered, or marked so by the format) but names no kind at its start:
#: a word anywhere in it that tells the topic.
LOOSE: list[tuple[str, str]] = [
    ("cookies", r"evästee|cookie|kakor"),
    ("breach", r"tietoturvaloukkau|personuppgiftsincident|breach"),
    ("purpose", r"\bmiksi\b|\bwhy\b|\bvarför\b|mihin (käytämme|tietoja)|what .{0,30}\bfor\b"),
    ("retention", r"kuinka kauan|how long|hur länge|säilyt"),
    ("marketing", r"markkinoin|marknadsför|marketing|uutiskirje|nyhetsbrev|newsletter"),
    ("transfers", r"\beu\b|eta[:-]|ees\b|eea\b|kolmansiin maihin|tredje land|third countr"),
    ("disclosures", r"luovut|vastaanottaj|mottagare|utlämna|recipient|disclos|\bshare|\bjaamme|\bdelar\b|"
                    r"kenelle|who (can )?(see|receive)"),
    ("retention", r"säilyt|poistamis|lagring|bevara|retention|how long"),
    ("security", r"suoja|turva|skydd|säkerhet|security|protect"),
    ("sources", r"lähtee|lähteet|källor|source"),
    ("rights", r"oikeu|rättighet|rätt att|rights?\b"),
    ("data_content", r"tietosisäl|käsittelemme|keräämme|innehåll|vilka uppgifter|what (personal )?data"),
    ("purpose", r"tarkoitu|ändamål|purpose"),
    ("contact", r"yhteyshenkilö|yhteystiedot|kontakt|contact"),
]
_LOOSE = [(kind, re.compile(pattern)) for kind, pattern in LOOSE]
#: A document's own title: never a section of its own kind.
TITLE = re.compile(r"tietosuojaseloste|rekisteriseloste|tietosuojakäytäntö|tietosuojailmoitus|dataskyddsbeskrivning|"
                   r"registerbeskrivning|dataskyddspolicy|integritetspolicy|privacy (notice|policy|statement)|"
                   r"seloste käsittelytoimista|record of processing")


def kind_of(title: str, *, loose: bool = False) -> str | None:
    """The section kind a heading's text names, or None. `loose` also reads a topic word anywhere in it."""
    text = " ".join(title.lower().replace("\u2019", "'").split())
    text = text.strip(" :.;-–")
    for kind, pattern in _KINDS:
        if pattern.match(text):
            return kind
    if loose and not TITLE.search(text):
        for kind, pattern in _LOOSE:
            if pattern.search(text):
                return kind
    return None


def _strip_number(text: str) -> tuple[str, str]:
    match = _NUMBER.match(text) or _ROMAN.match(text)
    if match:
        return match.group(1), text[match.end():]
    return "", text


def _looks_like_heading(text: str, numbered: bool, marked: bool) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > (140 if numbered or marked else 90):
        return False
    if stripped.startswith(("•", "-", "–", "*")):
        return False
    if not marked and re.search(r"[^:]:\s+\S", stripped):  # "Rekisterinpitäjä: Yritys Oy" is a labelled value
        return False
    words = stripped.split()
    if not numbered and not marked and (len(words) > 9 or (stripped.endswith(".") and len(words) > 3)):
        return False
    return stripped[0].isupper() or stripped[0].isdigit() or marked


def split(lines: list[Line]) -> list[Section]:
    """The notice's sections in order. Text before the first heading is the `preamble` section."""
    sections = [Section("preamble", "", None)]
    for line in lines:
        number, rest = _strip_number(line.text)
        first, _, after = rest.partition("\t")
        if line.cells and len(line.cells) >= 2 and not line.text.startswith("\t"):
            first, after = line.cells[0], "\t".join(line.cells[1:])
        kind = kind_of(first) if first.strip() else None
        tabbed = bool(after.strip()) and kind is not None and len(first) <= 160
        if tabbed and kind is not None:  # the two-column form: heading cell, text cell
            section = Section(kind, first.strip(), line, number)
            section.lines.append(Line(after.strip(), line.number, line.where))
            sections.append(section)
            continue
        labelled = re.match(r"^(.{3,80}?):\s+(\S.*)$", rest)
        if labelled and not labelled.group(2).startswith("//"):
            label, value = labelled.groups()
            kind = kind_of(label)
            if kind is not None and kind != sections[-1].kind:  # "Rekisterin nimi: Asiakasrekisteri"
                section = Section(kind, label.strip(), line, number)
                section.lines.append(Line(value.strip(), line.number, line.where))
                sections.append(section)
                continue
        numbered = bool(number)
        candidate = rest.strip()
        if _looks_like_heading(candidate, numbered, line.heading):
            kind = kind_of(candidate, loose=line.heading or candidate.endswith("?")
                           or (numbered and not candidate.endswith((".", ","))))
            if kind is None and (line.heading or (numbered and candidate[:1].isupper() and len(candidate) < 80
                                                  and not candidate.endswith((".", ",")))
                                 or (candidate.isupper() and len(candidate) > 3 and len(candidate.split()) <= 6)):
                kind = "other"
            if kind is not None:
                sections.append(Section(kind, candidate.strip(" :"), line, number))
                continue
        text = line.text.strip()
        if text:
            sections[-1].lines.append(Line(text, line.number, line.where, line.heading, line.cells))
    return sections
