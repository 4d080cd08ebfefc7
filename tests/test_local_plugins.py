"""Local plugins: rule modules named in the configuration run without packaging."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, findings, run

RULE_MODULE = '''
"""A local rule pack: reports titles that do not say 年度报告."""

from reportlint import hookimpl
from reportlint.diagnostics import Finding
from reportlint.rulebase import Rule, RulePack


class TitleWithoutReportWord(Rule):
    """What it does:
        Reports a title that does not contain 年度报告.
    Why it matters:
        The 文种 must be right.
    Example:
        "某局2023年政府信息公开工作报告"
    Fix:
        "某局2023年政府信息公开工作年度报告"
    """

    code = "LC001"
    name = "title-without-report-word"
    summary = "标题中没有“年度报告”"

    def check(self, report):
        if report.title is not None and "年度报告" not in report.title.text:
            yield self.at_line(report, "标题中没有“年度报告”", report.title.line, report.title.column)


@hookimpl
def reportlint_rule_pack():
    return RulePack("local", ("LC",), (TitleWithoutReportWord,))
'''


def _report(folder: Path, title: str) -> Path:
    text = (EXAMPLES / "2023-water-bureau.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    path = folder / "report.txt"
    path.write_text(title + "\n" + text, encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", ["module", "package"])
def test_a_local_rule_runs_from_the_configured_path(tmp_path: Path, layout: str) -> None:
    checks = tmp_path / "checks"
    checks.mkdir()
    if layout == "module":
        (checks / "our_rules.py").write_text(RULE_MODULE, encoding="utf-8")
        configured = "checks/our_rules.py"
    else:
        (checks / "pack").mkdir()
        (checks / "pack" / "__init__.py").write_text(RULE_MODULE, encoding="utf-8")
        configured = "checks/pack"
    (tmp_path / "reportlint.toml").write_text(f'local-plugins = ["{configured}"]\n', encoding="utf-8")
    report = _report(tmp_path, "桐溪县水利局2023年政府信息公开工作报告")
    result = run(str(report), "--select", "LC", cwd=tmp_path)
    assert findings(result.stdout) == [f"{report}:1:1: LC001 标题中没有“年度报告”"]
    assert "LC001" in run("--list-rules", cwd=tmp_path).stdout
    clean = _report(tmp_path, "桐溪县水利局2023年政府信息公开工作年度报告")
    assert run(str(clean), "--select", "LC", cwd=tmp_path).stdout == ""


def test_a_broken_local_plugin_is_named_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("import no_such_module\n", encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["broken.py"]\n', encoding="utf-8")
    result = run(str(EXAMPLES), cwd=tmp_path)
    assert result.returncode == 2
    assert "broken.py" in result.stderr and "no_such_module" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_local_plugin_exits_2(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('local-plugins = ["nowhere.py"]\n', encoding="utf-8")
    result = run(str(EXAMPLES), cwd=tmp_path)
    assert result.returncode == 2 and "nowhere.py" in result.stderr
