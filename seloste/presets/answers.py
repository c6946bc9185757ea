"""The questionnaire's answers: what a business owner knows, checked and normalised one field at a time.

Every `parse_*` function takes what a person typed (or what an answers file holds) and returns the normalised
value or raises AnswerError with a message in Finnish and English. The same functions serve the interactive
questionnaire (which asks again) and the non-interactive modes (which stop with the message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus

from ..catalogue import catalogue
from ..legalform import SOLE_TRADER, form_of_name

BOOKING_OTHER, BOOKING_NONE = "other", "none"
RECORDS = ("paper", "electronic", "both")
CHANNELS = ("email", "sms")
BOOKING_KINDS = frozenset({"booking", "customer_records", "patient_records"})

_YES = {"y", "yes", "k", "kyllä", "kylla", "true", "1", "on"}
_NO = {"n", "no", "e", "ei", "false", "0", "off"}
_ALIASES = {
    "muu": BOOKING_OTHER, "other": BOOKING_OTHER, "ei": BOOKING_NONE, "none": BOOKING_NONE, "no": BOOKING_NONE,
    "paperi": "paper", "paperilla": "paper", "sähköinen": "electronic", "sähköisesti": "electronic",
    "sahkoinen": "electronic", "molemmat": "both", "sähköposti": "email", "sahkoposti": "email", "e-mail": "email",
    "tekstiviesti": "sms", "tekstiviestit": "sms", "txt": "sms",
}


class AnswerError(ValueError):
    """An answer that cannot be used, with the reason in Finnish and English."""

    def __init__(self, fi: str, en: str) -> None:
        super().__init__(en)
        self.messages = {"fi": fi, "en": en}

    def text(self, lang: str) -> str:
        return self.messages.get(lang, self.messages["en"])


@dataclass
class Answers:
    """Everything `seloste init` needs to fill a preset."""

    preset: str
    name: str
    business_id: str
    street: str
    postal_code: str
    city: str
    email: str
    phone: str | None = None
    website: str | None = None
    contact: str | None = None
    booking: str = BOOKING_NONE
    booking_name: str | None = None
    marketing: tuple[str, ...] = field(default_factory=tuple)
    health_info: bool = False
    records: str = "electronic"
    kanta: bool = False
    sole_trader: bool | None = None       # None: as the name tells (Tmi → yes, Oy → no), else not stated

    @property
    def form(self) -> str | None:
        """`controller.form` for the generated file: the answer, else what the name states; None when unknown."""
        named = form_of_name(self.name)
        if self.sole_trader:
            return SOLE_TRADER
        if self.sole_trader is False and named == SOLE_TRADER:
            return None
        return named


def parse_sole_trader(value: Any, name: str = "") -> bool:
    """Yes or no; an answer that the name contradicts (no for `Tmi …`, yes for `… Oy`) is refused."""
    answer = parse_bool(value)
    named = form_of_name(name)
    if named == SOLE_TRADER and not answer:
        raise AnswerError(f"Nimen '{name}' mukaan yritys on toiminimi (Tmi). Vastaa kyllä tai korjaa nimi.",
                          f"The name '{name}' says the business is a sole trader (Tmi). Answer yes or correct "
                          "the name.")
    if named not in (None, SOLE_TRADER) and answer:
        raise AnswerError(f"Nimen '{name}' mukaan yritys ei ole toiminimi vaan yhtiö tai yhteisö. Vastaa ei tai "
                          "korjaa nimi.",
                          f"The name '{name}' says the business is a company or an association, not a sole "
                          "trader. Answer no or correct the name.")
    return answer


def _word(value: Any) -> str:
    text = str(value).strip().lower()
    return _ALIASES.get(text, text)


def parse_text(value: Any) -> str:
    text = " ".join(str(value or "").split())
    if not text:
        raise AnswerError("Vastaus ei voi olla tyhjä.", "The answer cannot be empty.")
    return text


def parse_business_id(value: Any) -> str:
    text = str(value or "").strip()
    try:
        return str(ytunnus.format(ytunnus.validate(text)))
    except StdnumError:
        digits = text.replace("-", "")
        if len(digits) == 8 and digits.isdigit():
            raise AnswerError(f"Y-tunnuksen {text} tarkistenumero (viimeinen numero) on väärä. Tarkista se "
                              "kaupparekisteristä (ytj.fi).",
                              f"The check digit (the last number) of the Y-tunnus {text} is wrong. Check it in "
                              "the trade register (ytj.fi).") from None
        raise AnswerError(f"'{text}' ei ole Y-tunnus. Kirjoita se muodossa 1234567-8.",
                          f"'{text}' is not a Y-tunnus. Write it as 1234567-8.") from None


def parse_postal_code(value: Any) -> str:
    text = str(value or "").strip()
    if not re.fullmatch(r"\d{5}", text):
        raise AnswerError("Postinumerossa on viisi numeroa, esim. 00100.",
                          "A Finnish postal code has five digits, e.g. 00100.")
    return text


def parse_email(value: Any) -> str:
    text = str(value or "").strip()
    try:
        return str(validate_email(text, check_deliverability=False).normalized)
    except EmailNotValidError:
        raise AnswerError(f"'{text}' ei ole sähköpostiosoite.", f"'{text}' is not an e-mail address.") from None


def parse_phone(value: Any) -> str | None:
    text = " ".join(str(value or "").split())
    if not text or _word(text) == BOOKING_NONE:
        return None
    try:
        valid = phonenumbers.is_valid_number(phonenumbers.parse(text, "FI"))
    except phonenumbers.NumberParseException:
        valid = False
    if not valid:
        raise AnswerError(f"'{text}' ei ole puhelinnumero, esim. 040 123 4567.",
                          f"'{text}' is not a phone number, e.g. +358 40 123 4567.")
    return text


def parse_website(value: Any) -> str | None:
    text = str(value or "").strip()
    if not text or _word(text) == BOOKING_NONE:
        return None
    if not re.match(r"https?://", text):
        text = "https://" + text
    if not re.fullmatch(r"https?://[^\s/]+\.[^\s/]+(/\S*)?", text):
        raise AnswerError(f"'{text}' ei ole verkko-osoite.", f"'{text}' is not a web address.")
    return text


def booking_systems() -> dict[str, str]:
    """Catalogue keys of booking and customer systems, with their legal names."""
    return {key: str(entry.get("name", key)) for key, entry in catalogue().items()
            if entry.get("kind") in BOOKING_KINDS}


def brand(key: str, brands: dict[str, str] | None = None) -> str:
    """What people call a system ("Timma", "BookSalon"): from `brands`, else the key capitalised."""
    return (brands or {}).get(key, key.capitalize())


def parse_booking(value: Any) -> str:
    word = _word(value).replace(" ", "")
    if word in booking_systems() or word in (BOOKING_OTHER, BOOKING_NONE):
        return word
    known = ", ".join([*booking_systems(), "muu/other", "ei/none"])
    raise AnswerError(f"Tuntematon ajanvarausjärjestelmä '{value}'. Vaihtoehdot: {known}.",
                      f"Unknown booking system '{value}'. Choose one of: {known}.")


def parse_marketing(value: Any) -> tuple[str, ...]:
    parts = value if isinstance(value, list | tuple) else re.split(r"[,\s]+", str(value or ""))
    words = [_word(part) for part in parts if str(part).strip()]
    if not words or words == [BOOKING_NONE]:
        return ()
    if words == ["both"]:
        return CHANNELS
    unknown = [w for w in words if w not in CHANNELS]
    if unknown:
        raise AnswerError("Vastaa sähköposti, tekstiviesti, molemmat (sähköposti, tekstiviesti) tai ei.",
                          "Answer email, sms, both (email, sms) or none.")
    return tuple(c for c in CHANNELS if c in words)


def parse_records(value: Any) -> str:
    word = _word(value)
    if word not in RECORDS:
        raise AnswerError("Vastaa paperi, sähköinen tai molemmat.", "Answer paper, electronic or both.")
    return word


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise AnswerError("Vastaa kyllä tai ei.", "Answer yes or no.")
