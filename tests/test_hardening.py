"""Hardening (issue 14): what breaks around the report, tried as a user or an attacker would.

Each test is a reproducer with the real thing: a planted pickle, real file names
with control characters, real parsers for the outputs, a real SIGKILL and SIGTERM,
a full tmpfs where root may mount one.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest

from reportlint.engine import Linter
from reportlint.plugins import collect_rules, create_manager
from reportlint.readers.text import decode
from reportlint.runner import WORKER_DIED
from tests.conftest import FIXTURES, findings, run, shared_reports

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
WATER = EXAMPLES / "2023-water-bureau.txt"


def run_own_process(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m reportlint ARGS`` as a user runs it; stdout/stderr decoded.

    For the tests where the process is the point: a ``-j`` worker killed, a rule stopped
    by its time budget. The others call the CLI in this process
    (:func:`tests.conftest.run`), which is the same code minus a start-up.
    """
    process = subprocess.run(
        [sys.executable, "-m", "reportlint", *args],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        process.args,
        process.returncode,
        process.stdout.decode("utf-8", "surrogateescape"),
        process.stderr.decode("utf-8", "surrogateescape"),
    )


def findings_of(stdout: str) -> list[str]:
    """The finding lines of default output, without any --show-source lines."""
    return [line for line in stdout.splitlines() if re.match(r"^.+:\d+:\d+: [A-Z]+\d{3} ", line)]


# -- pickles: Lark's shared cache -----------------------------------------------------
class _Plant:
    """A pickle whose loading creates the marker folder: proof that it was unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def _plant(cache_file: Path, marker: Path) -> None:
    """Put a malicious pickle where Lark reads its cache: a hash line, then the pickle it loads first."""
    header = cache_file.read_bytes().split(b"\n", 1)[0] if cache_file.exists() else b"0"
    cache_file.write_bytes(header + b"\n" + pickle.dumps(_Plant(marker)))


@pytest.fixture
def cache_env(tmp_path: Path) -> dict[str, str]:
    """A private TMPDIR, HOME and cache folder for one test's reportlint processes."""
    for name in ("shared-tmp", "home", "cache"):
        (tmp_path / name).mkdir()
    return {
        "TMPDIR": str(tmp_path / "shared-tmp"),
        "HOME": str(tmp_path / "home"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "USER": "someone",
        "LOGNAME": "someone",
    }


@pytest.fixture
def start(cache_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], int]]:
    """``reportlint --isolated WATER`` in this process as a new process starts it, in *cache_env*.

    The parser this process already holds is dropped first, so each call makes it anew
    exactly as a process start does; a process start itself costs more than the parser.
    Returns the exit status, after checking the run found something (the parser worked).
    """
    from reportlint.parsing import load_parser

    for name, value in cache_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again

    def lint_water() -> int:
        load_parser.cache_clear()
        result = run("--isolated", str(WATER))
        assert findings_of(result.stdout), result.stderr
        return result.returncode

    yield lint_water
    load_parser.cache_clear()  # the next test loads the parser in its own environment


def _lark_default_cache() -> None:
    """Build the report grammar with Lark's own ``cache=True`` (it writes to the shared temp folder)."""
    from lark import Lark

    Lark.open_from_package("reportlint_grammar", "report.lark", parser="lalr", cache=True)


def test_a_pickle_planted_in_the_shared_temp_folder_is_never_loaded(
    tmp_path: Path, cache_env: dict[str, str], start: Callable[[], int]
) -> None:
    marker = tmp_path / "planted-code-ran"
    _lark_default_cache()
    (shared,) = Path(cache_env["TMPDIR"]).glob(".lark_cache_*")  # the predictable name another user can take
    _plant(shared, marker)
    with contextlib.suppress(Exception):  # Lark gets back the planted object, not a parser
        _lark_default_cache()
    assert marker.exists(), "control: Lark's default cache does run the planted pickle"
    marker.rmdir()
    _plant(shared, marker)

    assert start() == 1
    assert not marker.exists()


def test_a_run_unpickles_nothing(cache_env: dict[str, str]) -> None:
    """The parser comes from generated tables, not a pickle: a run never loads one, from any folder."""
    probe = (
        "import pickle, sys\n"
        "def refuse(*args, **kwargs): raise SystemExit('unpickled')\n"
        "pickle.load = pickle.loads = refuse\n"
        "from reportlint.cli import main\n"
        "status = main(['--isolated', sys.argv[1]])\n"
        "print(status, 'lark' in sys.modules)\n"
    )
    for _ in range(2):  # the first start fills the cache folder, the second reads it
        result = subprocess.run(
            [sys.executable, "-c", probe, str(WATER)], capture_output=True, text=True, env={**os.environ, **cache_env}
        )
        assert result.stdout.splitlines()[-1] == "1 False", result.stderr


# -- escaping ------------------------------------------------------------------------
ESCAPES = "\x1b]0;pwned\x07\x1b[2J"


def _escape_report(folder: Path, name: str = "esc.txt") -> Path:
    lines = WATER.read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0][:6] + ESCAPES + lines[0][6:]  # T003 quotes the title around its "]" and "["
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_escape_sequences_in_quoted_text_and_source_never_reach_the_terminal(tmp_path: Path) -> None:
    path = _escape_report(tmp_path)
    result = run("--isolated", "--show-source", str(path))
    assert result.returncode == 1
    assert "T003" in result.stdout and "\\x1b]0;pwned\\x07" in result.stdout
    assert not set(result.stdout) & {"\x1b", "\x07", "\x9b"}


def test_a_newline_in_a_file_name_forges_no_output_line(tmp_path: Path) -> None:
    path = tmp_path / "a\n::error file=x,line=1::forged\n.txt"
    path.write_bytes(WATER.read_bytes())
    default = run("--isolated", str(tmp_path))
    github = run("--isolated", "--format", "github", str(tmp_path))
    assert default.returncode == github.returncode == 1
    assert not [line for line in default.stdout.splitlines() if line.startswith("::")]
    assert all(line.startswith(str(tmp_path)) for line in findings(default.stdout))
    commands = github.stdout.splitlines()
    assert len(commands) == len(findings_of(default.stdout))
    forged = r"a%0A%3A%3Aerror file=x%2Cline=1%3A%3Aforged%0A\.txt,"  # the name, escaped as one property
    assert all(re.match(rf"^::(error|warning) file=[^:,]*{forged}", command) for command in commands)


def test_junit_is_well_formed_with_control_characters_in_text_and_file_names(tmp_path: Path) -> None:
    _escape_report(tmp_path, "bell\x07\x1b.txt")
    result = run("--isolated", "--format", "junit", str(tmp_path))
    assert result.returncode == 1
    suites = ElementTree.fromstring(result.stdout.encode("utf-8"))
    (case,) = suites.iter("testcase")
    assert case.get("name", "").endswith("bell\\x07\\x1b.txt")
    messages = [failure.get("message", "") for failure in case.iter("failure")]
    assert any("\\x1b]0;pwned\\x07" in message for message in messages)


@pytest.mark.skipif(sys.platform == "win32", reason="file names are bytes on POSIX only")
def test_json_output_is_utf_8_and_names_a_file_whose_name_is_not(tmp_path: Path) -> None:
    name = os.fsdecode(b"report-\xff\xfe.txt")
    (tmp_path / name).write_bytes(WATER.read_bytes())
    process = subprocess.run(
        [sys.executable, "-m", "reportlint", "--isolated", "--format", "json", "."], cwd=tmp_path, capture_output=True
    )
    assert process.returncode == 1
    findings = json.loads(process.stdout.decode("utf-8"))  # strict UTF-8: no raw surrogate bytes
    assert {finding["path"] for finding in findings} == {f"./{name}"}
    assert (tmp_path / findings[0]["path"]).is_file()


URI_REFERENCE_RE = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$")
"""RFC 3986: a URI reference holds only unreserved, reserved and percent-encoded characters."""


def test_sarif_uris_are_percent_encoded_and_read_back_as_the_same_file(tmp_path: Path) -> None:
    names = ["平潭财政局 2021.txt", "police%2021.txt", "with space.txt"]
    for name in names:
        (tmp_path / name).write_bytes(WATER.read_bytes())
    result = run("--isolated", "--format", "sarif", *names, cwd=tmp_path)
    assert result.returncode == 1
    log = json.loads(result.stdout)
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for outcome in log["runs"][0]["results"]
        for location in outcome["locations"]
    }
    assert all(URI_REFERENCE_RE.match(uri) for uri in uris), uris
    assert {unquote(uri) for uri in uris} == set(names)
    assert "police%252021.txt" in uris


# -- local plugins -------------------------------------------------------------------
RULE_DOC = '''"""What it does:
        {summary}.

    Why it matters:
        A test.

    Example:
        None.

    Fix:
        None.
    """'''


def _plugin(folder: Path, rules: dict[str, str], prelude: str = "", name: str = "checks.py") -> Path:
    """A local rule pack in *folder*, named by a reportlint.toml there; *rules*: code → body of check()."""
    classes = []
    for number, (code, body) in enumerate(rules.items()):
        classes.append(
            f"class Rule{number}(Rule):\n    {RULE_DOC.format(summary=code)}\n"
            f"    code = {code!r}\n    name = 'local-{code.lower()}'\n    summary = {code!r}\n\n"
            f"    def check(self, report):\n{body}\n"
        )
    names = ", ".join(f"Rule{number}" for number in range(len(rules)))
    source = (
        "import os, signal, sys, time\n"
        "from reportlint import hookimpl\n"
        "from reportlint.diagnostics import Finding\n"
        "from reportlint.rulebase import Rule, RulePack\n"
        f"{prelude}\n\n" + "\n\n".join(classes) + "\n\n@hookimpl\ndef reportlint_rule_pack():\n"
        f"    return RulePack('local', ('LC',), ({names},))\n"
    )
    (folder / name).write_text(source, encoding="utf-8")
    return folder / name


@pytest.mark.parametrize("path", ["{absolute}", "../checks.py", "sub/../../checks.py"])
def test_local_plugin_paths_outside_the_configuration_folder_are_refused(tmp_path: Path, path: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    plugin = _plugin(tmp_path, {"LC001": "        return iter(())"})
    path = path.format(absolute=plugin)  # an existing plugin, outside the project
    (project / "reportlint.toml").write_text(f"local-plugins = [{path!r}]\n", encoding="utf-8")
    result = run("--list-rules", cwd=project)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and path in result.stderr and "LC001" not in result.stdout


@pytest.mark.parametrize("refusal", ["flag", "environment"])
def test_refused_local_plugins_are_not_even_imported(
    tmp_path: Path, refusal: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "imported"
    _plugin(tmp_path, {"LC001": "        return iter(())"}, prelude=f"open({str(marker)!r}, 'w').close()")
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["checks.py"]\n', encoding="utf-8")
    assert "LC001" in run("--list-rules", cwd=tmp_path).stdout and marker.exists()
    marker.unlink()
    if refusal == "flag":
        result = run("--list-rules", "--no-local-plugins", cwd=tmp_path)
    else:
        monkeypatch.setenv("REPORTLINT_NO_LOCAL_PLUGINS", "1")
        result = run("--list-rules", cwd=tmp_path)
    assert result.returncode == 0 and "A001" in result.stdout and "LC001" not in result.stdout
    assert not marker.exists()


def test_a_local_plugin_calling_sys_exit_at_import_exits_2_naming_it(tmp_path: Path) -> None:
    (tmp_path / "checks.py").write_text("import sys\nsys.exit(7)\n", encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["checks.py"]\n', encoding="utf-8")
    result = run("--list-rules", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"reportlint: 本地插件 {tmp_path.resolve() / 'checks.py'} 无法加载：SystemExit: 7\n"


# -- faults in rules and workers ---------------------------------------------------------
def _reports(folder: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = folder / f"report-{number:02d}.txt"
        path.write_bytes(WATER.read_bytes())
        paths.append(path)
    return paths


def test_a_killed_worker_costs_only_its_file(tmp_path: Path) -> None:
    _plugin(tmp_path, {"LC001": "        if 'KILL-THIS-WORKER' in report.text:\n"
                                "            os.kill(os.getpid(), signal.SIGKILL)\n"
                                "        return iter(())"})  # fmt: skip
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["checks.py"]\n', encoding="utf-8")
    others = _reports(tmp_path, 7)
    killer = tmp_path / "report-killer.txt"
    killer.write_text(WATER.read_text(encoding="utf-8") + "\nKILL-THIS-WORKER\n", encoding="utf-8")
    serial = run("-j", "1", *map(str, others), cwd=tmp_path)

    result = run_own_process("-j", "2", str(tmp_path), cwd=tmp_path)

    assert result.returncode == 2
    assert result.stderr == f"reportlint: {killer}: {WORKER_DIED}\n"
    assert result.stdout == serial.stdout and len(findings_of(serial.stdout)) > 7


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return bool(condition())


@pytest.fixture
def sleeper(tmp_path: Path) -> Iterator[Path]:
    """A project whose local rule records its process id, then sleeps for a minute."""
    pids = tmp_path / "pids"
    pids.mkdir()
    record = f"        open(os.path.join({str(pids)!r}, str(os.getpid())), 'w').close()\n"
    body = record + "        time.sleep(60)\n        return iter(())"
    _plugin(tmp_path, {"LC001": body})
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["checks.py"]\nrule-timeout = 0\n', encoding="utf-8")
    _reports(tmp_path, 4)
    yield pids
    for pid in (int(path.name) for path in pids.iterdir()):
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_sigterm_to_the_main_process_ends_its_workers(tmp_path: Path, sleeper: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "reportlint", "-j", "2", str(tmp_path)], cwd=tmp_path, stdout=subprocess.DEVNULL
    )
    try:
        assert _wait_for(lambda: len(list(sleeper.iterdir())) == 2, 60), "the workers never reached the rule"
        workers = [int(path.name) for path in sleeper.iterdir()]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == -signal.SIGTERM
        assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10), "workers outlived the main process"
    finally:
        process.kill()


def _as_a_shell_starts_it() -> None:
    """SIGINT at its default and unblocked in the child, as a shell starts a command: the test
    process may have inherited it ignored or blocked (pytest-xdist workers, pools run in them)."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _signal_state(status: Path) -> str:
    """The ignored, blocked and caught signal masks of a process, from /proc (for a failure message)."""
    try:
        lines = status.read_text().splitlines()
    except OSError as error:
        return str(error)
    return " ".join(line.replace("\t", "") for line in lines if line.startswith(("SigBlk", "SigIgn", "SigCgt")))


def test_a_real_ctrl_c_still_stops_the_run_with_130(tmp_path: Path, sleeper: Path) -> None:
    parent = _signal_state(Path("/proc/self/status"))
    process = subprocess.Popen(
        [sys.executable, "-m", "reportlint", "-j", "1", str(tmp_path)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_as_a_shell_starts_it,
    )
    try:
        assert _wait_for(lambda: any(sleeper.iterdir()), 60)
        child = _signal_state(Path(f"/proc/{process.pid}/status"))
        process.send_signal(signal.SIGINT)
        try:
            stdout, stderr = process.communicate(timeout=60)  # generous: a loaded machine is slow to unwind
        except subprocess.TimeoutExpired:
            raise AssertionError(f"SIGINT did not stop the run; masks: test {parent}, reportlint {child}") from None
        assert (process.returncode, stdout, stderr.decode("utf-8")) == (130, b"", "reportlint: 已中断\n")
    finally:
        process.kill()


def test_a_hanging_rule_is_stopped_by_its_time_budget_and_named(tmp_path: Path) -> None:
    _plugin(tmp_path, {
        "LC001": "        while True:\n            pass",
        "LC002": "        try:\n            while True:\n                pass\n"
                 "        except Exception:\n            pass\n        return iter(())",
    })  # fmt: skip
    # Each hanging rule costs its whole budget: 0.25 s, while every built-in rule takes under
    # 20 ms on this report even in a fresh process (so a machine many times slower still passes).
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["checks.py"]\nrule-timeout = 0.25\n', encoding="utf-8")
    (report,) = _reports(tmp_path, 1)
    plain = run("--isolated", str(report))

    result = run_own_process(str(report), cwd=tmp_path)

    assert result.returncode == 1 and result.stderr == ""
    budget = "超过时间预算（每个报告 0.25 秒），已中止"
    assert f"{report}:1:1: P901 规则 LC001（local-lc001）{budget}" in result.stdout
    assert f"{report}:1:1: P901 规则 LC002（local-lc002）{budget}" in result.stdout
    assert [line for line in findings_of(result.stdout) if "P901" not in line] == findings_of(plain.stdout)


def test_plugin_rules_that_misbehave_become_p901_findings_naming_them(tmp_path: Path) -> None:
    _plugin(
        tmp_path,
        {
            "LC001": "        yield 42",
            "LC002": "        yield Finding(message=123, line=1)",
            "LC003": "        raise Oops('尽力了')",
            "LC004": "        sys.exit(3)",
            "LC005": "        raise KeyboardInterrupt",
            "LC006": "        yield Finding('好', line='1')",
        },
        prelude="class Oops(BaseException):\n    pass",
    )
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["checks.py"]\n', encoding="utf-8")
    (report,) = _reports(tmp_path, 1)
    plain = run("--isolated", str(report))

    result = run(str(report), cwd=tmp_path)

    assert result.returncode == 1 and result.stderr == ""
    p901 = [line.split(" P901 ", 1)[1] for line in findings_of(result.stdout) if " P901 " in line]
    assert p901 == [
        "规则 LC001（local-lc001）返回了无效的结果，已跳过：应为 Finding，而不是 int",
        "规则 LC002（local-lc002）返回了无效的结果，已跳过：Finding 的 message 应为字符串，而不是 int",
        "规则 LC003（local-lc003）运行出错，已跳过：Oops: 尽力了",
        "规则 LC004（local-lc004）运行出错，已跳过：SystemExit: 3",
        "规则 LC005（local-lc005）运行出错，已跳过：KeyboardInterrupt（由规则引发）",
        "规则 LC006（local-lc006）返回了无效的结果，已跳过：Finding 的 line 应为整数，而不是 str",
    ]
    assert [line for line in findings_of(result.stdout) if "P901" not in line] == findings_of(plain.stdout)


# -- configuration -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('select = ["A"]\n# 注释\n'.encode("utf-16"), "UTF-16"),
        (b'select = ["A"]\n# \xff\xfe\xfd\n', "不是 UTF-8"),
        (b"x = " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "嵌套过深"),
    ],
    ids=["utf-16", "bad-utf-8", "deeply-nested"],
)
def test_a_broken_configuration_in_a_parent_folder_is_one_line_naming_it(
    tmp_path: Path, content: bytes, says: str
) -> None:
    (tmp_path / "reportlint.toml").write_bytes(content)
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    (work / "report.txt").write_bytes(WATER.read_bytes())
    result = run("report.txt", cwd=work)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and says in result.stderr
    assert result.stderr.startswith(f"reportlint: {tmp_path / 'reportlint.toml'}: ")


def test_a_blank_code_in_the_configuration_is_refused(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('ignore = [" "]\n', encoding="utf-8")
    (tmp_path / "report.txt").write_bytes(b"")  # P001: would be switched off by the blank prefix
    result = run("report.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"reportlint: {tmp_path / 'reportlint.toml'}: ignore: 规则代码不能为空或只有空白：[' ']\n"


# -- output size, numbers, invisible characters, line breaks, wrapped cells ----------------
def test_show_source_prints_a_window_not_the_whole_line_per_finding(tmp_path: Path) -> None:
    text = (FIXTURES / "clean-2021.txt").read_text(encoding="utf-8")
    path = tmp_path / "long-line.txt"
    long_line = "明确拟稿科室初审" + "2023年2月30日，" * 3000  # 3,000 D003 findings on one line
    path.write_text(text.replace("明确拟稿科室初审", long_line, 1), encoding="utf-8")
    result = run("--isolated", "--show-source", str(path))
    found = findings_of(result.stdout)
    assert result.returncode == 1 and len(found) >= 3000
    assert len(result.stdout) < 400 * len(found)  # the whole 33,000-character line each time: 1,000 times more
    assert any(line.startswith("...") and line.endswith("...") for line in result.stdout.splitlines())


def test_counts_of_hundreds_and_thousands_of_digits_do_not_crash_a006_a007_a008(tmp_path: Path) -> None:
    for digits in (401, 5000):
        number = "9" * digits
        prose = (
            f"全镇共清理微信工作群{number}个，其中解散{number}个，保留8个。"
            f"共清理微信工作群1个，其中解散{number}个，保留1个。"
            f"在主动公开的{number}条政府信息中，{number}条占30%。由{number}件增加到{number}件，增加{number}件。\n"
        )
        path = tmp_path / f"digits-{digits}.txt"
        path.write_text(prose + WATER.read_text(encoding="utf-8"), encoding="utf-8")
        result = run("--isolated", "--select", "A,P", str(path))
        assert result.returncode == 1 and result.stderr == ""
        assert "P901" not in result.stdout and findings_of(result.stdout)


def test_parse_json_is_valid_json_with_a_401_digit_cell(tmp_path: Path) -> None:
    text = (FIXTURES / "clean-2021.txt").read_text(encoding="utf-8")
    path = tmp_path / "huge-cell.txt"
    path.write_text(text.replace("\t136\n", "\t" + "9" * 401 + "\n", 1), encoding="utf-8")

    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    result = run("parse", str(path), "--format", "json")
    assert result.returncode == 0
    model = json.loads(result.stdout, parse_constant=refuse)
    assert model["tables"]


INVISIBLE = "\u200e\u202e\u2060\u00ad\u200d\ufeff"


def test_invisible_format_characters_sprinkled_in_change_no_finding(shared_dir: Path) -> None:
    manager = create_manager()
    linter = Linter(manager, collect_rules(manager))
    reports = shared_reports()
    assert len(reports) >= 18
    changed = []
    for path in reports:
        data = path.read_bytes()
        text = decode(data).text
        sprinkled = "".join(char + (INVISIBLE[i % 6] if i % 5 == 0 else "") for i, char in enumerate(text))
        before = [(d.code, d.line, d.column, d.message) for d in linter.lint_bytes(str(path), data)]
        after = [(d.code, d.line, d.column, d.message) for d in linter.lint_bytes(str(path), sprinkled.encode())]
        if before != after:
            changed.append(path.name)
    assert changed == []


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"], ids=["LS", "PS", "NEL"])
def test_unicode_line_breaks_end_lines(separator: str) -> None:
    manager = create_manager()
    linter = Linter(manager, collect_rules(manager))
    data = WATER.read_bytes()
    other = data.decode("utf-8").replace("\n", separator).encode("utf-8")
    key = [(d.code, d.line, d.column, d.message) for d in linter.lint_bytes("r.txt", data)]
    assert [(d.code, d.line, d.column, d.message) for d in linter.lint_bytes("r.txt", other)] == key


def test_a_wrapped_number_cell_ends_on_its_own_line(tmp_path: Path) -> None:
    lines = (FIXTURES / "clean-2021.txt").read_text(encoding="utf-8").split("\n")
    assert lines[80] == "\t6"
    lines[80:81] = ["\t1", "6"]  # the cell "16" wrapped after its first digit
    path = tmp_path / "wrapped.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run("--isolated", "--format", "json", str(path))
    (finding,) = [f for f in json.loads(result.stdout) if f["line"] == 81]
    assert (finding["code"], finding["column"], finding["end_line"], finding["end_column"]) == ("A001", 2, 81, 3)


# -- no lost data --------------------------------------------------------------------
@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs, or a skip saying why there is none."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    attempt = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if attempt.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {attempt.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.parametrize("option", ["--write-baseline", "--output-file"])
def test_a_full_disk_keeps_the_previous_file(full_disk: Path, option: str) -> None:
    target = full_disk / "result.json"
    previous = b'{"version": 1, "findings": []}\n'
    target.write_bytes(previous)
    filler = full_disk / "filler"
    with filler.open("wb", buffering=0) as handle:  # fill the disk up to its last byte
        try:
            while True:
                handle.write(b"\0" * 1024)
        except OSError:
            pass
    args = [option, str(target)] + (["--format", "json"] if option == "--output-file" else [])
    result = run("--isolated", *args, str(EXAMPLES), str(FIXTURES / "clean-2021.txt"), str(FIXTURES / "clean-2019.txt"))
    assert result.returncode == 2 and "无法写入" in result.stderr
    assert target.read_bytes() == previous
    assert sorted(path.name for path in full_disk.iterdir()) == ["filler", "result.json"]


def test_output_over_an_input_report_is_refused(tmp_path: Path) -> None:
    (report,) = _reports(tmp_path, 1)
    before = report.read_bytes()
    for option in ("--output-file", "--write-baseline"):
        result = run("--isolated", option, "./" + report.name, str(tmp_path), cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr == f"reportlint: ./{report.name}: 是被检查的报告之一，拒绝用结果覆盖它\n"
        assert report.read_bytes() == before


def test_a_baseline_of_another_version_is_refused(tmp_path: Path) -> None:
    (report,) = _reports(tmp_path, 1)
    baseline = tmp_path / "baseline.json"
    assert run("--isolated", "--write-baseline", str(baseline), str(report)).returncode == 0
    document = json.loads(baseline.read_text(encoding="utf-8"))
    assert document["version"] == 1 and document["findings"]
    baseline.write_text(json.dumps({**document, "version": 2}), encoding="utf-8")
    result = run("--isolated", "--baseline", str(baseline), str(report))
    assert result.returncode == 2
    assert result.stderr == (
        f"reportlint: {baseline}: 基线文件版本为 2，本版 reportlint 只能读取版本 1（请用 --write-baseline 重新生成）\n"
    )
