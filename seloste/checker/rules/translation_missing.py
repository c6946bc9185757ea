"""Every text is written in every language the file's 'languages:' asks for.

A controller file lists the languages of its documents in 'languages:' (by default only Finnish); seloste writes
the standard sentences in Finnish, Swedish and English itself, but the controller's own words (names of the
activities, purposes, data categories, retention triggers, Markdown sections…) must be given in each language as
a map {fi: …, sv: …, en: …}. A plain string counts as written in the first language only. A text that lacks a
language would stop 'seloste build' for that language (it never prints a Finnish sentence into a Swedish
document unless a fallback is explicitly allowed), so this is an error: each text is reported at its place in
the file with the languages it lacks. Drop a language from 'languages:' if its documents are not wanted yet.

Passing example::

    languages: [fi, sv]
    breach_procedure:
      authority_within_hours: 72
      notify_subjects:
        fi: Ilmoitamme asianomaisille viipymättä, jos loukkaus aiheuttaa heille korkean riskin.
        sv: Vi meddelar de berörda utan dröjsmål om incidenten medför en hög risk för dem.
      documented: true

Failing example::

    languages: [fi, sv]
    breach_procedure:
      authority_within_hours: 72
      notify_subjects: Ilmoitamme asianomaisille viipymättä, jos loukkaus aiheuttaa heille korkean riskin.
      documented: true
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ...text import language_list, missing_translations, source_language, yaml_languages
from ..model import label
from ..rule import Options, Reporter

ID = "translation-missing"
ARTICLE = "GDPR 12(1)"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "A text missing in a language the file asks for stops seloste from building that language's "
    "documents, which GDPR 12(1) requires to be intelligible to the reader (error)."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("'{text}' has no {languages} version",
                "Write the text as a map with one entry per language, e.g. {{{first}: …, {lang}: …}}, or remove "
                "{lang} from 'languages:'."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    if not isinstance(doc.data, dict):
        return
    wanted = yaml_languages(doc.data)
    first = source_language(doc.data)
    for path, langs in missing_translations(doc.data, wanted):
        value = doc.data
        for part in path:
            value = value[part]
        yield report(doc, path, "missing", text=label(value), languages=language_list(langs), first=first,
                     lang=langs[0])
