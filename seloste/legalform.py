"""The legal form a Finnish business name states: "Tmi Maija Mäki" is a sole trader (toiminimi), "Kauneus Oy" a
limited company. One reading for the documents' voice (a sole trader speaks as "I", `render.context.voice`) and
for `seloste init` and the editor, which write `controller.form` from it or ask when the name does not tell."""

from __future__ import annotations

import re

SOLE_TRADER = "sole_trader"
#: The words at the start or end of a name that state its form (`controller.form` values of the schema).
NAME_FORMS = {
    SOLE_TRADER: ("tmi", "t:mi"),  # not the word "toiminimi": a name may contain it ("Pieni Toiminimi")
    "company": ("oy", "oyj", "ab", "abp", "osakeyhtiö"),
    "partnership": ("ky", "ay", "kommandiittiyhtiö", "avoin yhtiö"),
    "association": ("ry",),
    "other": ("osuuskunta", "osk"),  # a cooperative: none of the named forms, and no sole trader
}
NAME_FORM = {word: form for form, words in NAME_FORMS.items() for word in words}


def form_of_name(name: object) -> str | None:
    """The legal form the name states by its first or last word or two (`Tmi Maija Mäki` → sole_trader,
    `Kauneus Oy` → company, `Parturi (Tmi)` → sole_trader); None when it states none, or two that disagree."""
    words = re.sub(r"[.,()]", " ", str(name or "").lower()).split()
    ends = {" ".join(words[:2]), " ".join(words[:1]), " ".join(words[-2:]), " ".join(words[-1:])}
    found = {NAME_FORM[end] for end in ends if end in NAME_FORM}
    return found.pop() if len(found) == 1 else None
