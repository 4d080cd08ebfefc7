"""Compiled patterns kept between runs, so that a start-up does not compile them again.

Why: CPython compiles a regular expression in pure Python (``re._parser`` reads it,
``re._compiler`` turns it into a program of integers), and only the last step, making a
pattern object from the program, is C. The patterns one run on one report needs —
the rule packs' (first use, :mod:`reportlint.lazyre`) and the grammar lexer's (Lark's
scanner, :mod:`reportlint.line_lexer`) — cost about a quarter of a cold start's
instructions, the same every start. The program of each is kept in the private cache
folder (:mod:`reportlint.cache`); a later start hands it to ``_sre.compile`` and skips
the compiler.

What makes a kept program safe to use:

* It belongs to one Python build: the file names ``sys.version`` and ``_sre``'s magic
  number and code size, and a file for another build is ignored (and replaced).
* It is what this process's kind wrote: the file is read only from the verified private
  folder (:mod:`reportlint.cache`), where nobody else can write, and only when the
  checksum written before its content still matches (a disk fault, a file cut short).
  This matters: ``_sre.compile`` validates a program's structure and refuses most
  damage (then the pattern is compiled the ordinary way), but a program altered at
  random can pass and still crash the matcher.
* Where ``re``'s internals are not the ones this was written for (another Python
  implementation, a future CPython that moves them), :func:`compile_pattern` is ``re.compile``.
  ``tests/test_pattern_cache.py`` holds every kept pattern equal to ``re.compile``'s
  (CPython's pattern equality compares the programs).

New programs are written once, when the process ends, by the process that read the file
(at most :data:`_LIMIT` patterns, so a plugin that builds patterns from its input cannot
grow the file without end).
"""

from __future__ import annotations

import atexit
import re
import sys
from typing import Any, AnyStr, cast

from reportlint.cache import KeptStore, private_cache_file, read_kept

_FORMAT = 1
_MAGIC = b"reportlint patterns\n"
"""The file's first bytes; a CRC-32 of the rest (four bytes) follows, then the marshalled content."""
_LIMIT = 1000
"""Patterns kept at most (a run of the built-in packs needs about 150)."""

_Program = tuple[int, bytes, int, dict[Any, int], tuple[Any, ...]]
"""What ``_sre.compile`` takes besides the source: flags, code (as machine words), the
number of groups (less one), group names to numbers and numbers to names."""


class _Store(KeptStore):
    """The programs read from the cache file, and those made since."""

    def __init__(
        self,
        path: str | None,
        header: tuple[object, ...],
        programs: dict[tuple[Any, int], _Program],
        *,
        usable: bool = True,
    ) -> None:
        super().__init__(path, _MAGIC, header, programs)
        self.usable = usable
        """False where ``re``'s internals are not the ones followed here: ``re.compile`` then."""

    @property
    def programs(self) -> dict[tuple[Any, int], _Program]:
        return self.entries


_store: _Store | None = None


def compile_pattern(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(source, flags)``, from a kept program when an earlier run compiled it."""
    store = _store or _open()
    if not store.usable or flags & re.DEBUG:
        return re.compile(source, flags)
    key = (source, int(flags))
    kept = store.programs.get(key)
    made = _from_program(source, kept) if kept is not None else None
    if made is not None:
        return cast("re.Pattern[AnyStr]", made)
    pattern, program = _compile_keeping_program(source, int(flags))
    if len(store.programs) < _LIMIT:
        store.programs[key] = program
        store.added = True
    return cast("re.Pattern[AnyStr]", pattern)


def _from_program(source: Any, program: _Program) -> Any:
    """The pattern made from a kept program, or ``None`` when ``_sre`` refuses it."""
    from array import array

    _sre = _sre_module()
    flags, words, groups, groupindex, indexgroup = program
    code = array("I")
    try:
        code.frombytes(words)
        return _sre.compile(source, flags, code.tolist(), groups, dict(groupindex), tuple(indexgroup))
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None  # not a program this Python accepts: compile afresh


def _compile_keeping_program(source: Any, flags: int) -> tuple[Any, _Program]:
    """Compile as ``re._compiler.compile`` does, keeping the program it makes on the way."""
    from array import array

    _sre = _sre_module()
    parsed = re._parser.parse(source, flags)
    code = re._compiler._code(parsed, flags)  # type: ignore[attr-defined]
    groupindex = parsed.state.groupdict
    indexgroup: list[Any] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    final_flags = flags | parsed.state.flags
    groups = parsed.state.groups - 1
    pattern = _sre.compile(source, final_flags, code, groups, groupindex, tuple(indexgroup))
    words = array("I", code).tobytes()
    return pattern, (final_flags, words, groups, dict(groupindex), tuple(indexgroup))


def _sre_module() -> Any:
    """The C half of ``re`` (no type stubs: its functions take and give plain values)."""
    import _sre  # type: ignore[import-not-found]

    return _sre


def _supported() -> bool:
    """Whether ``re``'s internals are the ones :func:`_compile_keeping_program` follows."""
    try:
        _sre = _sre_module()
    except ImportError:
        return False
    from array import array

    internals = getattr(re, "_parser", None), getattr(re, "_compiler", None)
    return (
        sys.implementation.name == "cpython"
        and all(internals)
        and hasattr(internals[0], "parse")
        and hasattr(internals[1], "_code")
        and getattr(_sre, "CODESIZE", None) == array("I").itemsize
    )


def _open() -> _Store:
    """Read the kept programs (once per process)."""
    global _store
    if not _supported():
        _store = _Store(None, (), {}, usable=False)
        return _store
    _sre = _sre_module()

    header: tuple[object, ...] = ("reportlint-patterns", _FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE)
    # Named for the interpreter too, so that two Pythons sharing a home do not replace each other's file.
    path = private_cache_file(f"patterns-{sys.implementation.cache_tag}.marshal")
    programs: dict[tuple[Any, int], _Program] = {}
    if path is not None:
        programs = read_kept(path, _MAGIC, header, _well_formed)  # none from another build
    _store = _Store(path, header, programs)
    atexit.register(_store.save)
    return _store


def _well_formed(key: object, value: object) -> bool:
    """Whether an entry has the shape :func:`_from_program` expects (its content ``_sre`` checks)."""
    return (
        isinstance(key, tuple)
        and len(key) == 2
        and isinstance(key[0], str | bytes)
        and isinstance(key[1], int)
        and isinstance(value, tuple)
        and len(value) == 5
        and isinstance(value[0], int)
        and isinstance(value[1], bytes)
        and isinstance(value[2], int)
        and isinstance(value[3], dict)
        and isinstance(value[4], tuple)
    )


class LarkRe:
    """The part of the ``re`` module Lark's lexer uses, compiling through :func:`compile_pattern`.

    Lark takes its regular-expression module from its lexer configuration
    (``re_module``); :class:`reportlint.line_lexer.LineLexer` hands it this instead.
    """

    error = re.error

    @staticmethod
    def compile(source: str, flags: int = 0) -> re.Pattern[str]:
        return compile_pattern(source, flags)

    @staticmethod
    def match(source: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return compile_pattern(source, flags).match(text)
