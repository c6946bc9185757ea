"""Free text from the YAML rendered as Markdown, safely.

Raw HTML is switched off in the Markdown parser (it comes out as visible text), and the result is sanitised with
nh3 to a small set of tags; links keep only http(s), mailto and tel targets. The output is `Markup`, so Jinja's
autoescape leaves it alone.
"""

from __future__ import annotations

import re
import threading

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = frozenset({"p", "ul", "ol", "li", "strong", "em", "a", "br", "code"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_SINGLE_PARAGRAPH = re.compile(r"\A<p>((?:(?!<p>).)*)</p>\Z", re.DOTALL)


_local = threading.local()


def _converter() -> markdown.Markdown:
    """This thread's Markdown converter: a converter keeps state while it converts, so threads (the preview
    server answers each request in its own) must never share one."""
    converter: markdown.Markdown | None = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(output_format="html")
        converter.preprocessors.deregister("html_block")
        converter.inlinePatterns.deregister("html")
        _local.converter = converter
    return converter


def sanitize(html: str) -> str:
    """Only the allowed tags, `href` on links, and safe link targets."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


def to_html(text: str) -> Markup:
    """Markdown `text` as sanitised HTML (block level: paragraphs and lists)."""
    if not text:
        return Markup("")
    converter = _converter()
    converter.reset()
    return Markup(sanitize(converter.convert(text)).strip())


def to_inline_html(text: str) -> Markup:
    """Like `to_html`, without the `<p>` around a text that is a single paragraph."""
    html = str(to_html(text))
    match = _SINGLE_PARAGRAPH.match(html)
    return Markup(match.group(1) if match else html)
