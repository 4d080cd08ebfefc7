"""Files reportlint keeps between runs: a private per-user folder, verified before use.

Three things are kept there: the compiled regular expressions of a run
(:mod:`reportlint.pattern_cache`), the compiled ``__init__`` code of the record classes
(:mod:`reportlint.code_cache`) and the telephone verdicts of the contact rules
(``reportlint_rules.contact._phones``). Kept code runs when loaded, a compiled pattern
altered by someone else can crash the matcher, and a verdict altered hides a fault, so
a cache file is used only when the folder and the file are what we expect: a real
folder (not a symlink) created with mode 0700, owned by the current user, with no
access for group or others; a file that is regular, ours, and writable only by us.
Anything else and nothing is read or written: the work is done afresh. (Nothing kept
there is a pickle: the parser is generated code, :mod:`reportlint.report_parser`, and
Lark's own cache, which unpickles a file under a predictable name in the shared
temporary folder, is never used.)

The folder is ``$XDG_CACHE_HOME/reportlint`` (``~/.cache/reportlint``). On Windows,
where POSIX owners and modes do not exist, it is ``%LOCALAPPDATA%\\reportlint\\cache``,
private to the user by its ACL; only the "not a symlink" checks apply there.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_folder() -> Path | None:
    """The per-user cache folder reportlint may use, or ``None`` when there is none."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "reportlint" / "cache" if base else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "reportlint"
    try:
        home = Path.home()
    except (RuntimeError, KeyError):
        return None
    return home / ".cache" / "reportlint"


def _private(info: os.stat_result, *, folder: bool) -> bool:
    """Whether a ``lstat`` result is a real folder/file of ours that nobody else may change."""
    kind_ok = stat.S_ISDIR(info.st_mode) if folder else stat.S_ISREG(info.st_mode)
    if not kind_ok:
        return False  # a symlink, FIFO, device…: never followed
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:
        return True  # Windows: the ACL of %LOCALAPPDATA% keeps it private
    forbidden = 0o077 if folder else 0o022
    return info.st_uid == geteuid() and not info.st_mode & forbidden


def private_cache_file(name: str) -> str | None:
    """The path of cache file *name* in the verified private folder, or ``None``.

    The folder is created (mode 0700) if missing. ``None`` means "do not cache":
    no usable home, a folder that is a symlink, not ours or open to others, or a
    file in it that is not ours — the caller then does its work afresh.
    """
    folder = cache_folder()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.lstat(folder), folder=True):
            return None
        target = folder / name
        try:
            if not _private(os.lstat(target), folder=False):
                return None
        except FileNotFoundError:
            pass  # the caller writes it, inside a folder only we can write to
    except OSError:
        return None
    return str(target)


def seal(path: str | None) -> None:
    """Make a cache file just written private (0600), so a group-writable umask (0002)
    does not make :func:`private_cache_file` refuse it on every later start."""
    if not isinstance(path, str) or not hasattr(os, "geteuid"):
        return
    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid() and info.st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass


def read_kept(
    path: str, magic: bytes, header: tuple[object, ...], well_formed: Callable[[Any, Any], bool]
) -> dict[Any, Any]:
    """The entries of the kept file at *path* that *well_formed* accepts; none when the file
    is not intact or was written for another *header* (another build, another format).

    A kept file is *magic*, a CRC-32 of the rest (four bytes), then the marshalled
    ``(header, entries)``: the checksum refuses a file cut short or damaged on disk, which
    marshal may still read. (It is no defence against someone who can write the file: the
    private folder is.)
    """
    import marshal
    import zlib

    try:
        with open(path, "rb") as kept:
            data = kept.read(16 << 20)
        start = len(magic) + 4
        content = data[start:]
        if data[: len(magic)] != magic or zlib.crc32(content).to_bytes(4, "big") != data[len(magic) : start]:
            return {}
        found: object = marshal.loads(content)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(found, tuple) and len(found) == 2 and found[0] == header and isinstance(found[1], dict)):
        return {}
    return {key: value for key, value in found[1].items() if well_formed(key, value)}


def write_kept(path: str, magic: bytes, header: tuple[object, ...], entries: dict[Any, Any]) -> None:
    """Write *entries* under *header* as :func:`read_kept` reads them (atomically, private; failures are silent)."""
    import marshal
    import zlib

    from reportlint.atomic import write_bytes_atomically

    try:
        content: Any = (header, entries)  # plain values: marshal checks them as it writes
        data = marshal.dumps(content)
        write_bytes_atomically(path, magic + zlib.crc32(data).to_bytes(4, "big") + data)
    except (OSError, ValueError):
        return
    seal(path)


class KeptStore:
    """What a kept file held when read, and what this process added; written back once, at exit.

    Only the process that read the file writes it (a forked ``-j`` worker's additions are
    its parent's to make too), and only if something was added. Register :meth:`save`
    with :mod:`atexit`.
    """

    def __init__(self, path: str | None, magic: bytes, header: tuple[object, ...], entries: dict[Any, Any]) -> None:
        self.path = path
        """The file, or ``None`` where there is no usable private folder (nothing is written)."""
        self.magic = magic
        self.header = header
        """What the content must start with to be this build's (read back by the owner's check)."""
        self.entries = entries
        self.added = False
        self.pid = os.getpid()

    def save(self) -> None:
        """Write the entries back if this process added any (atomically; failures are silent)."""
        if not self.added or self.path is None or os.getpid() != self.pid:
            return  # nothing new, no usable folder, or a forked worker (its parent writes)
        write_kept(self.path, self.magic, self.header, self.entries)
