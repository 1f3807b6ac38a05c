"""Sentence splitting: news conventions, and exact offsets for any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stance.text import split_sentences


def texts(value):
    return [s.text for s in split_sentences(value)]


def test_abbreviations_do_not_end_sentences():
    value = "Gen. Park met U.S. officials in Brussels. Lt. Col. J. R. Lee joined them."
    assert texts(value) == [
        "Gen. Park met U.S. officials in Brussels.",
        "Lt. Col. J. R. Lee joined them.",
    ]


def test_headline_and_subheading_are_their_own_units():
    value = (
        "Alliance opens Tokyo office\n\n"
        "The office opens in May. It will have six staff.\n\n"
        "Critics speak out\n\n"
        "Opposition lawmakers objected."
    )
    assert texts(value) == [
        "Alliance opens Tokyo office",
        "The office opens in May.",
        "It will have six staff.",
        "Critics speak out",
        "Opposition lawmakers objected.",
    ]


def test_heading_line_without_blank_line_is_cut():
    assert texts("Talks in Geneva\nThe envoys met on Monday.") == [
        "Talks in Geneva",
        "The envoys met on Monday.",
    ]


def test_hard_wrapped_prose_is_not_cut_at_line_ends():
    value = (
        "The ministers of the two countries agreed on Monday to expand\n"
        "their cooperation in maritime security and cyber defence."
    )
    assert len(texts(value)) == 1


def test_closing_quotes_stay_with_their_sentence():
    value = 'He said: “We welcome it.” The talks ended. She added, "It is done." Then they left.'
    assert texts(value) == [
        "He said: “We welcome it.”",
        "The talks ended.",
        'She added, "It is done."',
        "Then they left.",
    ]


def test_paragraph_numbers():
    sentences = split_sentences("One. Two.\n\nThree.")
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert [s.index for s in sentences] == [0, 1, 2]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_offsets_are_exact_and_cover_all_text(value):
    sentences = split_sentences(value)
    covered = set()
    previous_end = 0
    for s in sentences:
        assert value[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end
        covered.update(range(s.start, s.end))
    lost = [i for i, ch in enumerate(value) if not ch.isspace() and i not in covered]
    assert lost == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The envoy said “yes.”",
                "Gen. Kim left.",
                "U.S. troops stay.",
                "\n\n",
                "Headline here\n",
                "'Quoted,' he said.",
                "…",
                '"',
                "Mr. Lee",
                "!",
                "?",
                " ",
                "ça va.",
                "北京 said.",
            ]
        ),
        max_size=30,
    )
)
def test_offsets_exact_on_news_like_fragments(parts):
    value = " ".join(parts)
    for s in split_sentences(value):
        assert value[s.start : s.end] == s.text


_PUNKT_ALPHABET = st.sampled_from(
    list("abcXYZ .!?,;:\"'“”‘’()-—…\n\t0123456789")
    + ["Mr.", "U.S.", "e.g.", "Gen.", "\u00e9", "e\u0301", "\u0660", "\u00a0", "\u2028", "ß", "İ", "\u200b"]
    + ["\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\x0b", "\u180e", "\ufeff"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PUNKT_ALPHABET, max_size=60).map("".join))
def test_punkt_spans_are_nltks_own(text):
    """Punkt run by ``re`` (faster) splits exactly as nltk's own tokenizer, odd characters included."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from stance.text import _tokenizer, punkt_spans

    stock = PunktSentenceTokenizer(_tokenizer()._params)
    assert punkt_spans(text) == list(stock.span_tokenize(text))
