"""The command line through click's CliRunner: exit codes, one-line errors, outputs."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from stance.cli import cli


@pytest.fixture()
def runner():
    return CliRunner()


def test_help_on_every_command_has_an_example(runner):
    commands = [
        [],
        ["analyze"],
        ["quotes"],
        ["report"],
        ["train"],
        ["evaluate"],
        ["profile"],
        ["profile", "show"],
        ["profile", "check"],
        ["lexicon"],
        ["lexicon", "show"],
        ["lexicon", "check"],
    ]
    for command in commands:
        result = runner.invoke(cli, [*command, "--help"])
        assert result.exit_code == 0, command
        if command and command[-1] not in ("profile", "lexicon"):
            assert "Example" in result.output, command


def test_profile_show_and_check(runner, tmp_path):
    result = runner.invoke(cli, ["profile", "show", "korea-nato"])
    assert result.exit_code == 0 and "Kim Sung-han" in result.output and "actor nato" in result.output
    path = tmp_path / "p.toml"
    path.write_text('name = "x"\n[target]\nlabel = "t"\n[actors.a]\nlabel = "A"\naliases = ["A"]\n')
    result = runner.invoke(cli, ["profile", "check", str(path)])
    assert result.exit_code == 0 and result.output.startswith("ok: profile x")


@pytest.mark.parametrize(
    "content, expected",
    [
        ('name = "x"\n[target\n', "TOML syntax error"),
        (
            'name = "x"\ncolour = 1\n[target]\nlabel = "t"\n[actors.a]\nlabel = "A"\naliases = ["A"]\n',
            "colour: unknown key",
        ),
        ('name = "x"\n[actors.a]\nlabel = "A"\naliases = ["A"]\n', "target: missing"),
    ],
)
def test_broken_profile_is_one_line_exit_2(runner, tmp_path, content, expected):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    result = runner.invoke(cli, ["profile", "check", str(path)])
    assert result.exit_code == 2
    assert expected in result.output and str(path) in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
