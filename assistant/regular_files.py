"""Open only regular files: a FIFO, a device, a folder or a loop of links is refused, never waited on.

Why: ``open()`` on a FIFO with no writer blocks forever (``mkfifo x.png; assistant describe x.png``
hung), ``/dev/zero`` never ends, and ``stat()`` sizes of such things are 0, so "is it empty?" gave a
wrong answer. Here the file is opened with ``O_NONBLOCK`` (a FIFO opens at once instead of waiting for
a writer), the *opened* descriptor is checked with ``fstat`` (no swap between check and use), and only
then switched back to blocking reads. Callers get the size from the same ``fstat`` to refuse huge files
before reading a byte.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class NotRegularFileError(OSError):
    """``path`` is something other than a regular file; ``what`` names it in a few plain words."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(f"{path} is {what}")
        self.path = path
        self.what = what


def describe_kind(mode: int) -> str | None:
    """What a non-regular file is, in words a user understands (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def open_regular(path: str | os.PathLike[str]) -> tuple[BinaryIO, int]:
    """Open ``path`` for reading if, and only if, it is a regular file; the open file and its size.

    Raises :class:`NotRegularFileError` for folders, FIFOs, sockets, devices and loops of symbolic links,
    and the usual ``FileNotFoundError``/``PermissionError``/``OSError`` otherwise.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotRegularFileError(path, "a loop of symbolic links") from None
        if error.errno == errno.EISDIR:
            raise NotRegularFileError(path, "a folder") from None
        if error.errno == errno.ENXIO:  # a socket file, or a FIFO on some systems
            raise NotRegularFileError(path, "a socket or a pipe") from None
        raise
    try:
        info = os.fstat(fd)
        what = describe_kind(info.st_mode)
        if what is not None:
            raise NotRegularFileError(path, what)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), info.st_size
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The whole content of a regular file of at most ``max_bytes`` (``ValueError`` when larger).

    The size is checked before reading, and the read itself stops at ``max_bytes + 1`` in case the file
    grows meanwhile.
    """
    handle, size = open_regular(path)
    with handle:
        if size > max_bytes:
            raise ValueError(f"{Path(path).name} is larger than {max_bytes} bytes")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(f"{Path(path).name} is larger than {max_bytes} bytes")
    return data
