"""The language server's parts without a client: positions, the TOML edit, the fix plumbing, the extra.

The stdio tests in ``test_server.py`` show the whole; these pin the cases a real
report rarely has: astral characters at line ends, a pyproject.toml with comments,
configuration shapes the edit must refuse, and a finding that carries a fix.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from reportlint.diagnostics import Diagnostic, Fix, Severity, TextEdit
from reportlint.server.positions import UTF8, UTF32, from_lsp, split_lines, to_lsp
from reportlint.server.tomledit import EditError, add_per_file_ignore, glob_for


def test_positions_count_utf16_units() -> None:
    lines = split_lines("𠀋𠀋甲乙\r\nab\rc\n")
    assert lines == ["𠀋𠀋甲乙", "ab", "c", ""]
    assert to_lsp(lines, 1, 3) == (0, 4)  # after two astral characters: four UTF-16 units
    assert to_lsp(lines, 1, 5) == (0, 6)  # the end of the line
    assert to_lsp(lines, 1, 99) == (0, 6)  # clamped
    assert to_lsp(lines, 1, 3, UTF8) == (0, 8)
    assert to_lsp(lines, 1, 3, UTF32) == (0, 2)
    assert from_lsp(lines, 0, 4) == (1, 3)
    assert from_lsp(lines, 0, 6) == (1, 5)


def test_glob_matches_only_that_file(tmp_path: Path) -> None:
    assert glob_for(tmp_path / "reports" / "a[1]*.txt", tmp_path) == "reports/a[[]1[]][*].txt"
    assert glob_for(Path("/elsewhere/b.txt"), tmp_path) == "b.txt"


PYPROJECT = """\
[project]
name = "reports"  # a comment that must stay

[tool.reportlint]
select = ["A", "S"]   # and this one

[tool.reportlint.per-file-ignores]
# old reports
"old/*.txt" = ["S001"]
"a.txt" = [
    "A001",  # why
]

[tool.other]
x = 1
"""


def test_pyproject_is_edited_in_place(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(PYPROJECT, encoding="utf-8")
    assert add_per_file_ignore(config, tmp_path, tmp_path / "a.txt", "T001") == (config, True)
    assert add_per_file_ignore(config, tmp_path, tmp_path / "a.txt", "T001") == (config, False)
    add_per_file_ignore(config, tmp_path, tmp_path / "new" / "b.txt", "X001")
    text = config.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["tool"]["reportlint"]["per-file-ignores"] == {
        "old/*.txt": ["S001"],
        "a.txt": ["A001", "T001"],
        "new/b.txt": ["X001"],
    }
    assert data["tool"]["other"] == {"x": 1}
    assert "# a comment that must stay" in text and "# and this one" in text and "# old reports" in text
    assert (
        text.replace('"new/b.txt" = ["X001"]\n', "").replace('["A001", "T001"]', '[\n    "A001",  # why\n]')
        == PYPROJECT
    )


def test_a_table_is_appended_when_there_is_none(tmp_path: Path) -> None:
    config = tmp_path / "reportlint.toml"
    config.write_text('select = ["A"]\n\n[rules.S010]\nmax-year = 2030', encoding="utf-8")
    add_per_file_ignore(config, tmp_path, tmp_path / "x.txt", "A003")
    assert tomllib.loads(config.read_text(encoding="utf-8")) == {
        "select": ["A"],
        "rules": {"S010": {"max-year": 2030}},
        "per-file-ignores": {"x.txt": ["A003"]},
    }


@pytest.mark.parametrize(
    "text",
    ['per-file-ignores = { "x.txt" = ["A001"] }\n', 'per-file-ignores."y.txt" = ["A001"]\n', "select = [\n"],
)
def test_shapes_it_cannot_edit_are_refused_untouched(tmp_path: Path, text: str) -> None:
    config = tmp_path / "reportlint.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(EditError):
        add_per_file_ignore(config, tmp_path, tmp_path / "x.txt", "T001")
    assert config.read_text(encoding="utf-8") == text


def test_a_finding_with_a_fix_becomes_a_quick_fix_and_part_of_fix_all() -> None:
    pytest.importorskip("lsprotocol", reason="code actions are LSP types: pip install 'reportlint[server]'")
    from reportlint.server.actions import APPLY_FIX, FIX_ALL, code_actions, edits_of, fix_edit

    fix = Fix("内层书名号改为单书名号〈〉", (TextEdit(1, 6, 1, 7, "〈"),))
    finding = Diagnostic("a.txt", 1, 6, "T001", "nested-title-marks", Severity.WARNING, "…", fix=fix)
    plain = Diagnostic("a.txt", 2, 1, "A001", "x", Severity.ERROR, "…")
    actions = code_actions("file:///a.txt", [finding], (finding, plain), on_disk=True)
    commands = [action.command.command for action in actions if action.command]
    assert commands[0] == APPLY_FIX and FIX_ALL in commands
    workspace_edit = fix_edit("file:///a.txt", 3, ["𠀋《关于《名录》》"], edits_of([finding]))
    assert workspace_edit is not None and workspace_edit.document_changes is not None
    change = workspace_edit.document_changes[0]
    assert change.edits[0].range.start.character == 6 and change.edits[0].new_text == "〈"  # type: ignore[union-attr]
    assert code_actions("file:///a.txt", [plain], (plain,), on_disk=True)[-1].command.command != FIX_ALL  # type: ignore[union-attr]
    unsafe = Diagnostic(
        "a.txt", 2, 1, "A001", "x", Severity.ERROR, "…", fix=Fix("改为5", (TextEdit(2, 1, 2, 2, "5"),), False)
    )
    offered = code_actions("file:///a.txt", [unsafe], (unsafe,), on_disk=False)
    assert [action.title for action in offered] == ["修复（需确认）：改为5"]  # a quick fix, never part of "fix all"


@pytest.mark.parametrize(
    ("before", "after", "span"),
    [
        ("《甲《乙》》\r\n二", "《甲〈乙〉》\r\n二", (1, 3, 1, 6, "〈乙〉")),
        ("一\r\n𠀋[2023]号\n", "一\r\n𠀋〔2023〕号\n", (2, 2, 2, 8, "〔2023〕")),
        ("同", "同", (1, 2, 1, 2, "")),
    ],
)
def test_fix_all_sends_one_edit_spanning_what_changed(
    before: str, after: str, span: tuple[int, int, int, int, str]
) -> None:
    from reportlint.server.fixes import changed_span

    edit = changed_span(before, after)
    assert (edit.line, edit.column, edit.end_line, edit.end_column, edit.replacement) == span


def test_without_pygls_the_command_names_the_extra() -> None:
    hide = "import sys; sys.modules['pygls'] = None; from reportlint.cli import main; sys.exit(main(['server']))"
    result = subprocess.run([sys.executable, "-c", hide], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "reportlint[server]" in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_editor_recipes_start_the_server() -> None:
    """The set-up files docs/editors-server.md shows all run ``reportlint server``."""
    import json

    recipes = Path(__file__).resolve().parents[1] / "docs" / "recipes"
    helix = tomllib.loads((recipes / "helix-languages.toml").read_text(encoding="utf-8"))
    assert helix["language-server"]["reportlint"] == {
        "command": "reportlint",
        "args": ["server"],
        "config": {"baseline": "reportlint-baseline.json"},
    }
    assert helix["language"][0]["language-servers"] == ["reportlint"] and "txt" in helix["language"][0]["file-types"]
    vscode = json.loads((recipes / "vscode-settings.json").read_text(encoding="utf-8"))
    assert [vscode["glspc.server.command"], *vscode["glspc.server.commandArguments"]] == ["reportlint", "server"]
    assert 'cmd = { "reportlint", "server" }' in (recipes / "reportlint-lsp.lua").read_text(encoding="utf-8")


def test_a_broken_configuration_is_a_message_not_a_crash(tmp_path: Path) -> None:
    from reportlint.server.folders import Folders, SessionError

    (tmp_path / "reportlint.toml").write_text('select = ["NOPE1"]\n', encoding="utf-8")
    folders = Folders()
    folders.set_folders([tmp_path])
    folder = folders.for_file(tmp_path / "a.txt")
    with pytest.raises(SessionError, match="NOPE1"):
        folder.current()
    (tmp_path / "reportlint.toml").write_text('select = ["A"]\n', encoding="utf-8")
    assert folder.current().policy.selection.enabled("A001")


def test_a_rewritten_baseline_renews_the_session(tmp_path: Path) -> None:
    """A baseline written by the command line (``--write-baseline``) counts on the next lint."""
    import os

    from reportlint.server.folders import Folders

    folders = Folders()
    folders.set_folders([tmp_path])
    folder = folders.for_file(tmp_path / "a.txt")
    first = folder.current()
    assert first.policy.baseline is None and folder.current() is first
    baseline = tmp_path / "reportlint-baseline.json"
    baseline.write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    second = folder.current()
    assert second is not first and second.policy.baseline == str(baseline)
    os.utime(baseline, ns=(1, 1))
    assert folder.current() is not second
