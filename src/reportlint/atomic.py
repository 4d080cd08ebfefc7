"""Writing result files so that a failure never destroys the previous one.

A baseline is the record of what a team accepted; an output file may be what CI
publishes. Writing them in place means a full disk or a crash halfway leaves a
truncated file where the old one was. So the text goes to a temporary file in the
same folder, is flushed to disk, and then replaces the target in one rename
(``os.replace``, atomic on POSIX and Windows); on any failure the temporary file is
removed and the old file is untouched.

A target that exists but is not a regular file (``/dev/stdout``, a FIFO) cannot be
replaced by a rename and is written directly, as the user asked for a stream; so is
an existing file in a folder where no temporary file may be created, as before.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from contextlib import suppress


def _new_file_mode() -> int:
    """The mode ``open`` would give a new file under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: str, text: str) -> None:
    """Replace *path* by a file holding *text* (UTF-8), or raise ``OSError`` leaving *path* as it was.

    A symlink is followed (its target is replaced, the link kept); an existing file
    keeps its permissions.
    """
    write_bytes_atomically(path, text.encode("utf-8", "backslashreplace"))


def write_bytes_atomically(path: str, data: bytes) -> None:
    """Replace *path* by a file holding *data*, as :func:`write_atomically` does for text.

    For files whose encoding is not UTF-8 (a report rewritten by ``--fix`` keeps its own)
    and for documents written beside the user's own (``reportlint annotate``: a full disk
    halfway never leaves a truncated .docx).
    """
    target = os.path.realpath(path)
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(target, "wb") as stream:
            stream.write(data)
        return
    folder, name = os.path.split(target)
    try:
        import tempfile  # only when writing: it imports shutil and random

        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
    except PermissionError:
        if info is None:
            raise
        with open(target, "wb") as stream:  # a writable file in a folder we may not write to
            stream.write(data)
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode())
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def is_one_of(path: str, others: Iterable[str]) -> bool:
    """Whether *path* names the same existing file as one of *others* (``-``, stdin, skipped).

    Used to refuse writing output over a report being checked, whatever spelling
    (relative, absolute, through a symlink or hard link) names it.
    """
    try:
        target = os.stat(path)
    except OSError:
        return False  # not there yet, so it is no input
    for other in others:
        if other == "-":
            continue
        with suppress(OSError):
            if os.path.samestat(target, os.stat(other)):
                return True
    return False
