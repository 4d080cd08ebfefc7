"""Regular expressions compiled on first use, for module-level patterns.

Why: Python compiles a pattern in pure Python, and a class of Chinese characters such
as ``[\\u4e00-\\u9fff]`` alone costs about as much as a hundred ASCII patterns, because the
compiler marks each of its 21,000 code points one by one. The rule packs hold a couple
of hundred patterns; on a typical report about half are never used (a rule that finds
no table, a fault that is not there), so compiling them at import was a large share of
every start-up. A :func:`lazy_compile` pattern costs nothing until it is first used.

After its first use a pattern is as fast as a compiled one: each attribute the code
asks for (``finditer``, ``sub``, ``pattern``…) is looked up once on the compiled
pattern and kept on the proxy, so later calls are ordinary attribute hits. Hand the
proxy to code that calls its methods; ``re.sub(pattern, …)`` and ``isinstance(…,
re.Pattern)`` want the real thing — use ``pattern.sub(…)``.

The first use compiles through :mod:`reportlint.pattern_cache`, which keeps the compiled
programs between runs, so most starts compile nothing.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

from reportlint.pattern_cache import compile_pattern


class LazyPattern:
    """A pattern's source and flags; compiled, and its attributes kept, when first asked for."""

    def __init__(self, source: str | bytes, flags: int = 0) -> None:
        self.__dict__["_source"] = source
        self.__dict__["_flags"] = flags

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes not yet kept: compile once, keep what was asked for.
        if name.startswith("__") or "_source" not in self.__dict__:
            raise AttributeError(name)  # copy/pickle probing a bare instance, or a dunder
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = compile_pattern(self.__dict__["_source"], self.__dict__["_flags"])
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a pattern is read-only")

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied and pickled as its source and flags (compiled again where it is used)."""
        return (LazyPattern, (self.__dict__["_source"], self.__dict__["_flags"]))

    def __repr__(self) -> str:
        return f"lazy_compile({self.__dict__['_source']!r})"


def lazy_compile(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """A pattern compiled on first use; typed as the compiled pattern it stands for."""
    return cast("re.Pattern[AnyStr]", LazyPattern(source, flags))
