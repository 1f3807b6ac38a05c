"""Bad, hostile and faulty input: one clear line and exit 2, nothing lost, nothing executed."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner

from stance.cli import cli

BODY = "The two governments signed the access agreement on Monday, officials in the capital said."


@pytest.fixture()
def runner():
    return CliRunner()


def one_line_error(result, *needles):
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def analyze(runner, *args):
    return runner.invoke(cli, ["analyze", "--model", "none", *map(str, args)])


def test_missing_path(runner, tmp_path):
    one_line_error(analyze(runner, tmp_path / "nope.txt"), "nope.txt", "no such file or directory")


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "])
def test_empty_and_whitespace_files(runner, tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    one_line_error(analyze(runner, path), "empty.txt", "empty file")


def test_binary_file(runner, tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 4)
    one_line_error(analyze(runner, path), "image.txt", "binary file")


def test_not_utf8_names_line_and_column_then_auto_detects(runner, tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        ("First line is fine.\n" + "Le ministre a salué l’accord, a déclaré son porte-parole.").encode("cp1252")
    )
    one_line_error(analyze(runner, path), "legacy.txt:2:", "not valid utf-8", "--encoding auto")
    result = runner.invoke(cli, ["analyze", "--model", "none", "--encoding", "auto", str(path)])
    assert result.exit_code == 0
    assert "salué" in result.stdout and "decoded as" in result.stderr


def test_mojibake_is_repaired(runner, tmp_path):
    path = tmp_path / "moji.txt"
    path.write_text("NATO said itâ€™s â€œan important stepâ€\x9d for the partnership.", encoding="utf-8")
    result = analyze(runner, path)
    assert result.exit_code == 0 and "it’s “an important step”" in result.stdout
    assert "mojibake" in result.stderr


def test_huge_file_is_refused_with_size_and_flag(runner, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 100 MB on paper, nothing on disk
        handle.truncate(100_000_000)
    one_line_error(analyze(runner, path), "huge.txt", "100.0 MB", "--max-bytes")
    small = tmp_path / "ok.txt"
    small.write_text(BODY)
    assert runner.invoke(cli, ["analyze", "--model", "none", "--max-bytes", "200", str(small)]).exit_code == 0
    one_line_error(runner.invoke(cli, ["analyze", "--model", "none", "--max-bytes", "20", str(small)]), "ok.txt")


def test_one_megabyte_line_without_punctuation(runner, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(("nato mission partnership seoul beijing " * 26000)[:1_000_000])
    result = analyze(runner, path)
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["end"] - record["start"] == len(path.read_text().strip())


def test_html_scripts_iframes_and_handlers_never_reach_the_text(runner, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><script>steal()</script><iframe src='http://x'>frame text</iframe>"
        f"<article><p onmouseover=\"alert('x')\">{BODY}</p><style>p{{}}</style>"
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; was written in the text itself.</p></article></body></html>"
    )
    result = analyze(runner, page)
    assert result.exit_code == 0
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    joined = " ".join(texts)
    assert "steal" not in joined and "frame text" not in joined and "alert('x')" not in joined
    assert "<script>alert(1)</script> was written" in joined


def test_malformed_jsonl_line_number(runner, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": BODY}) + "\n" + '{"id": "b", "text": "x"\n')
    one_line_error(analyze(runner, path), "a.jsonl:2", "malformed JSON")


def test_csv_without_text_column(runner, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,body\n1,hello\n")
    one_line_error(analyze(runner, path), "a.csv:1", "no 'text' column")


def test_duplicate_ids_name_both(runner, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"---\nid: same\n---\n{BODY}")
    one_line_error(analyze(runner, tmp_path), "duplicate article id 'same'", "a.txt", "b.txt")


def test_unbalanced_quote_marks(runner, tmp_path):
    path = tmp_path / "q.txt"
    path.write_text('“NATO said the step is “important. "He left.\n\n" Another "" ” paragraph ‘ with marks."\n')
    result = analyze(runner, path)
    assert result.exit_code == 0 and len(result.stdout.splitlines()) >= 3


def test_broken_front_matter(runner, tmp_path):
    path = tmp_path / "fm.txt"
    path.write_text(f'---\nid: x\ntitle "no colon"\n---\n{BODY}')
    one_line_error(analyze(runner, path), "fm.txt:3", "key: value")


def test_profile_syntax_error_and_unknown_key(runner, tmp_path):
    bad = tmp_path / "p.toml"
    bad.write_text('name = "x"\n[target]\nlabel = "t\n')
    result = runner.invoke(cli, ["analyze", "--profile", str(bad), "--model", "none", "seeds"])
    one_line_error(result, "p.toml:3:", "TOML syntax error")
    bad.write_text('name = "x"\ncolor = "red"\n[target]\nlabel = "t"\n[actors.a]\nlabel = "A"\naliases = ["A"]\n')
    one_line_error(runner.invoke(cli, ["analyze", "--profile", str(bad), "seeds"]), "color: unknown key")


def test_annotation_file_with_unknown_label(runner, tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "NATO welcomed it.", "stance": "positive"}\n')
    one_line_error(runner.invoke(cli, ["evaluate", "--model", "none", str(path)]), "gold.jsonl:1", "'positive'")


def test_tampered_foreign_and_other_version_models(runner, tmp_path):
    from stance.modelio import load_model, save_model

    model = load_model_default()
    good = tmp_path / "m.npz"
    save_model(model, good)
    data = bytearray(good.read_bytes())
    tampered = tmp_path / "tampered.npz"
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    pickled = tmp_path / "evil.npz"
    import pickle

    pickled.write_bytes(pickle.dumps({"boom": 1}))
    for path in (tampered, pickled):
        one_line_error(runner.invoke(cli, ["analyze", "--model", str(path), "seeds"]), path.name)
    one_line_error(runner.invoke(cli, ["analyze", "--model", str(pickled), "seeds"]), "not an .npz archive")
    import numpy as np

    with np.load(good, allow_pickle=False) as archive:
        arrays = {k: archive[k] for k in archive.files}
    meta = json.loads(str(arrays["meta"]))
    meta["format_version"] = 99
    arrays["meta"] = np.array(json.dumps(meta))
    other = tmp_path / "future.npz"
    np.savez(other, **arrays)
    one_line_error(runner.invoke(cli, ["analyze", "--model", str(other), "seeds"]), "format version 99")
    assert load_model(good).predict(["NATO welcomed the important step."]).shape == (1,)


def load_model_default():
    from stance.modelio import default_model

    return default_model()


def test_skip_bad_lists_reasons_and_accounts_for_every_input(runner, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(BODY)
    (corpus / "empty.txt").write_text("")
    (corpus / "rows.jsonl").write_text(json.dumps({"id": "r1", "text": BODY}) + "\n{oops\n")
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    result = runner.invoke(cli, ["analyze", "--model", "none", "--skip-bad", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    skipped = [json.loads(line) for line in (out.parent / "skipped.jsonl").read_text().splitlines()]
    assert sorted((s["source"].rsplit("/", 1)[-1], s["line"]) for s in skipped) == [
        ("empty.txt", None),
        ("rows.jsonl", 2),
    ]
    docs = {json.loads(line)["doc_id"] for line in out.read_text().splitlines()}
    assert docs == {"good", "r1"}
    assert "4 inputs: 2 processed, 2 skipped" in result.stderr


def test_skip_bad_with_nothing_processed_fails(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(cli, ["analyze", "--model", "none", "--skip-bad", str(tmp_path)])
    assert result.exit_code == 2 and "no input could be processed" in result.output


def test_output_never_overwrites_an_input(runner, tmp_path):
    path = tmp_path / "a.jsonl"
    original = json.dumps({"id": "a", "text": BODY}) + "\n"
    path.write_text(original)
    result = runner.invoke(cli, ["analyze", "--model", "none", str(path), "-o", str(path)])
    assert result.exit_code == 2 and "refusing to write output over" in result.output
    assert path.read_text() == original


def test_report_is_atomic_old_report_survives_a_crash(runner, tmp_path, monkeypatch):
    out = tmp_path / "rep"
    assert (
        runner.invoke(cli, ["report", "seeds", "--model", "none", "-o", str(out), "--bootstrap", "100"]).exit_code == 0
    )
    before = (out / "report.html").read_bytes()

    import stance.report

    def crash(*args, **kwargs):
        (args[2] / "report.html").write_text("half-written")
        raise RuntimeError("disk full")

    monkeypatch.setattr(stance.report, "write_report", crash)
    result = runner.invoke(cli, ["report", "seeds", "--model", "none", "-o", str(out), "--bootstrap", "100"])
    assert result.exit_code == 1 and "disk full" in result.output
    assert (out / "report.html").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["rep"]


def test_ctrl_c_exits_130(monkeypatch):
    import stance.cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(stance.cli.cli, "main", interrupted)
    with pytest.raises(SystemExit) as exit_info:
        stance.cli.main()
    assert exit_info.value.code == 130


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_in_a_real_process_exits_130(tmp_path, jobs):
    """SIGINT to the process group, as a terminal sends it, while the report runs: exit 130,
    one line and no traceback (from the parent or any worker), and no half-written report."""
    import signal
    import time

    corpus = tmp_path / "big.jsonl"
    # long enough that the run is still going after 4 s (a signal during interpreter shutdown is not ours)
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": BODY * 20}) + "\n" for i in range(15000)))
    out = tmp_path / "rep"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "stance", "report", str(corpus), "--model", "none", "--jobs", jobs, "-o", str(out)],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    time.sleep(4)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert b"Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("delay", [0.1, 0.4])
def test_ctrl_c_while_the_libraries_load_prints_no_traceback(tmp_path, delay):
    """The first second of a run is spent importing; a Ctrl-C there ends like any other."""
    import signal
    import time

    process = subprocess.Popen(
        [sys.executable, "-m", "stance", "report", "seeds", "-o", str(tmp_path / "rep")],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        start_new_session=True,
    )
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    # 130 from our handlers; -SIGINT only if the signal beat the interpreter's own start-up
    assert process.returncode in (130, -signal.SIGINT), err
    assert b"Traceback" not in err


def test_nothing_opens_a_network_connection(runner, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = runner.invoke(cli, ["report", "seeds", "-o", str(tmp_path / "rep"), "--bootstrap", "100"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["analyze", "seeds", "--format", "csv"]).exit_code == 0
