"""What every rule module shares: the protocol the registry expects, the options a rule is called with, and a
reporter that turns a rule's message table into findings.

A rule module defines `ID`, `ARTICLE`, `SEVERITY`, `SEVERITY_REASON`, `OPTIONS` (defaults, possibly empty), a
`MESSAGES` table `{key: (message, hint)}` holding every text it shows in English (one place to translate: `make
messages` extracts the tables into the command line's catalogue, and the reporter shows them in the interface
language), and
`check(doc, options) -> Iterator[Finding]`.

Severities mean one thing. `error`: the law requires it and it is missing or wrong. `warning`: very likely a gap,
a person should look. `info`: good practice. A rule's `SEVERITY` is the level of its main finding; lesser forms
of the problem are reported `minor` steps lower, and `SEVERITY_REASON` (shown by `seloste explain`) says why
each level is what it is. Its docstring explains the rule with a passing and a failing example.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

from ..findings import Finding, Severity
from ..i18n import N_, ui_language, ui_text
from ..loader import Document, JsonPath, json_path

_BY_RANK = {s.rank: s for s in Severity}


class Options(Mapping[str, Any]):
    """A rule's options (its defaults merged with the configuration) and the run's reference date."""

    def __init__(self, values: Mapping[str, Any] | None = None, *, today: dt.date | None = None) -> None:
        self._values = dict(values or {})
        self.today = today or dt.date.today()

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


class Rule(Protocol):
    """The shape of a rule module, as the registry and the runner use it."""

    ID: str
    ARTICLE: str
    SEVERITY: Severity
    SEVERITY_REASON: str
    OPTIONS: dict[str, Any]

    def check(self, doc: Document, options: Options) -> Iterator[Finding]: ...


def shifted(severity: Severity, steps: int) -> Severity:
    """`severity` moved `steps` ranks up (positive) or down (negative), kept within info..error."""
    return _BY_RANK[max(0, min(2, severity.rank + steps))]


class Reporter:
    """Makes a rule's findings from its message table.

    `minor` marks a lesser form of the rule's problem: `minor=1` (or True) is one severity lower than the rule's
    own, `minor=2` two. When the configuration re-levels a rule, every finding moves by the same number of steps.
    """

    def __init__(self, rule_id: str, article: str, severity: Severity, messages: Mapping[str, tuple[str, str]]):
        self.rule_id = rule_id
        self.article = article
        self.severity = severity
        self.messages = messages

    def __call__(self, doc: Document, path: JsonPath, key: str, *, minor: int = 0, at_key: bool = False,
                 article: str = "", position: tuple[int, int] | None = None, file: str | None = None,
                 **values: Any) -> Finding:
        """The finding at the value (or key) at `path`, in the file that value came from (a shared file when it
        was inherited through `extends:`); `position` is a line and column inside that value, `file` overrides."""
        message, hint = self.messages[key]
        where, line, column = doc.location(path, key=at_key)
        if position:
            line, column = position
        return Finding(file or where, line, column, self.rule_id, shifted(self.severity, -int(minor)),
                       ui_text(message).format(**values), path=json_path(path), article=article or self.article,
                       hint=ui_text(hint).format(**values))


#: The words of the schema's enumerations as the interface shows them beside the YAML value: in Finnish
#: "contract (sopimus)". Marked here for the command line's catalogue.
ENUM_WORDS: dict[str, str] = {
    # GDPR 6(1) legal bases
    "consent": N_("consent"), "contract": N_("contract"), "legal_obligation": N_("legal obligation"),
    "vital_interests": N_("vital interests"), "public_task": N_("public task"),
    "legitimate_interests": N_("legitimate interests"),
    # kinds of processor
    "booking": N_("booking system"), "customer_records": N_("customer records"),
    "patient_records": N_("patient records"), "payment": N_("payments"), "accounting": N_("accounting"),
    "newsletter": N_("newsletter"), "sms": N_("text messages"), "email": N_("e-mail"), "office": N_("office suite"),
    "hosting": N_("web host or server"), "website": N_("website or web shop"), "other": N_("other"),
    # special categories (GDPR 9(1))
    "health": N_("health"), "genetic": N_("genetic"), "biometric": N_("biometric"),
    "racial_ethnic": N_("racial or ethnic origin"), "political": N_("political opinions"),
    "religious": N_("religious beliefs"), "trade_union": N_("trade union membership"), "sex_life": N_("sex life"),
    "criminal": N_("criminal records"),
    # transfer safeguards
    "adequacy_decision": N_("adequacy decision"), "standard_contractual_clauses": N_("standard contractual clauses"),
    "binding_corporate_rules": N_("binding corporate rules"), "code_of_conduct": N_("code of conduct"),
    "certification": N_("certification"), "derogation_consent": N_("explicit consent to the transfer"),
    "derogation_contract": N_("transfer necessary for a contract"),
    # cookie categories
    "necessary": N_("strictly necessary"), "preferences": N_("preferences"), "statistics": N_("statistics"),
    "marketing": N_("marketing"),
    # the data subject's rights
    "access": N_("right of access"), "rectification": N_("right to rectification"),
    "erasure": N_("right to erasure"), "restriction": N_("right to restriction"),
    "objection": N_("right to object"), "portability": N_("right to data portability"),
    "withdraw_consent": N_("right to withdraw consent"), "complaint": N_("right to complain to the authority"),
}


def enum(value: object) -> str:
    """A YAML enumeration value as the interface shows it: as it is written in the file, followed in Finnish or
    Swedish by its meaning — 'contract (sopimus)'."""
    text = str(value)
    word = ENUM_WORDS.get(text)
    if word is None or ui_language() == "en":
        return text
    return f"{text} ({ui_text(word)})"


def enums(values: Iterable[object], joiner: str = ", ") -> str:
    return joiner.join(enum(v) for v in values)


#: Units of a retention period, singular and plural, as the interface shows them.
_UNITS = {"years": (N_("{n} year"), N_("{n} years")), "months": (N_("{n} month"), N_("{n} months")),
          "days": (N_("{n} day"), N_("{n} days"))}


def period_words(period: Mapping[str, Any]) -> str:
    """A period such as {years: 3, months: 6} in the interface language: '3 years, 6 months' / '3 vuotta, 6 kk'."""
    parts = []
    for unit, value in period.items():
        if unit in _UNITS and isinstance(value, int | float) and not isinstance(value, bool):
            singular, plural = _UNITS[unit]
            parts.append(ui_text(singular if value == 1 else plural).format(n=f"{value:g}"))
    return ", ".join(parts)
