"""seloste's cache folder: work a new process need not redo, kept in the user's cache folder.

    ~/.cache/seloste/<version>/              ($XDG_CACHE_HOME on Linux; ~/Library/Caches on macOS; %LOCALAPPDATA%)
        templates-<python>-jinja<version>-<settings>/   compiled Jinja templates (seloste.render.environment)
        <name>-<digest>.ok                    a check that passed on exactly this content (`verified_once`)

Everything here is an optimisation only: a cache folder that cannot be created or written, or one another user
could write into, is not used, and the work is done as without it. Compiled templates are keyed by seloste's
version, Jinja's, the Python version and the source of the Environment's settings; Jinja itself checks each
template's source against the checksum stored with its compiled code, so an edited template is compiled again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable
from functools import cache
from pathlib import Path

from . import __version__

APP_NAME = "seloste"


def _private(folder: Path) -> bool:
    """Only this user may write into `folder`: compiled templates from it are run as code."""
    if os.name == "nt":
        return True
    info = folder.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


@cache
def cache_dir() -> Path | None:
    """This version's cache folder, created (mode 700) if need be; None when it cannot be used."""
    from platformdirs import user_cache_dir

    try:
        folder = Path(user_cache_dir(APP_NAME, appauthor=False)) / __version__
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder) or not os.access(folder, os.W_OK | os.X_OK):
            return None
    except (OSError, RuntimeError, ValueError):
        return None
    return folder


def subfolder(name: str) -> Path | None:
    """The folder `name` in this version's cache folder, created if need be; None when it cannot be used."""
    root = cache_dir()
    if root is None:
        return None
    folder = root / name
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder if _private(folder) else None
    except OSError:
        return None


def verified_once(name: str, content: str, check: Callable[[], None]) -> None:
    """Run `check` (which raises when `content` is wrong) unless it already passed on this very content."""
    folder = cache_dir()
    marker = folder / f"{name}-{hashlib.sha256(content.encode()).hexdigest()[:32]}.ok" if folder else None
    if marker is not None and marker.is_file():
        return
    check()
    if marker is not None:
        with contextlib.suppress(OSError):
            marker.touch()
