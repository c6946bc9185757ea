"""The preview page's own sentences, in the document's language (gettext domain `seloste`, fi/sv/en): the
preview shows them around the findings when a file cannot be shown as a document."""

from __future__ import annotations

from ..i18n import N_

HAS_MISTAKES = N_("The file {file} has mistakes; fix them and the document appears here. The page reloads when "
                  "you save the file.")
HAS_MISTAKES_TITLE = N_("seloste: the file has mistakes")
FAILED_TITLE = N_("seloste: the preview failed")
