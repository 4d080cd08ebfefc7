"""Output formats, --show-source, --statistics, exit status by severity, and parse/explain."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

from tests.conftest import EXAMPLES, findings, run, shared_run

BUREAU = str(EXAMPLES / "2023-water-bureau.txt")


def _default_lines(*args: str) -> list[str]:
    return findings(run(BUREAU, *args).stdout)


def test_json_carries_every_field() -> None:
    records = json.loads(run(BUREAU, "--format", "json").stdout)
    assert records
    assert set(records[0]) >= {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "evidence",
    }
    default = _default_lines()
    assert [f"{r['path']}:{r['line']}:{r['column']}: {r['code']} {r['message']}" for r in records] == default


def test_sarif_is_2_1_0_with_rule_metadata_and_one_result_per_finding() -> None:
    log = json.loads(run(BUREAU, "--format", "sarif").stdout)
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert all(rule["help"]["text"] for rule in rules)
    assert len(sarif_run["results"]) == len(_default_lines())
    for result in sarif_run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_github_workflow_commands() -> None:
    lines = run(BUREAU, "--format", "github").stdout.splitlines()
    assert lines and all(
        re.match(r"^::(error|warning) file=[^,]+,line=\d+,col=\d+.*,title=[A-Z]+\d{3}.*::.+", line) for line in lines
    )


def test_junit_has_one_case_per_file_and_a_failure_per_finding() -> None:
    root = ElementTree.fromstring(run(str(EXAMPLES), "--format", "junit").stdout)
    cases = root.findall(".//testcase")
    reports = [path for path in EXAMPLES.iterdir() if path.suffix in (".txt", ".pdf", ".docx")]
    assert len(cases) == len(reports) >= 3
    assert sum(len(case.findall("failure")) for case in cases) == len(findings(shared_run(str(EXAMPLES)).stdout))


def test_output_file_show_source_and_statistics(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert run(BUREAU, "--output-file", str(out)).stdout == ""
    assert findings(out.read_text(encoding="utf-8")) == _default_lines()
    shown = run(BUREAU, "--show-source").stdout.splitlines()
    first = _default_lines()[0]
    assert shown[0] == first and shown[2].strip() == "^"
    stats = findings(run(BUREAU, "--statistics").stdout)
    assert re.match(r"^\d+\s+[A-Z]\d{3} [a-z-]+$", stats[-1])


def test_exit_status_follows_severity(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text(
        "[severity]\n"
        + "".join(f'{code} = "warning"\n' for code in sorted({line.split(": ")[1][:4] for line in _default_lines()})),
        encoding="utf-8",
    )
    assert run(BUREAU, cwd=tmp_path).returncode == 0
    assert run(BUREAU, "--fail-on", "warning", cwd=tmp_path).returncode == 1
    assert run(BUREAU, "--exit-zero").returncode == 0


def test_explain_prints_the_documentation_and_unknown_codes_exit_2() -> None:
    text = run("--explain", "s001").stdout
    assert text.startswith("S001 missing-section（错误）\n缺少规定的章节\n\n")
    assert text.splitlines()[3] in ("检查内容：", "What it does:")
    options = run("--explain", "A008").stdout
    assert "- `last-digit-tolerance`（类型 float，默认 `1.0`）：" in options or (
        "- `last-digit-tolerance` (float, default `1.0`): " in options  # until A008 is translated
    )
    assert run("--explain", "Z999").returncode == 2


def test_parse_shows_the_model_as_text_and_json() -> None:
    text = run("parse", BUREAU).stdout
    assert "表三" in text and "[（七）]" in text
    model = json.loads(run("parse", BUREAU, "--format", "json").stdout)
    assert model["template"]["version"] == "2021"
    t4 = model["tables"]["四"]["rows"][0]
    assert [cell["column"] for cell in t4["cells"]][:2] == ["行政复议/结果维持", "行政复议/结果纠正"]
