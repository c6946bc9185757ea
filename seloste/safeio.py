"""Reading input files safely: regular files only, size checked before reading, hashed as read; and writing
files atomically (a reader sees the old file or the whole new one, never a part).

    read = read_regular(path, limit=1024 * 1024)
    read.data, read.stamp.sha256, read.stamp.size, read.stamp.mtime_ns

Every input file seloste reads (a controller file, a shared file of `extends:`, a logo) goes through
`read_regular`: it opens without blocking (a FIFO would otherwise wait forever for a writer), refuses anything
that is not a regular file (FIFOs, devices, sockets, folders), refuses a file larger than the limit before
reading it, and never reads more than the limit even when the file grows meanwhile. The SHA-256 is that of the
bytes returned — the bytes the documents are made from — so a build manifest can never record the hash of a
file saved after it was read. `size` and `mtime_ns` come from the open file (fstat), and `read_ns` is the clock
when it was read: a modification time that close to the read cannot prove a later read would see the same
bytes (the file system's clock is coarse), so the manifest hashes such files again instead of trusting them.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Stamp:
    """What identifies the bytes read from one input file (for the build manifest)."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    read_ns: int


@dataclass(frozen=True)
class FileRead:
    """The bytes of one input file and their stamp."""

    data: bytes
    stamp: Stamp


class NotRegularFile(OSError):
    """The path names a FIFO, a device, a socket or a folder."""


class FileTooLarge(OSError):
    """The file is larger than the limit; `size` says how large it was found."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"the file is {size} bytes; the limit is {limit} bytes")
        self.size = size
        self.limit = limit


def kind(mode: int) -> str:
    """What a non-regular file is, for messages."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def read_regular(path: Path | str, limit: int) -> FileRead:
    """The bytes of the regular file `path`, at most `limit` of them.

    Raises NotRegularFile, FileTooLarge, or another OSError when the file cannot be opened or read.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, f"it is {kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise FileTooLarge(info.st_size, limit)
        read_ns = time.time_ns()
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileTooLarge(total, limit)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    return FileRead(data, Stamp(str(path), len(data), info.st_mtime_ns, hashlib.sha256(data).hexdigest(), read_ns))


def link_escapes(path: Path, roots: list[Path]) -> bool:
    """True when `path` is reached through a symbolic link and the file it leads to lies outside every root
    (roots are resolved folders)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return False  # a dangling link or a loop: reading it fails with its own message
    absolute = Path(os.path.abspath(path))
    if target == absolute:
        return False
    return not any(target.is_relative_to(root) for root in roots)


#: The mode of every file seloste writes.
FILE_MODE = 0o644


def stage(path: Path, data: bytes) -> str:
    """`data` in a temporary file beside `path`, on disk (fsync), with the final file mode; its name."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, FILE_MODE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and `os.replace`."""
    tmp = stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
