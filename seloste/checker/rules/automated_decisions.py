"""Whether there is automated decision-making or profiling, and if so its logic and consequences.

The notice must tell of automated decision-making, including profiling (GDPR 22), and then give meaningful
information about the logic involved and its significance and consequences (13(2)(f)): with 'used: true' or
'profiling: true', an activity without 'logic:' or 'consequences:' is an error. Saying that there is none ('used:
false') is how a notice shows it was considered; an activity that says nothing is an info finding. Internal
activities (public: false) are not checked.

Passing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        automated_decisions:
          used: false

Failing example::

    activities:
      - id: asiakkaat
        name: Asiakasrekisteri
        automated_decisions:
          used: true
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...findings import Finding, Severity
from ...loader import Document
from ..model import activities, activity_name, has_text, is_public
from ..rule import Options, Reporter

ID = "automated-decisions"
ARTICLE = "GDPR 13(2)(f), 22"
SEVERITY = Severity.ERROR
SEVERITY_REASON = (
    "When automated decisions or profiling are used, GDPR 13(2)(f) requires their logic and consequences: "
    "leaving them out is an error. Saying aloud that none are used is only good practice (info): a small "
    "business's notice that is silent almost always means there are none."
)
OPTIONS: dict[str, Any] = {}
MESSAGES = {
    "missing": ("the activity '{name}' does not say whether automated decisions or profiling are used",
                "Add 'automated_decisions: {{used: false}}' if there are none."),
    "no-logic": ("the activity '{name}' uses automated decisions or profiling but does not explain their logic "
                 "or their consequences",
                 "Add 'logic:' and 'consequences:' under 'automated_decisions:'."),
    "no-logic-only": ("the activity '{name}' uses automated decisions or profiling but does not explain their "
                      "logic", "Add 'logic:' under 'automated_decisions:': in plain words, how the decision is made."),
    "no-consequences-only": ("the activity '{name}' uses automated decisions or profiling but does not explain "
                             "their consequences",
                             "Add 'consequences:' under 'automated_decisions:': what the decision means for the "
                             "person."),
}
report = Reporter(ID, ARTICLE, SEVERITY, MESSAGES)


def check(doc: Document, options: Options) -> Iterator[Finding]:
    for path, activity in activities(doc):
        if not is_public(activity):
            continue
        decisions = activity.get("automated_decisions")
        name = activity_name(activity)
        if decisions is None:
            yield report(doc, path, "missing", minor=2, name=name)
        elif isinstance(decisions, dict) and (decisions.get("used") is True or decisions.get("profiling") is True):
            missing = [k for k in ("logic", "consequences") if not has_text(decisions.get(k))]
            if missing:
                key = "no-logic" if len(missing) == 2 else f"no-{missing[0]}-only"
                yield report(doc, (*path, "automated_decisions"), key, name=name)
