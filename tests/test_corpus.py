"""Corpus readers: every format, stable order, metadata, and clear errors for bad input."""

from __future__ import annotations

import json

import pytest
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.corpus import load_corpus, parse_front_matter
from stance.decoding import looks_like_mojibake
from stance.errors import InputError

BODY = "The two governments signed the access agreement on Monday in the capital city."


def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding)
    return path


def test_txt_with_front_matter(tmp_path):
    write(
        tmp_path / "a.txt",
        f'---\nid: doc-1\noutlet: "The Daily"\ntitle: Deal signed\ndate: 2024-01-02\nurl: null\n---\n{BODY}\n',
    )
    (article,) = load_corpus([tmp_path / "a.txt"])
    assert (article.id, article.outlet, article.title, article.date, article.url) == (
        "doc-1",
        "The Daily",
        "Deal signed",
        "2024-01-02",
        None,
    )
    assert article.text == BODY


def test_txt_without_front_matter_uses_stem_and_unknown_outlet(tmp_path):
    (article,) = load_corpus([write(tmp_path / "story.md", BODY)])
    assert article.id == "story" and article.outlet == "unknown" and article.title is None


def test_jsonl_and_csv(tmp_path):
    rows = [
        {"id": "j1", "outlet": "Wire", "text": BODY},
        {"outlet": "Wire", "text": BODY + " Again."},
    ]
    write(tmp_path / "b.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    write(tmp_path / "c.csv", f'id,outlet,title,date,url,text\nc1,Paper,T,2024-02-02,,"{BODY}"\n')
    articles = load_corpus([tmp_path])
    assert [a.id for a in articles] == ["j1", "b-2", "c1"]
    assert articles[2].url is None and articles[2].date == "2024-02-02"
    assert articles[1].source.endswith("b.jsonl:2")


def test_html_main_text_only(tmp_path):
    page = f"""<html><head><title>Deal | Site</title><meta property="og:site_name" content="Site News">
    <meta property="article:published_time" content="2024-03-01"><script>var secret = "SCRIPT";</script>
    <style>.x {{color: red}}</style></head><body><nav>Home News World</nav>
    <article><h1>Deal signed</h1><p>{BODY}</p><aside>Related: other story</aside>
    <p onclick="alert(1)">Officials said the pact covers ports.</p></article>
    <footer>Contact us</footer></body></html>"""
    (article,) = load_corpus([write(tmp_path / "p.html", page)])
    assert article.outlet == "Site News" and article.date == "2024-03-01"
    assert article.text == f"Deal signed\n\n{BODY}\n\nOfficials said the pact covers ports."


def test_directories_recursive_in_stable_order(tmp_path):
    for name in ["z.txt", "sub/b.txt", "a.txt", "sub/.hidden.txt", "notes.pdf"]:
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        write(path, BODY)
    assert [a.id for a in load_corpus([tmp_path])] == ["a", "b", "z"]


def test_duplicate_ids_name_both_sources(tmp_path):
    write(tmp_path / "x.txt", f"---\nid: same\n---\n{BODY}")
    write(tmp_path / "y.txt", f"---\nid: same\n---\n{BODY}")
    with pytest.raises(InputError) as err:
        load_corpus([tmp_path])
    assert "duplicate article id 'same'" in str(err.value)
    assert "x.txt" in str(err.value) and "y.txt" in str(err.value)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("bin.txt", b"\x00\x01\x02abc", "binary file"),
        ("latin.txt", "ok line\ncaf\xe9".encode("latin-1"), "not valid utf-8"),
        ("bad.jsonl", b'{"text": "fine"}\n{"text": \n', "malformed JSON"),
        ("notext.jsonl", b'{"title": "x"}\n', "missing or non-string 'text'"),
        ("nocol.csv", b"id,body\n1,hello\n", "no 'text' column"),
        ("fm.txt", b"---\nid: a\nno closing\n", "never closed"),
        ("onlyads.txt", b"Advertisement\n\nSubscribe to our newsletter\n", "no article text left"),
        ("paper.pdf", b"%PDF", "unsupported file type"),
    ],
)
def test_bad_inputs_raise_one_line_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_corpus([path])
    text = str(err.value)
    assert message in text and str(path) in text and "\n" not in text


def test_error_positions(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("ok line\ncaf\xe9".encode("latin-1"))
    with pytest.raises(InputError) as err:
        load_corpus([path])
    assert (err.value.line, err.value.column) == (2, 4)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Allies met."}\n\n{oops}\n')
    with pytest.raises(InputError) as err:
        load_corpus([bad])
    assert err.value.line == 3


def test_missing_path():
    with pytest.raises(InputError, match="no such file or directory"):
        load_corpus(["/nonexistent/where"])


def test_front_matter_values():
    fields, body, lines = parse_front_matter("---\ntitle: \"A: B\"\nurl: ~\nnote: 'it''s'\n---\nText", "f")
    assert fields == {"title": "A: B", "url": None, "note": "it's"}
    assert body == "Text" and lines == 5


def test_removed_lines_count_from_top_of_file(seed_articles):
    inquirer = next(a for a in seed_articles if a.id.startswith("inquirer"))
    first = inquirer.removed[0]
    raw_lines = inquirer.source and open(inquirer.source, encoding="utf-8").read().splitlines()
    assert raw_lines[first.line - 1].strip() == first.text


def test_encoding_auto_detects_and_notes(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Le ministre a déclaré que l’accord était « historique » pour les deux pays.".encode("cp1252"))
    (article,) = load_corpus([path], encoding="auto")
    assert "déclaré" in article.text
    assert any("decoded as" in note for note in article.notes)


def test_mojibake_is_repaired_and_noted(tmp_path):
    path = tmp_path / "moji.txt"
    path.write_text(
        "The minister said itâ€™s a â€œgreat stepâ€\x9d for both allies and partners.",
        encoding="utf-8",
    )
    (article,) = load_corpus([path])
    assert "it’s a “great step”" in article.text
    assert any("mojibake" in note for note in article.notes)


def test_seeds_need_no_repair(seed_articles):
    assert all(article.notes == () for article in seed_articles)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 3000)
    with pytest.raises(InputError, match="over the 0 MB limit"):
        load_corpus([path], max_bytes=1000)


def test_skip_bad_reports_every_bad_input_and_keeps_going(tmp_path):
    from stance.corpus import iter_articles

    write(tmp_path / "a.txt", BODY)
    write(
        tmp_path / "b.jsonl",
        '{"id": "ok", "text": "Allies met in Brussels on Monday."}\n{broken\n{"id": "a", "text": "Dup id."}\n',
    )
    (tmp_path / "c.txt").write_bytes(b"")
    skipped = []
    articles = list(iter_articles([tmp_path, tmp_path / "missing.txt"], on_error=skipped.append))
    assert [a.id for a in articles] == ["a", "ok"]
    reasons = [(s.source.rsplit("/", 1)[-1], s.line, s.reason.split(":")[0]) for s in skipped]
    assert reasons == [
        ("b.jsonl", 2, "malformed JSON"),
        (
            "b.jsonl:3",
            None,
            "duplicate article id 'a' (first seen in " + str(tmp_path / "a.txt") + ")",
        ),
        ("c.txt", None, "empty file"),
        ("missing.txt", None, "no such file or directory"),
    ]


#: ASCII, typographic marks of good text, and the characters mojibake is made of.
_MIXED = "ab Z.,\n'\"-éèüßñ“”‘’—–…·\xa0ÂÃâ€™œšžŸ©®°²¦×ØÐÎΒΓВГ‚Ä√≈│█"


@settings(max_examples=400)
@given(st.text(alphabet=_MIXED, max_size=80))
def test_fast_mojibake_check_agrees_with_ftfy(text):
    """The windowed check is an optimisation only: it answers exactly as ftfy's is_bad."""
    assert looks_like_mojibake(text) == is_bad(text)


def test_mojibake_check_on_real_cases():
    assert looks_like_mojibake("NATO\u2019s mission is itâ€™s first") and not looks_like_mojibake("café “ok” — naïve")
