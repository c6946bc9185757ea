"""The output folder of a build: one writer at a time, no leftovers from a crash, faults told as sentences.

    with OutputLock(out_dir) as lock:   # waits for another build into the same folder, saying so
        remove_leftovers(out_dir)        # temporary files of a build that was killed

The lock is an advisory `flock` on `OUT/.seloste.lock` (the operating system releases it when the holder dies,
however it dies, so a crashed build never leaves the folder locked). An output folder that cannot be written at
all (a read-only file system) is not locked: a build with nothing to write succeeds there, and the first write
fails with `OutputError`.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from .i18n import tr

LOCK_NAME = ".seloste.lock"
#: How long a build waits for another build into the same folder before giving up.
LOCK_WAIT = 600.0
#: Temporary files are named `.<name>.<random>.tmp` by `seloste.safeio.write_atomic`.
TMP_GLOB = ".*.tmp"
UNUSABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EEXIST, errno.ENOENT,
                      errno.ELOOP, errno.EISDIR})


class OutputError(Exception):
    """The output folder cannot be written; the message says what to do. `usable` is False when the folder
    itself is unusable (exit code 2), True for a fault such as a full disk (exit code 1)."""

    def __init__(self, message: str, *, usable: bool) -> None:
        super().__init__(message)
        self.usable = usable


def describe(exc: OSError, where: Path) -> OutputError:
    """A sentence for a write fault in the output folder."""
    code = exc.errno
    reason = exc.strerror or str(exc)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(tr("cannot write into {folder}: the disk is full ({reason}); free some space and run "
                              "the build again", folder=where, reason=reason), usable=True)
    if code == errno.EROFS:
        return OutputError(tr("cannot write into {folder}: it is on a read-only file system; choose another "
                              "output folder with -o", folder=where), usable=False)
    if code in (errno.EACCES, errno.EPERM):
        return OutputError(tr("cannot write into {folder}: permission denied; choose an output folder you may "
                              "write to, or fix its permissions", folder=where), usable=False)
    if code in UNUSABLE:
        return OutputError(tr("cannot use {folder} as the output folder: {reason}", folder=where, reason=reason),
                           usable=False)
    return OutputError(tr("cannot write into {folder}: {reason}", folder=where, reason=reason), usable=True)


def prepare(out_dir: Path) -> None:
    """Create the output folder; OutputError when it cannot be."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise describe(exc, out_dir) from None
    if not out_dir.is_dir():
        raise describe(OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)), out_dir)


class OutputLock:
    """An exclusive lock on the output folder for the duration of a build (see the module's docstring)."""

    def __init__(self, out_dir: Path, *, wait: float = LOCK_WAIT,
                 waiting: Callable[[Path], None] | None = None) -> None:
        self.path = out_dir / LOCK_NAME
        self.wait = wait
        self.waiting = waiting
        self.fd: int | None = None
        self.read_only = False

    def __enter__(self) -> OutputLock:
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                self.read_only = True  # nobody can write here: nothing to guard
                return self
            raise describe(exc, self.path.parent) from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return self
        except BlockingIOError:
            pass
        if self.waiting is not None:
            self.waiting(self.path)
        deadline = time.monotonic() + self.wait
        while True:
            time.sleep(0.1)
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self.release()
                    raise OutputError(tr("another seloste build is still writing into {folder} (it holds {lock}); "
                                         "wait for it to finish, then run this build again",
                                         folder=self.path.parent, lock=self.path), usable=False) from None
            except BaseException:
                self.release()
                raise

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the last descriptor releases the flock
            self.fd = None

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def remove_leftovers(out_dir: Path) -> list[Path]:
    """Delete the temporary files a killed build left in the output folder and its controller folders (call it
    while holding the lock, so no running build's file is taken). Returns what was removed."""
    removed = []
    candidates = [*out_dir.glob(TMP_GLOB), *out_dir.glob(f"*/{TMP_GLOB}")]
    for path in candidates:
        try:
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
