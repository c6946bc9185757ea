"""One Jinja Environment per template-override folder, built once per process and reused.

Templates are looked up in the user's `--templates` folder first, then in seloste's own. seloste's own are also
reachable as `seloste/<name>`, so an override can extend the template it replaces and change only some blocks:

    {% extends "seloste/notice.html.j2" %}
    {% block summary %}…{% endblock %}

Standard texts are gettext messages (Jinja's i18n extension: `{% trans %}…{% endtrans %}` and `_()`), translated
into the language of the document being rendered: the gettext callables read `lang` from the template context,
so one Environment serves every language. `{% trans %}` blocks are trimmed (line breaks and the whitespace around
them become one space), as the extraction in babel.cfg assumes.
"""

from __future__ import annotations

import contextlib
from functools import cache, lru_cache
from pathlib import Path

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    pass_context,
    pass_environment,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup

from .. import cache as seloste_cache
from .. import i18n
from ..resources import templates_dir
from .filters import FILTERS, context_language, ties
from .typography import Verbatim

PACKAGED_PREFIX = "seloste"


@pass_environment
def asset(env: Environment, name: str) -> Markup:
    """The text of a static file from the template folders (a stylesheet), inserted as it is."""
    loader = env.loader
    assert loader is not None
    source, _, _ = loader.get_source(env, name)
    return Verbatim(source)


@pass_context
def _gettext(ctx: Context, message: str) -> str:
    return i18n.gettext(context_language(ctx), message)


@pass_context
def _ngettext(ctx: Context, singular: str, plural: str, n: int) -> str:
    return i18n.ngettext(context_language(ctx), singular, plural, n)


@pass_context
def _pgettext(ctx: Context, context: str, message: str) -> str:
    return i18n.pgettext(context_language(ctx), context, message)


@pass_context
def _npgettext(ctx: Context, context: str, singular: str, plural: str, n: int) -> str:
    return i18n.translations(context_language(ctx)).npgettext(context, singular, plural, n)


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, but a cache file that cannot be read or written is a miss, never an error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a truncated or foreign file: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@cache
def bytecode_cache() -> BytecodeCache | None:
    """Compiled templates in the user's cache folder (seloste.cache), shared by every process of this version.

    Keyed also by Jinja's version, Python's and this module's source (the Environment's settings below decide
    what the compiled code is); Jinja checks each template's source against the checksum stored with it."""
    import hashlib
    import sys

    import jinja2

    settings = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    folder = seloste_cache.subfolder(f"templates-{sys.implementation.cache_tag}-jinja{jinja2.__version__}-{settings}")
    return _QuietBytecodeCache(str(folder)) if folder is not None else None


@lru_cache(maxsize=16)
def environment(override: str | None = None) -> Environment:
    """The Environment for templates in `override` (an absolute folder path) over the packaged ones."""
    packaged = str(templates_dir())
    loaders: list[BaseLoader] = []
    if override is not None:
        loaders.append(FileSystemLoader(override))
    loaders.append(FileSystemLoader(packaged))
    loaders.append(PrefixLoader({PACKAGED_PREFIX: FileSystemLoader(packaged)}))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=bytecode_cache(),
        finalize=ties,  # every printed value: no-break spaces, typographic quotes and dashes
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(  # type: ignore[attr-defined]
        _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext)
    env.filters.update(FILTERS)
    env.globals["asset"] = asset
    return env


def environment_for(templates: Path | None) -> Environment:
    return environment(str(templates.resolve()) if templates is not None else None)
