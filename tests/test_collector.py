"""The cycle collector of a reportlint process: off while it starts, then on with start-up frozen.

A local rule reports, for each report, the collector's state while it runs: in a
command's process, and in each ``-j`` worker, start-up has ended (collecting, what
start-up built frozen) before the first report is read. Code that calls reportlint in
its own process keeps its own collector settings.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, findings, run

WATER = EXAMPLES / "2023-water-bureau.txt"
_STATE_RULE = '''
import gc
from reportlint import hookimpl
from reportlint.diagnostics import Finding
from reportlint.rulebase import Rule, RulePack


class CollectorState(Rule):
    """检查内容：
        报告运行时垃圾回收器的状态。

    为何重要：
        测试用。

    示例：
        无。

    修改方法：
        无。
    """

    code = "LG001"
    name = "collector-state"
    summary = "垃圾回收器状态"

    def check(self, report):
        frozen = gc.get_freeze_count() > 0
        yield Finding(f"enabled={gc.isenabled()} frozen={frozen}", line=1)


@hookimpl
def reportlint_rule_pack():
    return RulePack("local", ("LG",), (CollectorState,))
'''
SETTLED = "enabled=True frozen=True"


def _project(folder: Path, copies: int) -> None:
    (folder / "state.py").write_text(_STATE_RULE, encoding="utf-8")
    (folder / "reportlint.toml").write_text('local-plugins = ["state.py"]\nselect = ["LG"]\n', encoding="utf-8")
    for number in range(copies):
        (folder / f"report-{number}.txt").write_bytes(WATER.read_bytes())


def _states(folder: Path, *args: str) -> list[str]:
    command = [sys.executable, "-m", "reportlint", *args, "."]
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1 and result.stderr == "", result.stderr  # the rule's findings are errors
    return [line.split(" LG001 ", 1)[1] for line in findings(result.stdout)]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_command_and_its_workers_check_every_report_after_start_up(tmp_path: Path, jobs: str) -> None:
    _project(tmp_path, 6)
    assert _states(tmp_path, "-j", jobs) == [SETTLED] * 6


@pytest.fixture
def own_thresholds() -> Iterator[None]:
    """This test process's collector thresholds, put back afterwards."""
    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)


@pytest.mark.usefixtures("own_thresholds")
def test_code_calling_reportlint_keeps_its_collector() -> None:
    gc.set_threshold(1234, 5, 6)
    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    assert findings(run("--isolated", str(WATER)).stdout)
    assert gc.get_threshold() == (1234, 5, 6) and gc.isenabled() == enabled and gc.get_freeze_count() == frozen


_SETTLING = """
import gc
from reportlint import collector
gc.set_threshold(700, 11, 12)
collector.settle()
assert gc.get_freeze_count() == 0, "settled without a pause"
collector.pause()
assert not gc.isenabled() and collector.paused()
collector.settle()
frozen = gc.get_freeze_count()
assert gc.isenabled() and not collector.paused() and frozen > 0 and gc.get_threshold() == (700, 11, 12)
collector.settle()
assert gc.get_freeze_count() == frozen, "settled twice"
print("ok")
"""


def test_settling_happens_once_after_a_pause_and_keeps_the_thresholds() -> None:
    # In a process of its own: freezing is for good, and this test process has its own settings.
    result = subprocess.run([sys.executable, "-c", _SETTLING], capture_output=True, text=True, check=False, timeout=60)
    assert result.stdout == "ok\n", result.stderr
