"""The `seloste init` questionnaire: asks a business owner what only they know, in Finnish or English.

An answer given beforehand (from `--answers FILE` or a flag) is used as is when it is valid. A missing or invalid
answer is asked for when the run is interactive; otherwise `Incomplete` stops the run with the reason. Every
answer is checked at once with the `seloste.presets.answers` parsers (a wrong Y-tunnus is asked again).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from .legalform import form_of_name
from .presets import Preset, preset, presets
from .presets.answers import (
    BOOKING_NONE,
    BOOKING_OTHER,
    AnswerError,
    Answers,
    booking_systems,
    brand,
    parse_booking,
    parse_bool,
    parse_business_id,
    parse_email,
    parse_marketing,
    parse_phone,
    parse_postal_code,
    parse_records,
    parse_sole_trader,
    parse_text,
    parse_website,
)
from .presets.assemble import brands

T = {
    "intro": ("Vastaa muutamaan kysymykseen yrityksestäsi, niin seloste laatii tietosuojaselosteen pohjan. "
              "Enter hyväksyy hakasulkeissa olevan oletuksen.",
              "Answer a few questions about your business and seloste drafts your privacy notice. "
              "Enter accepts the default in brackets."),
    "preset": ("Millaista toimintaa yrityksesi harjoittaa? Valitse numero",
               "What kind of business is it? Choose a number"),
    "name": ("Yrityksen virallinen nimi", "The business's legal name"),
    "sole_trader": ("Onko yrityksesi toiminimi (yksityinen elinkeinonharjoittaja)? Seloste kirjoitetaan silloin "
                    "minä-muodossa. (k/e)",
                    "Is your business a sole trader (toiminimi)? The notice then speaks as \"I\". (y/n)"),
    "business_id": ("Y-tunnus", "Business ID (Y-tunnus)"),
    "street": ("Katuosoite", "Street address"),
    "postal_code": ("Postinumero", "Postal code"),
    "city": ("Postitoimipaikka", "City"),
    "phone": ("Puhelinnumero (tyhjä, jos ei julkaista)", "Phone number (empty if none)"),
    "email": ("Sähköpostiosoite tietosuoja-asioille", "E-mail address for privacy matters"),
    "website": ("Verkkosivujen osoite (tyhjä, jos ei ole)", "Website address (empty if none)"),
    "contact": ("Kuka vastaa tietosuoja-asioista (nimi)", "Who answers privacy questions (name)"),
    "booking": ("Mitä ajanvaraus- tai asiakasjärjestelmää käytätte? Valitse numero",
                "Which booking or customer system do you use? Choose a number"),
    "booking_name": ("Järjestelmän nimi", "Name of the system"),
    "marketing": ("Lähetättekö markkinointiviestejä? sähköposti, tekstiviesti, molemmat vai ei",
                  "Do you send marketing messages? email, sms, both or none"),
    "health_info": ("Kirjaatteko asiakkaiden terveystietoja, kuten allergioita? (k/e)",
                    "Do you record customers' health information, such as allergies? (y/n)"),
    "records": ("Ovatko asiakaskortit paperisia, sähköisiä vai molempia? paperi/sähköinen/molemmat",
                "Are customer records on paper, electronic or both? paper/electronic/both"),
    "patient_records": ("Pidättekö potilasasiakirjat paperilla, sähköisesti vai molemmin tavoin? "
                        "paperi/sähköinen/molemmat",
                        "Are patient records kept on paper, electronically or both? paper/electronic/both"),
    "kanta": ("Onko yritys liittynyt Kanta-palvelujen potilastiedon arkistoon? (k/e)",
              "Have you joined the Kanta patient data archive? (y/n)"),
    "kanta_note": ("Huom: sähköisesti potilasasiakirjoja arkistoivan on liityttävä Kantaan (laki 703/2023).",
                   "Note: whoever archives patient records electronically must join Kanta (Act 703/2023)."),
    "other": ("muu järjestelmä", "another system"),
    "none": ("ei järjestelmää", "no system"),
    "error": ("Virhe", "Error"),
    "missing": ("vastaus puuttuu", "the answer is missing"),
}
YES_NO = {"fi": ("k", "e"), "en": ("y", "n")}


class Incomplete(click.UsageError):
    """A non-interactive run lacks an answer, or has one that cannot be used."""


def say(key: str, lang: str) -> str:
    fi, en = T[key]
    return fi if lang == "fi" else en


class Asker:
    """Asks for missing answers (interactive) or reports them (non-interactive)."""

    def __init__(self, given: dict[str, Any], lang: str, interactive: bool) -> None:
        self.given, self.lang, self.interactive = given, lang, interactive

    def get(self, key: str, parse: Callable[[Any], Any], default: Any = None, *, required: bool = True,
            question: str | None = None) -> Any:
        text = question or say(key, self.lang)
        if key in self.given and self.given[key] is not None:
            try:
                return parse(self.given[key])
            except AnswerError as exc:
                if not self.interactive:
                    raise Incomplete(f"{_flag(key)}: {exc.text(self.lang)}") from None
                click.echo(f"{say('error', self.lang)}: {exc.text(self.lang)}", err=True)
        elif not self.interactive:
            if required and default is None:
                raise Incomplete(f"{say('missing', self.lang)}: {_flag(key)}")
            return parse(default) if default is not None else None
        while True:
            raw = click.prompt(text, default="" if default is None else str(default),
                               show_default=default not in (None, ""))
            try:
                return parse(raw)
            except AnswerError as exc:
                click.echo(f"{say('error', self.lang)}: {exc.text(self.lang)}", err=True)

    def choose(self, key: str, options: list[tuple[str, str]], parse: Callable[[Any], Any],
               default: str | None) -> Any:
        """A numbered list of options; the answer may be the number or the key."""
        if self.interactive and not (key in self.given and self.given[key] is not None):
            for number, (option, title) in enumerate(options, 1):
                click.echo(f"  {number:>2}. {title} ({option})")
        by_number = {str(n): option for n, (option, _) in enumerate(options, 1)}
        return self.get(key, lambda value: parse(by_number.get(str(value).strip(), value)), default)


def confirm(question: str, lang: str) -> bool:
    """A yes/no question answered k/e in Finnish and y/n in English; Enter means no."""
    yes, no = YES_NO[lang]
    while True:
        raw = click.prompt(f"{question} [{yes}/{no.upper()}]", default="", show_default=False)
        if not raw.strip():
            return False
        try:
            return parse_bool(raw)
        except AnswerError as exc:
            click.echo(f"{say('error', lang)}: {exc.text(lang)}", err=True)


def _flag(key: str) -> str:
    """How an answer is given on the command line or in an answers file."""
    return f"--{key.replace('_', '-')} ({key})"


def _parse_preset(value: Any) -> str:
    key = str(value).strip()
    if key in presets():
        return key
    names = ", ".join(presets())
    raise AnswerError(f"Tuntematon pohja '{key}'. Vaihtoehdot: {names}.",
                      f"Unknown preset '{key}'. Choose one of: {names}.")


def ask(given: dict[str, Any], lang: str = "fi", interactive: bool = True) -> Answers:
    """All answers for `seloste init`, asking for the missing ones when interactive."""
    asker = Asker(given, lang, interactive)
    if interactive:
        click.echo(say("intro", lang))
    the_preset: Preset = preset(asker.choose("preset", [(p.key, p.title(lang)) for p in presets().values()],
                                             _parse_preset, default=None))
    name = asker.get("name", parse_text)
    sole_trader = None
    if form_of_name(name) is None or given.get("sole_trader") is not None:  # the name may tell: Tmi, Oy, Ky…
        sole_trader = asker.get("sole_trader", lambda value: parse_sole_trader(value, name), required=False)
    answers = Answers(
        preset=the_preset.key, name=name, business_id=asker.get("business_id", parse_business_id),
        street=asker.get("street", parse_text), postal_code=asker.get("postal_code", parse_postal_code),
        city=asker.get("city", parse_text), phone=asker.get("phone", parse_phone, required=False),
        email=asker.get("email", parse_email), website=asker.get("website", parse_website, required=False),
        sole_trader=sole_trader,
    )
    answers.contact = asker.get("contact", parse_text, default=name)
    names = brands()
    systems = [(key, f"{brand(key, names)} – {legal}") for key, legal in booking_systems().items()]
    systems += [(BOOKING_OTHER, say("other", lang)), (BOOKING_NONE, say("none", lang))]
    answers.booking = asker.choose("booking", systems, parse_booking, default="ei" if lang == "fi" else "none")
    if answers.booking == BOOKING_OTHER:
        answers.booking_name = asker.get("booking_name", parse_text)
    yes, no = YES_NO[lang]
    answers.marketing = asker.get("marketing", parse_marketing, default="ei" if lang == "fi" else "none")
    if the_preset.health_info == "ask":
        question = (the_preset.health_question or {}).get(lang)
        answers.health_info = asker.get("health_info", parse_bool, default=no,
                                        question=f"{question} ({yes}/{no})" if question else None)
    answers.records = asker.get("records", parse_records, default="sähköinen" if lang == "fi" else "electronic",
                                question=say("patient_records" if the_preset.professional else "records", lang))
    if the_preset.professional and answers.records != "paper":
        answers.kanta = asker.get("kanta", parse_bool, default=yes)
        if not answers.kanta:
            click.echo(say("kanta_note", lang), err=True)
    return answers
