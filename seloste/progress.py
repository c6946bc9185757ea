"""Progress of a batch on stderr: a bar with counts and ETA on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .i18n import tr


class Progress:
    """Call `update(done, total, built, skipped, failed)` after each controller; `close()` at the end."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False, every: float = 5.0) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.tty = self.stream.isatty()
        self.every = every
        self.started = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def _eta(self, done: int, total: int) -> str:
        elapsed = time.monotonic() - self.started
        if done == 0 or done >= total:
            return tr("{seconds} s", seconds=f"{elapsed:.0f}")
        return tr("ETA {seconds} s", seconds=f"{elapsed / done * (total - done):.0f}")

    def update(self, done: int, total: int, built: int, skipped: int, failed: int) -> None:
        if self.quiet or total == 0:
            return
        counts = tr("{done}/{total} · built {built} · skipped {skipped} · failed {failed} · {eta}", done=done,
                    total=total, built=built, skipped=skipped, failed=failed, eta=self._eta(done, total))
        now = time.monotonic()
        if self.tty:
            width = 24
            filled = int(width * done / total)
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {counts}\033[K")
            self.stream.flush()
            self.drawn = True
        elif done == total or now - self.last >= self.every:
            self.last = now
            self.stream.write(tr("progress: {counts}", counts=counts) + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
