"""The command line through click's CliRunner: exit codes, one-line errors, outputs."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from click.testing import CliRunner
from conftest import ROOT

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


def test_analyze_jsonl_records_have_the_contract_fields(runner, seed_articles):
    from stance.records import RECORD_FIELDS

    result = runner.invoke(cli, ["analyze", "seeds", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    texts = {a.id: a.text for a in seed_articles}
    assert len(records) == 65
    for record in records:
        assert list(record) == list(RECORD_FIELDS)
        assert texts[record["doc_id"]][record["start"] : record["end"]] == record["text"]


def test_analyze_csv_and_table(runner):
    result = runner.invoke(cli, ["analyze", "seeds", "--format", "csv", "--model", "none"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and rows[0][:3] == ["doc_id", "outlet", "title"] and len(rows) == 66
    table = runner.invoke(cli, ["analyze", "seeds", "--format", "table", "--model", "none"])
    assert table.exit_code == 0 and table.stdout.startswith("doc ")


def test_analyze_show_removed_lists_the_audit(runner):
    result = runner.invoke(cli, ["analyze", "seeds", "--model", "none", "--show-removed", "-o", os.devnull])
    assert result.exit_code == 0
    assert "[advertisement marker] Article continues after this advertisement" in result.stderr


def test_quotes_lists_attributed_statements(runner):
    result = runner.invoke(cli, ["quotes", "seeds", "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["voice"] for r in rows} >= {"korean_government", "nato", "chinese_state_media", "china_government"}
    assert all(r["voice"] != "outlet" for r in rows)


def test_lexicon_show_and_check(runner, tmp_path):
    result = runner.invoke(cli, ["lexicon", "show"])
    assert result.exit_code == 0 and "exacerbate" in result.output
    good = tmp_path / "cues.tsv"
    good.write_text("phrase\tweight\tcategory\tnote\nhistoric handshake\t2\tevaluation\tours\n")
    assert runner.invoke(cli, ["lexicon", "check", str(good)]).exit_code == 0
    bad = tmp_path / "bad.tsv"
    bad.write_text("phrase\tweight\tcategory\tnote\nhistoric handshake\tlots\tevaluation\tours\n")
    result = runner.invoke(cli, ["lexicon", "check", str(bad)])
    assert result.exit_code == 2 and "bad.tsv:2" in result.output


def test_train_then_analyze_and_evaluate_with_the_model(runner, tmp_path):
    data = tmp_path / "coding.jsonl"
    sentences = [
        ("The ministry welcomed the landmark agreement as a historic step.", "favor"),
        ("Officials praised the partnership and its shared values.", "favor"),
        ("The deal will strengthen cooperation, the minister said.", "favor"),
        ("Critics warned the pact will only exacerbate tensions.", "against"),
        ("State media called the plan a dangerous provocation.", "against"),
        ("The opposition said the agreement undermines stability.", "against"),
        ("The agreement was signed on Monday in the capital.", "neutral"),
        ("The office will have six staff and open in May.", "neutral"),
        ("The process usually takes about six weeks.", "neutral"),
    ] * 2
    data.write_text(
        "".join(
            json.dumps({"text": t, "stance": s, "doc_id": f"d{i % 4}"}) + "\n" for i, (t, s) in enumerate(sentences)
        )
    )
    model = tmp_path / "model.npz"
    result = runner.invoke(cli, ["train", str(data), "-o", str(model), "--profile", "korea-nato"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["analyze", "seeds", "--model", str(model), "--rule", "classifier"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 65
    result = runner.invoke(cli, ["evaluate", str(data), "--model", str(model), "--profile", "korea-nato"])
    assert result.exit_code == 0 and "macro-F1" in result.output
    assert "were in the model's training data" in result.output


def test_profiles_of_different_events_come_from_several_directories(runner, tmp_path):
    """Coding of two events whose profiles live in two folders: --profiles-dir is repeatable."""
    korea = (ROOT / "stance" / "data" / "profiles" / "korea-nato.toml").read_text("utf-8")
    for folder, event in (("one", "event-a"), ("two", "event-b")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{event}.toml").write_text(korea.replace('name = "korea-nato"', f'name = "{event}"'))
    (tmp_path / "two" / "event-a.toml").write_text("not toml [")  # shadowed: the first folder wins
    rows = [
        ("The ministry welcomed the landmark agreement as a historic step.", "favor"),
        ("Critics warned the pact will only exacerbate tensions.", "against"),
        ("The agreement was signed on Monday in the capital.", "neutral"),
    ] * 4
    data = tmp_path / "coding.jsonl"
    data.write_text(
        "".join(
            json.dumps({"text": t, "stance": s, "doc_id": f"d{i % 4}", "event": f"event-{'ab'[i % 2]}"}) + "\n"
            for i, (t, s) in enumerate(rows)
        )
    )
    model = tmp_path / "model.npz"
    both = ["--profiles-dir", str(tmp_path / "one"), "--profiles-dir", str(tmp_path / "two")]
    result = runner.invoke(cli, ["train", str(data), "-o", str(model), *both])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["train", str(data), "-o", str(model), "--profiles-dir", str(tmp_path / "one")])
    assert result.exit_code == 2
    assert "coding.jsonl" in result.output and "no profile for event 'event-b'" in result.output


def test_evaluate_two_coders(runner, tmp_path):
    rows = [
        ("NATO welcomed it.", "favor", "favor"),
        ("It opened.", "neutral", "neutral"),
        ("This harms stability.", "against", "neutral"),
        ("A milestone.", "favor", "favor"),
    ]
    for coder, column in (("A", 1), ("B", 2)):
        (tmp_path / f"{coder}.jsonl").write_text(
            "".join(json.dumps({"text": r[0], "stance": r[column], "doc_id": "d", "coder": coder}) + "\n" for r in rows)
        )
    result = runner.invoke(cli, ["evaluate", str(tmp_path / "A.jsonl"), str(tmp_path / "B.jsonl")])
    assert result.exit_code == 0, result.output
    assert "matched 4" in result.output and "percent agreement 0.750" in result.output
