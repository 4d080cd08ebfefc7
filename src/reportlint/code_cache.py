"""Compiled source kept between runs: the ``__init__`` methods :mod:`reportlint.records` writes.

Why: a record class gets an ``__init__`` written as source text from its fields, as
``dataclass`` writes one, and compiling it costs about a tenth of a millisecond; a start
makes some eighty record classes, so compiling them was about 7 % of a flake8 cold
start, the same text every time. The code object compiled from each text is kept in the
private cache folder (:mod:`reportlint.cache`) and a later start runs it instead of
compiling the text again.

What makes kept code safe to run:

* The key is the whole source text, so a kept code object is used only for the text it
  was compiled from; a text never seen is compiled as usual (and kept).
* It belongs to one Python build: the file is named for the interpreter
  (``sys.implementation.cache_tag``) and holds ``sys.version``, and bytecode of another
  build is ignored (and replaced).
* It is what this process's kind wrote: it is read only from the verified private folder,
  where nobody else can write (a code object runs when loaded, as a ``.pyc`` file does
  — the same trust Python gives its ``__pycache__`` folders), and only behind an intact
  checksum.

New code is written once, when the process ends, by the process that read the file (at
most :data:`_LIMIT` texts, so nothing can grow the file without end).
``tests/test_code_cache.py`` holds kept code to a fresh compile's, and tests the trust.
"""

from __future__ import annotations

import atexit
import sys
from types import CodeType

from reportlint.cache import KeptStore, private_cache_file, read_kept

_FORMAT = 1
_MAGIC = b"reportlint code\n"
_LIMIT = 500
"""Texts kept at most (a run of the built-in packs makes about eighty)."""


class _Store(KeptStore):
    """The code read from the cache file, and the code compiled since."""

    def __init__(self, path: str | None, header: tuple[object, ...], code: dict[str, CodeType]) -> None:
        super().__init__(path, _MAGIC, header, code)

    @property
    def code(self) -> dict[str, CodeType]:
        return self.entries


_store: _Store | None = None


def compiled(source: str) -> CodeType:
    """``compile(source, "<string>", "exec")``, kept from an earlier run when one compiled it."""
    store = _store or _open()
    code = store.code.get(source)
    if code is None:
        code = compile(source, "<string>", "exec")
        if len(store.code) < _LIMIT:
            store.code[source] = code
            store.added = True
    return code


def _well_formed(key: object, value: object) -> bool:
    return isinstance(key, str) and isinstance(value, CodeType)


def _open() -> _Store:
    """Read the kept code (once per process)."""
    global _store
    header: tuple[object, ...] = ("reportlint-code", _FORMAT, sys.version)
    path = private_cache_file(f"code-{sys.implementation.cache_tag}.marshal")
    code = read_kept(path, _MAGIC, header, _well_formed) if path is not None else {}
    _store = _Store(path, header, code)
    atexit.register(_store.save)
    return _store
