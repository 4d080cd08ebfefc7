"""Keeping one rule's faults inside that rule: a time budget, results checked, Ctrl-C told apart.

A rule is code from any installed pack or local plugin. Whatever it does — hang,
yield something that is not a :class:`~reportlint.diagnostics.Finding`, raise a
``BaseException``, call ``sys.exit`` or raise ``KeyboardInterrupt`` itself — it
becomes one P901 finding naming the rule, and the other rules and files still run.

Time budget: each rule gets :data:`DEFAULT_RULE_TIMEOUT` seconds per report
(``rule-timeout`` in the configuration, ``REPORTLINT_RULE_TIMEOUT`` in the
environment; 0 switches it off). It is enforced with ``SIGALRM``/``setitimer`` in the
main thread of each process (the main process, or each ``-j`` worker); after the first
alarm the timer repeats every 50 ms, so a rule that swallows the first
:class:`RuleTimeout` is stopped by the next. A rule stuck inside C code that never
returns to Python cannot be interrupted this way. On Windows, which has no
``SIGALRM``, and outside the main thread, there is no budget: a hanging rule hangs.

Ctrl-C: the SIGINT handler installed here records that the user pressed it before
raising ``KeyboardInterrupt`` as Python's own does; a ``KeyboardInterrupt`` without that
record was raised by the rule, and is reported like any other fault.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from types import FrameType

DEFAULT_RULE_TIMEOUT = 10.0
"""Seconds one rule may take on one report; real reports take milliseconds."""
TIMEOUT_VARIABLE = "REPORTLINT_RULE_TIMEOUT"
_REPEAT = 0.05


_MAX_TIMER = 1e7
"""Seconds beyond which a budget is no budget (``setitimer`` overflows near 2**31): off."""


class RuleTimeout(BaseException):
    """Raised in a rule that ran past its budget (a BaseException, so ``except Exception`` misses it)."""


_user_interrupted = False


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    global _user_interrupted
    _user_interrupted = True
    signal.default_int_handler(signum, frame)


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def watch_interrupts() -> None:
    """Install the recording SIGINT handler, if Python's default one is in place (main thread only)."""
    if _in_main_thread() and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_sigint)


def interrupted_by_user() -> bool:
    """Whether a real SIGINT (Ctrl-C) arrived since :func:`watch_interrupts`."""
    return _user_interrupted


def rule_timeout(configured: float | None = None) -> float:
    """The budget in seconds: the environment variable, else *configured*, else the default."""
    value = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if value:
        try:
            return max(float(value), 0.0)
        except ValueError:
            pass
    return DEFAULT_RULE_TIMEOUT if configured is None else max(configured, 0.0)


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise RuleTimeout


_CAN_ALARM = hasattr(signal, "setitimer")
_SIGALRM = int(getattr(signal, "SIGALRM", 14))
_set_handler: Callable[[int, object], object] = getattr(signal, "_signal", signal).signal
"""``signal.signal`` without its enum conversions: the C module's (the wrapper elsewhere)."""


class time_budget:  # used like the function it was: ``with time_budget(seconds):``
    """Raise :class:`RuleTimeout` in the body once it has run *seconds* (see the module).

    A class rather than a ``@contextmanager`` generator, calling the C functions under
    :mod:`signal` (whose wrappers turn every handler into an enum, failing with a
    ``ValueError`` for a Python function): it runs around every rule on every report,
    and this way costs some 8 µs instead of 60.
    """

    __slots__ = ("previous", "seconds")

    def __init__(self, seconds: float) -> None:
        usable = 0 < seconds < _MAX_TIMER  # an interval timer refuses what time_t cannot hold
        self.seconds = seconds if usable and _CAN_ALARM and _in_main_thread() else 0.0
        self.previous: object = None

    def __enter__(self) -> None:
        if self.seconds:
            self.previous = _set_handler(_SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds, _REPEAT)

    def __exit__(self, *exc_info: object) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _set_handler(_SIGALRM, signal.SIG_DFL if self.previous is None else self.previous)


def describe_error(error: BaseException) -> str:
    """``Type: message`` of *error*, even when its ``__str__`` itself fails."""
    try:
        return f"{type(error).__name__}: {error}"
    except Exception:
        return type(error).__name__


def describe_result(value: object) -> str | None:
    """Why *value* is not a usable finding, or ``None`` when it is one."""
    from reportlint.diagnostics import Finding

    if not isinstance(value, Finding):
        return f"应为 Finding，而不是 {type(value).__name__}"
    if not isinstance(value.message, str):
        return f"Finding 的 message 应为字符串，而不是 {type(value.message).__name__}"
    for name in ("line", "column"):
        number = getattr(value, name)
        if not isinstance(number, int) or isinstance(number, bool):
            return f"Finding 的 {name} 应为整数，而不是 {type(number).__name__}"
    if not isinstance(value.anchor, str):
        return f"Finding 的 anchor 应为字符串，而不是 {type(value.anchor).__name__}"
    for name in ("end_line", "end_column"):
        number = getattr(value, name)
        if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
            return f"Finding 的 {name} 应为整数或 None，而不是 {type(number).__name__}"
    return _describe_fix(value.fix)


def _describe_fix(fix: object) -> str | None:
    """Why a finding's *fix* is unusable, or ``None`` (no fix, or a well-formed one)."""
    from reportlint.diagnostics import Fix, TextEdit

    if fix is None:
        return None
    if not isinstance(fix, Fix):
        return f"Finding 的 fix 应为 Fix 或 None，而不是 {type(fix).__name__}"
    if not isinstance(fix.title, str) or not isinstance(fix.safe, bool) or not isinstance(fix.edits, tuple):
        return "Finding 的 fix 应有字符串 title、布尔值 safe 和 TextEdit 元组 edits"
    for edit in fix.edits:
        if not isinstance(edit, TextEdit) or not isinstance(edit.replacement, str):
            return "Finding 的 fix.edits 应为 TextEdit，replacement 应为字符串"
        numbers = (edit.line, edit.column, edit.end_line, edit.end_column)
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in numbers):
            return "Finding 的 fix.edits 的行号和列号应为正整数"
        if edit.end < edit.start:
            return "Finding 的 fix.edits 的结束位置在开始位置之前"
    return None
