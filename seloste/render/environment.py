"""One Jinja Environment per template-override folder, built once per process and reused.

Templates are looked up in the user's `--templates` folder first, then in seloste's own. seloste's own are also
reachable as `seloste/<name>`, so an override can extend the template it replaces and change only some blocks:

    {% extends "seloste/notice.html.j2" %}
    {% block summary %}…{% endblock %}
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    pass_environment,
)
from markupsafe import Markup

from ..resources import templates_dir
from .filters import FILTERS

PACKAGED_PREFIX = "seloste"


@pass_environment
def asset(env: Environment, name: str) -> Markup:
    """The text of a static file from the template folders (a stylesheet), inserted as it is."""
    loader = env.loader
    assert loader is not None
    source, _, _ = loader.get_source(env, name)
    return Markup(source)


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
    )
    env.filters.update(FILTERS)
    env.globals["asset"] = asset
    return env


def environment_for(templates: Path | None) -> Environment:
    return environment(str(templates.resolve()) if templates is not None else None)
