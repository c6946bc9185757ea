"""Finnish and Swedish words for the schema's fixed values, so a hint can name the right value.

An owner writes what they would say: `basis: sopimus`, `special: terveystiedot`, `period: 3 vuotta`. The schema
wants `contract`, `health`, `{years: 3}`. `suggest` finds the value a Finnish (or Swedish) word means among the
values allowed; `period_hint` reads a period written as text ("3 vuotta", "6 kk", "2 år") into the mapping the
schema expects. Words are matched on their start after lower-casing, so inflected forms ("sopimukseen",
"suostumuksella") are found too.
"""

from __future__ import annotations

import re

#: Each allowed value with the starts of the Finnish and Swedish words that mean it (most specific first).
WORDS: dict[str, tuple[str, ...]] = {
    # legal bases (GDPR 6(1)) and direct-marketing bases
    "explicit_consent": ("nimenomai", "uttryckligt samtycke"),
    "consent": ("suostum", "lupa", "luva", "samtyck"),
    "contract": ("sopimu", "sopimuk", "asiakassuhde", "asiakassuhte", "avtal"),
    "legal_obligation": ("lakisääteinen velvoite", "lakisääteis", "lain vaatim", "laki", "lagstadg", "rättslig "
                         "förpliktelse"),
    "vital_interests": ("elintärk", "vitala intressen"),
    "public_task": ("yleinen etu", "yleisen edun", "julkisen vallan", "allmänt intresse"),
    "legitimate_interests": ("oikeutettu etu", "oikeutetun edun", "oikeutettu", "berättigat intresse", "berättigade"),
    "customer_exception": ("asiakassuhteen poikkeus", "asiakaspoikkeus", "kundundantag"),
    # special categories (GDPR 9(1))
    "health": ("terve", "hälso", "hälsa", "sairau", "allergi"),
    "genetic": ("geneett", "perimä", "genetisk"),
    "biometric": ("biometr",),
    "racial_ethnic": ("etni", "rotu", "etnisk", "ras"),
    "political": ("poliitt", "politisk"),
    "religious": ("uskonn", "vakaumu", "religi"),
    "trade_union": ("ammattiliit", "ammattiyhdistys", "fackförening"),
    "sex_life": ("seksu", "sexual", "sexualliv"),
    "criminal": ("rikos", "brott"),
    # Art 9(2) conditions
    "employment": ("työoikeu", "työsuhte", "arbetsrätt"),
    "health_care": ("terveydenhuol", "hoitotarkoitu", "potilas", "hälso- och sjukvård", "sjukvård"),
    "legal_claims": ("oikeusvaate", "rättsliga anspråk"),
    "made_public": ("julkistam", "itse julkist", "offentliggjort"),
    # patient records, provision
    "electronic": ("sähköi", "elektron", "digit"),
    "paper": ("paperi", "papper"),
    "both": ("molemm", "kumpiki", "båda", "bägge"),
    "none": ("ei mitään", "ei ole", "ingen", "inga"),
    "statutory": ("lakisää", "lagstadg"),
    "contractual": ("sopimukse", "avtalsenlig"),
    "voluntary": ("vapaaehto", "frivillig"),
    # processor roles and kinds
    "processor": ("käsittelijä", "personuppgiftsbiträde", "biträde"),
    "independent_controller": ("itsenäinen rekisterinpitäjä", "rekisterinpitäjä", "personuppgiftsansvarig"),
    "booking": ("ajanvara", "tidsbokning", "bokning"),
    "payment": ("maksu", "betalning"),
    "accounting": ("kirjanpi", "tilitoimi", "bokföring"),
    "newsletter": ("uutiskir", "nyhetsbrev"),
    # channels
    "email": ("sähköpost", "e-post", "epost"),
    "sms": ("tekstivies", "sms", "textmeddel"),
    "post": ("kirje", "posti", "brev"),
    "letter": ("kirje", "posti", "brev"),
    "phone": ("puhelin", "soitto", "telefon"),
    "in_person": ("paikan päällä", "henkilökohtai", "vastaanotol", "personligen"),
    "web_form": ("lomake", "verkkolomake", "webbformulär", "formulär"),
    "social_media": ("some", "sosiaalinen media", "sosiaalise", "sociala medier"),
    # cookies
    "necessary": ("välttämät", "nödvändig"),
    "statistics": ("tilasto", "analytiik", "statistik"),
    "marketing": ("markkinoin", "mainon", "marknadsför"),
    "preferences": ("asetus", "mieltymy", "inställning"),
    # rights (Art 15–21, 77)
    "access": ("tarkastus", "pääsy", "tillgång"),
    "rectification": ("oikaisu", "korjaa", "rättelse"),
    "erasure": ("poisto", "poista", "unohdetuksi", "radering"),
    "restriction": ("rajoitta", "begränsning"),
    "portability": ("siirrä", "siirto", "dataportab", "överföring"),
    "objection": ("vastusta", "invändning"),
    "withdraw_consent": ("peruut", "peru suostum", "återkalla"),
    "complaint": ("valitu", "kantelu", "klagomål"),
    # documents and languages
    "notice": ("seloste", "tietosuojaseloste", "beskrivning"),
    "record": ("käsittelytoimi", "register över"),
    "fi": ("suomi", "finska"),
    "sv": ("ruotsi", "svenska"),
    "en": ("englanti", "engelska"),
    # sources
    "data_subject": ("rekisteröi", "asiakkaalta itseltään", "asiakkaalta", "itseltään", "den registrerade"),
    "third_party": ("kolmas", "kolmanne", "tredje part"),
}

#: Units of a retention period, with the starts of their Finnish, Swedish and English words.
UNITS: dict[str, tuple[str, ...]] = {
    "years": ("vuo", "v", "år", "ar", "year", "yr"),
    "months": ("kuu", "kk", "mån", "man", "month", "mo"),
    "days": ("päiv", "pv", "vrk", "dag", "day", "d"),
}

_PERIOD = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([^\d\s.,]+)\.?\s*$")


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").split())


def suggest(value: object, options: list[str]) -> str | None:
    """The allowed value that a Finnish or Swedish `value` means, or None."""
    if not isinstance(value, str):
        return None
    text = _norm(value)
    if not text:
        return None
    best: tuple[int, str] | None = None
    for option in options:
        for word in WORDS.get(option, ()):
            if f" {word}" in f" {text}" and (best is None or len(word) > best[0]):
                best = (len(word), option)
    return best[1] if best else None


def unit(word: str) -> str | None:
    """'years', 'months' or 'days' for a unit written in Finnish, Swedish or English ("vuotta", "kk", "år")."""
    text = _norm(word).rstrip(".")
    matches = [(len(start), name) for name, starts in UNITS.items() for start in starts
               if text.startswith(start) and (len(start) > 1 or len(text) == 1)]
    return max(matches)[1] if matches else None


def period_hint(value: object) -> str | None:
    """The YAML of a period written as text: '3 vuotta' → '{years: 3}'; None when it is not one."""
    if not isinstance(value, str):
        return None
    match = _PERIOD.match(value)
    if not match:
        return None
    name = unit(match.group(2))
    number = match.group(1).replace(",", ".")
    if name is None or "." in number:
        return None
    return f"{{{name}: {int(number)}}}"
