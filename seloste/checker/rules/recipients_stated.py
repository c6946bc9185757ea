"""Every activity says to whom data are disclosed, even if to no one.

The notice must give the recipients or categories of recipients (GDPR 13(1)(e)) and the record the categories
of recipients (30(1)(d)). Write 'recipients: []' when data are not disclosed; the processors listed under
'processors:' are shown as recipients too. An activity without 'recipients:' is a warning: nearly every business
discloses data to someone. A recipient outside the EU/EEA also needs a transfer (see transfers-stated). A recipient
whose name and description only say that the law allows or requires the disclosure ("lain sallimissa rajoissa")
names no recipient (a warning). An activity that lists recipients but says elsewhere in its own words that data are
not disclosed ("Tietoja ei luovuteta kolmansille osapuolille", with no "paitsi" or "ilman") contradicts itself: the
reader cannot tell which is true (a warning).

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        recipients:
          - name: Tilitoimisto
            description: kirjanpitoa varten laskutustiedot

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, activity_name, as_list, entries, label, locate, strings, texts
from ..rule import Options, Reporter

ID = "recipients-stated"
ARTICLE = "GDPR 13(1)(e), 30(1)(d)"
SEVERITY = Severity.WARNING
SEVERITY_REASON = (
    "GDPR 13(1)(e) asks for the recipients 'if any': silence may mean there are none, but nearly every "
    "business discloses to someone (an accounting firm, a system vendor), so a person should look "
    "(warning)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "contradiction": ("the activity '{name}' lists recipients but also says '{found}'",
                      "Say the same thing everywhere: keep the recipients under 'recipients:' and remove or correct "
                      "the sentence that says data are not disclosed."),
    "vague": ("the recipient '{recipient}' names no recipient or category of recipients, only that the law allows it",
              "Name who receives the data, e.g. 'Verohallinto', 'perintätoimisto' or 'tilitoimisto', with what they "
              "receive and why under 'recipients:'."),
    "missing": ("the activity '{name}' does not say whether data are disclosed to anyone",
                "Add 'recipients:' listing who receives the data (authorities, accounting firm…), or "
                "'recipients: []' when data are not disclosed."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)

#: "not disclosed" in fi, sv and en, and the words that make it an exception rather than a denial.
_DENIAL = re.compile(r"\bei\s+luovuteta\b|\blämnas\s+(inte|ej)\s+ut\b|\bnot\s+(be\s+)?disclosed\b", re.IGNORECASE)
_EXCEPT = re.compile(r"\b(paitsi|ilman|ellei|lukuun\s+ottamatta|muutoin\s+kuin|muille\s+kuin|utom|förutom|utan|"
                     r"except|without|unless|other\s+than)\b", re.IGNORECASE)
_ABROAD = re.compile(r"\b(EU|ETA|EEA|ETA-alue|EES)\b", re.IGNORECASE)  # a sentence about transfers, not disclosures
#: A recipient that is only "as the law allows or requires", in fi, sv and en.
_LAW_ONLY = re.compile(r"^\W*(\w+\W+){0,8}?(lai?n|lainsäädännön|lagen|lagstiftningen|law|legislation)\w*\W+"
                       r"(\w+\W+){0,4}?(sallim|velvoitt|edellyttäm|salli|kräv|tillåt|requir|permit|allow)\w*"
                       r"(\W+\w+){0,6}\W*$", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+")


def _denial(text: str) -> str | None:
    """The sentence of a text that says data are not disclosed, with no exception, or None."""
    for sentence in _SENTENCE.findall(text):
        match = _DENIAL.search(sentence)
        if match and not _EXCEPT.search(sentence) and not _ABROAD.search(sentence):
            return match.group(0)
    return None


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        if "recipients" not in activity:
            yield report(doc, path, "missing", name=activity_name(activity))
        for r_path, recipient in entries(activity, "recipients", path):
            words = ". ".join([*texts(recipient.get("name")), *texts(recipient.get("description"))])
            if words and all(_LAW_ONLY.match(s.strip()) for s in _SENTENCE.findall(words) if s.strip()):
                yield report(doc, r_path, "vague", recipient=label(recipient.get("name"), "?"))
        if "recipients" in activity and as_list(activity.get("recipients")):
            for t_path, text in strings(activity, path, skip=frozenset({(*path, "recipients")})):
                found = _denial(text)
                if found:
                    yield report(doc, t_path, "contradiction", name=activity_name(activity), found=found,
                                 position=locate(doc, t_path, found))
                    break
