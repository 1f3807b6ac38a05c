"""Who speaks in each sentence: an actor of the profile, another speaker, or the outlet.

The method follows the attribution model of Pareti (2015; the PARC corpus): an attribution
relates a *source* (the speaker), a *cue* (a reporting verb, "according to", a colon, or a quote
mark next to a name) and *content*, which may be quoted (direct), paraphrased (indirect) or a
paraphrase with a quoted fragment (mixed). Reporting verbs come from the inventories of Krestel,
Bergler & Witte (2008), kept as data in ``stance/data/reporting_verbs.txt``.

The work per article, all linear in its length:

1. :func:`stance.quotes.find_quotes` pairs the quote marks (robust to unbalanced ones).
2. Each sentence becomes a token list in which every quotation is a single token, so that
   reporting verbs inside quotes never count and the grammar of the tag around a quote
   (``"…," X said``; ``X said, "…"``; ``"…," said X, "…"``; ``X: "…"``; ``NATO "…"``) is
   read from a handful of neighbouring tokens.
3. Cues are found with their speaker phrase (subject, inverted subject, apposition,
   "according to X", participial "…, saying"), filtered for non-speech uses ("said to be",
   "will say", passives).
4. Speakers are resolved in reading order (:class:`stance.speakers.Discourse`): pronouns,
   surnames and "the council" go to the nearest fitting earlier entity.
5. A quotation's speaker covers every sentence inside it, across paragraphs when the next
   paragraph opens with a quote mark; an untagged quotation continues the speaker of the
   quotation just before it (``"…," X said. "…"``).

Short quoted spans with no tag of their own (scare quotes, quoted terms such as ``"pull-aside"``
talks) are not speech: at most :data:`TERM_MAX_WORDS` words. A sentence whose only evidence is
such a term keeps the outlet's voice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from stance.corpus import Article
from stance.profile import Profile
from stance.quotes import Quote, find_quotes
from stance.speakers import (
    DOCUMENT_NOUNS,
    GROUP_HEADS,
    ORG_HEADS,
    PERSON_WORDS,
    PRONOUN_KINDS,
    Discourse,
    Speaker,
    fits_pronoun,
    is_proper_name,
    plausible_speaker,
    voice_of,
)
from stance.text import Sentence, split_sentences

__all__ = ["Attribution", "Quote", "attribute", "find_quotes", "voice_of", "reporting_verbs"]

#: A quotation of at most this many words, without a speaker tag, is a quoted term, not speech.
TERM_MAX_WORDS = 4
#: Longest speaker phrase, in tokens, read around a reporting verb.
MAX_PHRASE_TOKENS = 12
#: Tokens of adjuncts allowed between a reporting verb and the quote it introduces
#: ("said in a press release on Tuesday, “…”").
MAX_ADJUNCT_TOKENS = 8

#: Words before a reporting verb that make it non-factual or not speech: "will say", "to say".
MODALS = frozenset("will would could can may might shall should must to".split())
#: Forms of "be": "be" + past participle is a passive ("is said", "was told").
BE_FORMS = frozenset("is are was were be been being am".split())
#: Words that may stand between a subject and its reporting verb ("Kim also said").
VERB_ADVERBS = frozenset(
    """also later earlier previously then again further once had has have did does do not never
    already just first last today yesterday only even still reportedly recently separately
    similarly repeatedly publicly officially since on monday tuesday wednesday thursday friday
    saturday sunday always often long usually sometimes rarely seldom itself himself herself
    themselves""".split()
)
#: Irregular past tenses: after a name that looks like a demonym ("Alen Simonyan went further"),
#: a verb, not another word of the phrase.
IRREGULAR_PAST = frozenset(
    """went made took gave came held met left sent kept put got set told spoke wrote stood led
    brought thought found saw became began ran won lost paid struck fell rose""".split()
)
#: Emphatic pronouns after a subject ("the newspaper itself called …").
REFLEXIVES = frozenset("itself himself herself themselves".split())
#: Words that end a speaker phrase read backwards from its verb (clause boundaries, verbs).
PHRASE_STOPS = frozenset(
    """that which who whom whose and or but nor because while when if as than so where although
    though whether after before since until unless whereas is are was were be been being am has
    have had do does did will would could can may might shall should must not there here what
    how why also then whatever""".split()
)
#: Prepositions that may occur inside a speaker phrase ("director of the NSO").
PHRASE_PREPOSITIONS = frozenset("of for to at from in inside within among".split())
#: Verbs that can come before their subject: '"…," said Kim' / '…, added the minister.' /
#: '…, argues Kim, who studies …'. Not "told": after a comma it follows an apposition ("X, a
#: researcher, told the paper that …"), and what follows it is the hearer, never the speaker.
INVERTING_VERBS = frozenset(
    """said says added adds wrote writes asked asks replied replies explained explains noted notes
    continued continues insisted insists argued argues warned warns stressed stresses recalled recalls
    admitted admits declared declares observed observes remarked remarks conceded concedes concluded
    concludes""".split()
)
#: Verbs whose object a reporting noun is ("drew praise", "issued a warning", "voiced caution"):
#: after one of them, "praise" or "warning" is a noun, not a verb of speech.
DRAW_VERBS = frozenset("draw draws drew drawn drawing".split())
NOUN_TAKING_VERBS = DRAW_VERBS | frozenset(
    """win wins won winning earn earns earned earning receive receives
    received receiving spark sparks sparked sparking attract attracts attracted attracting face faces
    faced facing voice voices voiced voicing express expresses expressed expressing issue issues
    issued issuing""".split()
)
#: Reporting verbs that say nothing when negated: "did not respond to a request for comment",
#: "did not say whether …" report no view (the outlet's narration).
NO_CONTENT_VERBS = frozenset(
    """say says said comment comments commented respond responds responded reply replies replied
    confirm confirms confirmed disclose disclosed answer answered explain explained elaborate
    elaborated specify specified mention mentions mentioned""".split()
)
#: Objects that leave a verb of saying without content: "Sudan's generals said less."
NOTHING_WORDS = frozenset("nothing little less".split())
#: Words that negate a reporting verb just before it.
NEGATORS = frozenset("not never no rarely seldom".split())
#: Determiners before a noun use of a reporting word ("a warning", "their praise").
NOUN_DETERMINERS = frozenset("the a an another its his her their our some any no".split())
#: Articles and determiners: a phrase does not end on one.
DETERMINERS = frozenset("the a an another this that these those its his her their our some any".split())
#: Sentence openers that are not the subject ("Meanwhile, China …", "On the 29th, …").
INTRO_WORDS = frozenset(
    """meanwhile however on in at during after before earlier later last also but and still yet
    since as when while with following there here then now today yesterday separately similarly
    moreover furthermore instead nonetheless nevertheless thus therefore typically by for""".split()
)
#: Nouns of speech acts: "China's protests 'causing instability'" quotes China.
SPEECH_NOUNS = frozenset(
    """protest protests warning warnings criticism claim claims statement remarks comments
    objection objections demand demands call calls pledge vow accusation accusations denial
    response reaction message complaint complaints promise assurance assurances appeal""".split()
)
#: A modal that, right after a paraphrase, shows the report goes on (backshift of "will"):
#: "X told reporters that …. High on the agenda would be …".
BACKSHIFT_MODALS = frozenset({"would"})
#: Words that open a clausal complement of a verb of belief.
COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
#: Finite verbs that show a complement clause without "that": "specialists think Washington is …".
FINITE_VERBS = frozenset("is are was were will would could can may might should must has have had does did".split())
#: Auxiliaries that an inverted reporting verb never follows: "…, has asked the government".
INVERSION_BLOCKERS = frozenset("has have had did does do".split())
#: Verbs of belief that take an "as" predicate instead ("see the deal as proof").
AS_PREDICATE_VERBS = frozenset(
    """see sees saw seeing view views viewed viewing regard regards regarded present presents presented
    presenting""".split()
)
#: How far after a verb of belief its complement may begin, in tokens.
COMPLEMENT_WINDOW = 12
#: Participles used as adjectives in names of speakers ("the ruling party").
ING_ADJECTIVES = frozenset("ruling governing leading visiting outgoing incoming acting sitting founding rising".split())
#: Pronouns that can be a speaker.
PRONOUNS = frozenset("he she it they we".split())
#: The narrator's own pronouns: outside quotation marks, "We warned about this" / "I asked the
#: minister" is the outlet speaking (an editorial "we", a columnist's "I").
NARRATOR_PRONOUNS = frozenset("we i".split())
#: Nouns by which an outlet or its writer names itself: "this newspaper has criticised …" is the
#: outlet's own narration (docs/annotation.md), not a speaker it reports.
NARRATOR_NOUNS = frozenset(
    """newspaper paper website site magazine publication column columnist writer author reporter
    correspondent outlet station broadcaster agency editorial""".split()
)
#: Verbs of the list that are speech only with a particle or a document subject.
PARTICLE_VERBS = {verb: "out" for verb in "point points pointed pointing rule rules ruled ruling".split()}
PARTICLE_VERBS.update({verb: "foul" for verb in "cry cries cried crying".split()})  # "as Algeria cries foul"
PARTICLE_VERBS.update({verb: "of" for verb in "speak speaks spoke speaking".split()})  # 'spoke of "a new era"'
PARTICLE_VERBS.update({verb: "it" for verb in "put puts".split()})  # "as a senior official put it"
#: Prepositions after which a speech noun stays a noun, past a modifier or two ("after months
#: of street protests", "amid protests").
NOUN_PREPOSITIONS = frozenset("of after amid amidst despite against over from following by with during".split())
#: "The deal drew criticism from X": X reacted (the noun names a reaction, "from" its source).
REACTION_NOUNS = frozenset(
    """criticism condemnation praise protest protests rebuke rebukes warning warnings fire ire
    objections complaints anger applause""".split()
)
DOCUMENT_VERBS = frozenset({"read", "reads"})
#: Verbs that report findings, only with a poll, survey, study or data as subject ("a poll
#: found that …", "data show that …"); "Sylvania found the deal acceptable" reports nothing.
EVIDENCE_VERBS = frozenset("find finds found show shows showed shown".split())
EVIDENCE_NOUNS = frozenset(
    "poll polls survey surveys study studies data figures statistics report reports research census analysis".split()
)
#: Subjects that say nobody spoke: "Nobody in Washington has claimed …", "Neither … nor … responded".
NEGATIVE_SUBJECTS = frozenset("nobody none neither nor".split())

#: Words trimmed from the start of a speaker phrase (openers and prepositions, not articles).
_LEADING_NOISE = (PHRASE_PREPOSITIONS | INTRO_WORDS) - DETERMINERS
_PARAGRAPH_BREAK_RE = re.compile(r"\n[^\S\n]*\n")
#: Abbreviated titles before a name ("Mr. Jensen", "Gen. Amal Idris"): one token with their full
#: stop, so that a phrase read over them does not end at the stop.
TITLE_ABBREVIATIONS = "Mr Mrs Ms Dr Prof Gen Sen Rep Gov Lt Col Capt Sgt Adm Maj Cmdr Rev Hon Amb".split()
_TOKEN_RE = re.compile(
    rf"(?:{'|'.join(TITLE_ABBREVIATIONS)})\.(?=\s+[A-Z])|[A-Za-z]\.(?:[A-Za-z]\.)+|\w+(?:[-'’]\w+)*|\S"
)


@dataclass(frozen=True)
class Attribution:
    """Who speaks in one sentence.

    Attributes
    ----------
    index : int
        The sentence index (:attr:`stance.text.Sentence.index`).
    voice : str
        An actor id of the profile, ``"other"`` or ``"outlet"``.
    speaker : str or None
        The speaker as written, with pronouns and short references resolved to the full name;
        ``None`` for the outlet's narration (and for a quotation nobody is named for).
    quote : str
        ``"direct"``, ``"indirect"``, ``"mixed"`` or ``"none"``.
    cue : str or None
        The evidence: the reporting verb as written, ``"according to"``, ``":"``,
        ``"quote after name"``, ``"quote continues"``; ``None`` for narration.
    """

    index: int
    voice: str
    speaker: str | None
    quote: str
    cue: str | None


@lru_cache(maxsize=1)
def _verb_lists() -> dict[str, frozenset[str]]:
    """The sections of ``stance/data/reporting_verbs.txt`` (every form of every verb), and ``base``: the
    first form of each line."""
    listing = resources.files("stance").joinpath("data/reporting_verbs.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {"speech": set(), "belief": set(), "base": set()}
    current = sections["speech"]
    for line in listing.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
            continue
        current.update(form.casefold() for form in line.split())
        sections["base"].add(line.split()[0].casefold())
    return {name: frozenset(forms) for name, forms in sections.items()}


def _base_forms() -> frozenset[str]:
    """The first form of each line of the data file (the base: "say", "ask", "tell")."""
    return _verb_lists()["base"]


def reporting_verbs() -> frozenset[str]:
    """Every form of every verb of saying (section ``[speech]`` of the data file)."""
    return _verb_lists()["speech"]


def belief_verbs() -> frozenset[str]:
    """Verbs of stance and cognition, attributed only with a complement (``[belief]``)."""
    return _verb_lists()["belief"]


class _Token:
    """A word, a punctuation mark, or a whole quotation (``quote`` is its index).

    The tests every rule asks of a token are computed once, here.
    """

    __slots__ = ("text", "quote", "low", "is_word", "is_capitalised", "is_verb_like")

    def __init__(self, text: str, quote: int | None = None) -> None:
        self.text = text
        self.quote = quote
        # a title's stop is not part of the word the rules look up ("Mr." is "mr")
        self.low = text.casefold() if text[-1:] != "." or not text[:-1].isalpha() else text[:-1].casefold()
        self.is_word = quote is None and text[:1].isalnum()
        self.is_capitalised = self.is_word and text[:1].isupper()
        self.is_verb_like = self.is_word and _verb_like(self.low, self.is_capitalised)


@dataclass
class _Cue:
    """One piece of attribution evidence found in a sentence."""

    word: str
    phrase: str | None  # speaker phrase; None = the clause subject (participle, coordination)
    appos: str = ""
    attached: list[int] = field(default_factory=list)  # quotations this tag introduces/closes
    speaker: Speaker | None = None
    embedded: bool = False  # the tagged quotation continues a paraphrase: 'X is "…," Y said'
    at: int = -1  # token index of the verb or "according", when the cue has one


# -- tokens ------------------------------------------------------------------------------
_VOCABULARY: dict[str, _Token] = {}
#: Distinct words kept in the shared vocabulary before it is emptied (bounds memory on huge corpora).
VOCABULARY_MAX = 200_000


def _shared_vocabulary() -> dict[str, _Token]:
    """Word tokens shared by every article read in this process (a word's token never changes)."""
    if len(_VOCABULARY) > VOCABULARY_MAX:
        _VOCABULARY.clear()
    return _VOCABULARY


def _tokens(
    text: str,
    sentence: Sentence,
    pieces: Sequence[tuple[int, Quote]],
    vocabulary: dict[str, _Token],
) -> list[_Token]:
    """The sentence as tokens, each quotation piece inside it one token.

    Word tokens are shared through ``vocabulary`` (one object per distinct string).
    """
    out: list[_Token] = []
    position = sentence.start
    bounds = [(max(q.open, sentence.start), min(q.close, sentence.end), n) for n, q in pieces]
    bounds.append((sentence.end, sentence.end, None))
    for start, end, number in bounds:
        for word in _TOKEN_RE.findall(text, position, start):
            token = vocabulary.get(word)
            if token is None:
                token = vocabulary[word] = _Token(word)
            out.append(token)
        if number is not None:
            out.append(_Token(text[start:end], number))
        position = end
    return out


def _phrase(tokens: Sequence[_Token], start: int, end: int) -> str:
    """Tokens joined back into text (spaces between words, none before punctuation)."""
    parts: list[str] = []
    for token in tokens[start:end]:
        glue = token.text in ",.;:)’'" or (parts and parts[-1] == "(")
        parts.append(token.text if glue or not parts else " " + token.text)
    return "".join(parts).strip()


# -- noun phrases ------------------------------------------------------------------------
def _phrase_before(tokens: Sequence[_Token], end: int) -> tuple[int, int] | None:
    """The speaker phrase ending just before ``end``, read backwards, as a token span."""
    i, count = end - 1, 0
    start = end
    while i >= 0 and count < MAX_PHRASE_TOKENS:
        token = tokens[i]
        if token.text == ")":
            opening = _matching_paren(tokens, i)
            if opening is None:
                break
            i, start = opening - 1, opening
            continue
        if not token.is_word or _is_stop(tokens, i) and not _joins_name(tokens, i) or token.is_verb_like:
            break
        if token.low in PRONOUNS and not _is_surname_he(tokens, i, end):
            if i == end - 1:
                start = i
            break
        start, count = i, count + 1
        if token.low in DETERMINERS and not (i > 0 and tokens[i - 1].low in PHRASE_PREPOSITIONS):
            break
        i -= 1
    return _trim_phrase(tokens, start, end)


def _is_stop(tokens: Sequence[_Token], i: int) -> bool:
    """A word that ends a phrase (not the month "May", which looks like the modal)."""
    return tokens[i].low in PHRASE_STOPS and not _is_month_may(tokens, i)


def _is_month_may(tokens: Sequence[_Token], i: int) -> bool:
    """A capitalised "May" inside a sentence is the month, not the modal."""
    return i > 0 and tokens[i].text == "May"


def _joins_name(tokens: Sequence[_Token], i: int) -> bool:
    """An "and" inside a name after "of": "Forces of Freedom and Change", "Ministry of Trade and Industry"."""
    return (
        tokens[i].low == "and"
        and 2 <= i < len(tokens) - 1
        and tokens[i + 1].is_capitalised
        and tokens[i - 1].is_capitalised
        and tokens[i - 2].low == "of"
    )


def _is_surname_he(tokens: Sequence[_Token], i: int, end: int) -> bool:
    """"He" right before a capitalised word of the phrase is the surname He ("He Lan said").

    A subject pronoun is never followed by a name inside the same subject, so a capitalised
    "He" there cannot be the pronoun.
    """
    return tokens[i].text == "He" and i + 1 < end and tokens[i + 1].is_capitalised


def _matching_paren(tokens: Sequence[_Token], close: int) -> int | None:
    for j in range(close - 1, max(close - 10, -1), -1):
        if tokens[j].text == "(":
            return j
    return None


def _verb_like(low: str, capitalised: bool) -> bool:
    """A reporting verb, an "-ing" form, a contracted negation or an "-ly" adverb: ends a phrase."""
    if low in ING_ADJECTIVES or "-" in low and low.endswith("ing"):
        return False  # "left-leaning", "long-serving": compound adjectives, not participles
    return (
        low in reporting_verbs()
        or (low.endswith("ing") and len(low) > 4 and not capitalised)
        or "n't" in low
        or "n’t" in low
        or (low.endswith("ly") and len(low) > 4 and not capitalised)
    )


def _trim_phrase(tokens: Sequence[_Token], start: int, end: int) -> tuple[int, int] | None:
    """Drop leading prepositions and sentence openers; refuse a phrase without a head noun."""
    while start < end and tokens[start].low in _LEADING_NOISE:
        start += 1
    if start >= end:
        return None
    last = tokens[end - 1]
    if last.text == ")":
        return start, end
    if last.low in DETERMINERS or last.low in PHRASE_PREPOSITIONS or _is_possessive(last):
        return None  # no head noun; a possessive is not a subject ("China's claims")
    return start, end


def _phrase_after(tokens: Sequence[_Token], start: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``start``, read forwards (inverted subjects, "according to")."""
    i, end = start, start
    loose = False  # lower-case words may follow: after an article, a possessive or an adjective
    headed = False  # a lower-case head noun was read
    while i < len(tokens) and i - start < MAX_PHRASE_TOKENS:
        token = tokens[i]
        if token.text == "(":
            close = next((j for j in range(i + 1, min(i + 10, len(tokens))) if tokens[j].text == ")"), None)
            if close is None:
                break
            i = end = close + 1
            continue
        if not token.is_word or token.low in PHRASE_STOPS or token.is_verb_like:
            break
        if token.low in PRONOUNS:
            end = i + 1 if i == start else end
            break
        if not _fits_forward(tokens, i, start, loose, headed):
            break
        loose = (
            token.low in DETERMINERS
            or _is_possessive(token)
            or _is_adjective(token)
            or (loose and not token.is_capitalised and token.low not in _HEAD_NOUNS)
        )
        if token.low in _HEAD_NOUNS and not token.is_capitalised:
            headed = True  # "Chinese state media went further": a verb, not more of the phrase
        i += 1
        end = i if token.low not in PHRASE_PREPOSITIONS else end
    return _trim_phrase(tokens, start, end) if end > start else None


#: Head nouns of speaker phrases: after one, a phrase read forwards takes only another head
#: ("foreign ministry spokesman") or a preposition, not any lower-case word.
_HEAD_NOUNS = PERSON_WORDS | ORG_HEADS | GROUP_HEADS


def _fits_forward(tokens: Sequence[_Token], i: int, start: int, loose: bool, headed: bool = False) -> bool:
    token = tokens[i]
    if headed and not token.is_capitalised and token.low not in PHRASE_PREPOSITIONS:
        return token.low in _HEAD_NOUNS
    if token.is_capitalised or token.text[:1].isdigit() or i == start:
        return True
    if token.low in _HEAD_NOUNS and tokens[i - 1].is_capitalised:
        return True  # "said FFC spokesman Tarig Babiker", "said NATO officials"
    if token.low in PHRASE_PREPOSITIONS:
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        return following is not None and (following.is_capitalised or following.low in DETERMINERS)
    return loose and not token.low.endswith("ed") and token.low not in INTRO_WORDS and token.low not in IRREGULAR_PAST


def _is_possessive(token: _Token) -> bool:
    return token.low.endswith(("'s", "’s"))


def _is_adjective(token: _Token) -> bool:
    """Demonyms and similar capitalised modifiers ("Chinese state media", "Korean officials")."""
    return token.is_capitalised and token.low.endswith(("an", "ese", "ish", "ch", "i"))


def _clause_subject(tokens: Sequence[_Token]) -> tuple[int, int] | None:
    """The subject of the sentence's main clause: the first phrase after any opening adverbial."""
    start = 0
    if tokens and (tokens[0].low in INTRO_WORDS or tokens[0].low.endswith("ly")):
        comma = next((j for j, t in enumerate(tokens) if t.text == ","), None)
        start = comma + 1 if comma is not None else 0
    elif len(tokens) > 2 and tokens[1].text in "—–-" and tokens[0].text.isupper():
        start = 2  # a dateline: "SEOUL — …"
    return _phrase_after(tokens, start) if start < len(tokens) else None


# -- cues --------------------------------------------------------------------------------
def _find_cues(tokens: Sequence[_Token], lengths: Sequence[int]) -> list[_Cue]:
    """Every attribution cue of a sentence, in reading order."""
    cues: list[_Cue] = []
    verbs, beliefs = reporting_verbs(), belief_verbs()
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        if token.low == "according" and i + 1 < len(tokens) and tokens[i + 1].low == "to":
            cue = _according_cue(tokens, i)
        elif token.low in DRAW_VERBS:  # none of them is a reporting verb
            cue = _reaction_cue(tokens, i)
        elif token.low in verbs and _is_speech_use(tokens, i):
            cue = _verb_cue(tokens, i)
        elif token.low in beliefs and _has_complement(tokens, i) and _is_speech_use(tokens, i):
            cue = _verb_cue(tokens, i)
        else:
            continue
        if cue is not None:
            cue.at = i
            cues.append(cue)
    if not cues and any(t.quote is not None for t in tokens):
        cue = _noun_quote_cue(tokens) or _name_quote_cue(tokens, lengths) or _colon_quote_cue(tokens, lengths)
        if cue is not None:
            cues.append(cue)
    return _give_quotes_to_reporter(_without_rebuttal_tail(tokens, cues))


#: Nouns of an appended rebuttal: '…, a charge Moscow denies' / '…, a claim officials called absurd'.
REBUTTAL_NOUNS = frozenset("charge charges claim claims allegation allegations accusation accusations".split())


def _without_rebuttal_tail(tokens: Sequence[_Token], cues: list[_Cue]) -> list[_Cue]:
    """ 'X accused Y of …, a charge Y denies': the sentence is X's; the tail only notes the denial."""
    for k in range(len(tokens) - 2):
        after_break = tokens[k].text == "," or tokens[k].quote is not None  # '…, a charge' / '…,” a charge'
        if after_break and tokens[k + 1].low in ("a", "an") and tokens[k + 2].low in REBUTTAL_NOUNS:
            head = [c for c in cues if c.at < k]
            return head if head and len(head) < len(cues) else cues
    return cues


def _give_quotes_to_reporter(cues: list[_Cue]) -> list[_Cue]:
    """ 'X said the alliance welcomed "…"': the quotation is inside X's report, so it is X's.

    When the sentence opens with a reporting verb that has its own subject and no quotation of
    its own, a quotation that a later verb of the reported clause introduces belongs to the
    reporter (a mixed quote), not to the subject of that later verb.
    """
    if len(cues) < 2 or cues[0].attached or cues[0].phrase is None or cues[0].at < 0:
        return cues
    outer = cues[0]
    for inner in cues[1:]:
        if inner.attached and inner.at > outer.at and not inner.embedded:
            outer.attached.extend(inner.attached)
            inner.attached = []
    return cues


def _is_negator(low: str) -> bool:
    return low in NEGATORS or low.replace("’", "'").endswith("n't")


def _is_negated(tokens: Sequence[_Token], i: int) -> bool:
    """A negation right before the verb, or before one adverb ("did not immediately respond")."""
    j = i - 1
    if j >= 0 and (tokens[j].low in ("yet", "immediately") or tokens[j].low in VERB_ADVERBS - NEGATORS):
        j -= 1
    return j >= 0 and _is_negator(tokens[j].low)


def _auxiliary(low: str) -> str:
    """A contracted negation's auxiliary: "didn't" -> "did", "won't" -> "will", "can't" -> "can"."""
    low = low.replace("’", "'")
    if not low.endswith("n't"):
        return low
    base = low[:-3]
    return {"wo": "will", "ca": "can", "sha": "shall"}.get(base, base)


def _has_complement(tokens: Sequence[_Token], i: int) -> bool:
    """A clausal complement ("fear that", "asked whether") or an "as" predicate ("see … as")."""
    following = [t.low for t in tokens[i + 1 : i + 1 + COMPLEMENT_WINDOW]]
    if any(word in COMPLEMENTIZERS for word in following[:4]):
        return True
    if _bare_clause(tokens, i + 1):
        return True
    return tokens[i].low in AS_PREDICATE_VERBS and "as" in following


def _bare_clause(tokens: Sequence[_Token], start: int) -> bool:
    """A complement clause without "that": a short subject, then a finite verb ("the base would be")."""
    for k in range(start, min(start + 5, len(tokens))):
        token = tokens[k]
        if k > start and token.low in FINITE_VERBS:
            return True
        if not token.is_word or token.low in PHRASE_STOPS or token.low in _NOT_ROLE_WORDS or token.low in FINITE_VERBS:
            return False
    return False


def _skip_adverbs_back(tokens: Sequence[_Token], i: int) -> int:
    """Index of the first token before ``i`` that is not an adverb or auxiliary ("had", "also")."""
    j = i - 1
    while (
        j >= 0
        and tokens[j].is_word
        and (_auxiliary(tokens[j].low) in VERB_ADVERBS or tokens[j].low.endswith("ly") and not tokens[j].is_capitalised)
    ):
        j -= 1
    return j


def _is_speech_use(tokens: Sequence[_Token], i: int) -> bool:
    """Whether the reporting verb at ``i`` reports speech here (not "said to be", "will say")."""
    low = tokens[i].low
    following = [t.low for t in tokens[i + 1 : i + 3]]
    if following[:1] == ["to"] and following[1:] in (["be"], ["have"]):
        return False
    if low in PARTICLE_VERBS and following[:1] != [PARTICLE_VERBS[low]]:
        return False
    if following[:1] == ["from"] and not low.endswith(("ed", "ing")):
        return False  # "praise from allies and caution from the north": nouns
    says_nothing = bool(following[:1]) and following[0] in NOTHING_WORDS
    if low in NO_CONTENT_VERBS and (_is_negated(tokens, i) or says_nothing):
        if not (says_nothing and _clause_follows(tokens, i + 2)):  # "said nothing in it would oblige …" reports
            return False  # "did not respond to a request for comment", "said little": no view is reported
    if following[:1] == ["for"] and (i + 2 >= len(tokens) or tokens[i + 2].text in ".!?;,)—–"):
        return False  # "a frigate the navy never asked for.": a request for a thing, no words reported
    if low in _base_forms() and tokens[-1].text == "?" and (i == 0 or tokens[i - 1].quote is None):
        return False  # "will Santos simply ask Washington what to say?": the narrator asks
    before = _skip_adverbs_back(tokens, i)
    previous = _auxiliary(tokens[before].low) if before >= 0 else ""
    if _is_month_may(tokens, before):
        previous = "may (the month)"
    if previous == "to" and _eager_subject_end(tokens, before) is not None:
        return True  # "was quick to condemn": said at once, unlike "plans to welcome"
    if (low.endswith("ing") and previous in ("this", "that")) or (before >= 0 and _is_possessive(tokens[before])):
        return False  # "that reading of it", "Malabo's caution": nouns
    if previous in MODALS or previous in NOUN_DETERMINERS or previous in NOUN_TAKING_VERBS:
        return False  # "will say"; "a warning", "their praise"; "drew praise": nouns, not speech
    if low in SPEECH_NOUNS and low.endswith("s") and _after_preposition(tokens, i):
        return False  # "after months of street protests": a noun
    return not (previous in BE_FORMS and not low.endswith("ing")) or _has_agent(tokens, i)


def _clause_follows(tokens: Sequence[_Token], start: int) -> bool:
    """A finite verb soon after ``start``, before any punctuation: "said nothing in it would oblige …"."""
    for token in tokens[start : start + COMPLEMENT_WINDOW]:
        if not token.is_word:
            return False
        if token.low in FINITE_VERBS:
            return True
    return False


def _after_preposition(tokens: Sequence[_Token], i: int) -> bool:
    """A preposition before ``i``, past at most two lower-case modifiers ("of street protests").

    Only for plural speech nouns: "the coalition of parties demands" is rare next to "amid
    protests" or "despite repeated warnings".
    """
    for j in range(i - 1, max(-1, i - 4), -1):
        token = tokens[j]
        if not token.is_word or token.is_capitalised or token.low in DETERMINERS:
            return False
        if token.low in NOUN_PREPOSITIONS:
            return True
    return False


def _has_agent(tokens: Sequence[_Token], i: int) -> bool:
    """A passive reporting verb with its agent: "was welcomed by Pakistan", "were criticised by …".

    Not "announced by": "the pact was announced by the three governments in 2021" narrates an
    event, it reports no view.
    """
    return (
        i + 2 < len(tokens)
        and tokens[i + 1].low == "by"
        and tokens[i + 2].is_word
        and not tokens[i].low.startswith("announc")
    )


def _verb_cue(tokens: Sequence[_Token], i: int) -> _Cue | None:
    """A reporting verb's cue: its speaker is the subject, inverted subject or clause subject."""
    verb = tokens[i]
    before = _skip_adverbs_back(tokens, i)
    previous = tokens[before] if before >= 0 else None
    if verb.low.endswith("ing"):
        return _participle_cue(tokens, i, before)
    after_quote = previous is not None and (
        previous.quote is not None or previous.text == "," and before > 0 and tokens[before - 1].quote is not None
    )
    if previous is not None and previous.low in BE_FORMS and _has_agent(tokens, i):
        return _agent_cue(tokens, i)
    if previous is None or after_quote:
        cue = _inverted_cue(tokens, i)
        if cue is not None and after_quote:
            cue.attached.insert(0, tokens[before].quote if previous.quote is not None else tokens[before - 1].quote)
        return cue
    if previous.text == ",":
        if any(_auxiliary(t.low) in INVERSION_BLOCKERS for t in tokens[before + 1 : i]):
            return _appositive_cue(tokens, i, before)  # "X, to its credit, has asked …": never inverted
        return _inverted_cue(tokens, i) or _appositive_cue(tokens, i, before)
    if previous.low in ("and", "but"):
        return _Cue(verb.text, None, attached=_quotes_after(tokens, i + 1))
    if previous.low == "who" and before > 0:  # "…, Anna Berg, who called the deal …": the antecedent
        end = before - 1 if tokens[before - 1].text == "," else before
        span = _phrase_before(tokens, end)
        return _subject_cue(tokens, i, span) if span is not None else None
    if previous.low == "to":
        return _eager_cue(tokens, i, before)
    span = _phrase_before(tokens, before + 1)
    if span is not None:
        span = _interviewee(tokens, span)
        if span[0] > 0 and tokens[span[0] - 1].low == "as" and any(t.low in REFLEXIVES for t in tokens[span[1] : i]):
            return None  # "…, as Tajani himself has admitted, …": the narrator's claim, borrowing his authority
    if not any(_auxiliary(t.low) in MODALS for t in tokens[before + 1 : i]):  # "… would have explained"
        span = _relative_antecedent(tokens, span[0] if span is not None else before + 1) or span
    if span is None:
        return None
    return _subject_cue(tokens, i, span)


#: "was quick to condemn": the subject before them reports. ("rushed to predict" is left out: in
#: the team's coding it is the narrator's mockery of the speakers, coded as the outlet's.)
EAGER_WORDS = frozenset("quick swift eager keen ready first".split())
#: Words a relative clause before its reporting verb may span ("who negotiated the treaty").
RELATIVE_MAX_TOKENS = 10


def _eager_cue(tokens: Sequence[_Token], i: int, to_at: int) -> _Cue | None:
    """``X was quick to condemn …``, ``X was the first to welcome …``: X reports; other ``to`` + verb do not.

    "plans to welcome", "is expected to criticise" and the like say nothing was said yet.
    """
    end = _eager_subject_end(tokens, to_at)
    span = _phrase_before(tokens, end) if end is not None else None
    return _subject_cue(tokens, i, span) if span is not None else None


def _eager_subject_end(tokens: Sequence[_Token], to_at: int) -> int | None:
    """Where the subject ends before "was quick to" / "was the first to" (``to_at`` is "to"), else None."""
    k = to_at - 1
    if k > 0 and tokens[k].low in EAGER_WORDS:
        be = k - 2 if tokens[k - 1].low == "the" else k - 1
        return be if be >= 0 and tokens[be].low in BE_FORMS else None
    return None


#: Words that open a clause whose pronoun subject may be the sentence's own subject.
CLAUSE_OPENERS = frozenset("which that and but as when after while although because".split())
#: Participles of being quoted or asked: in "experts interviewed by this newspaper said" the
#: experts speak, not the newspaper ("a statement issued by the ministry said" keeps the ministry).
INTERVIEW_PARTICIPLES = frozenset(
    "quoted cited interviewed contacted reached polled surveyed consulted questioned approached".split()
)


def _interviewee(tokens: Sequence[_Token], span: tuple[int, int]) -> tuple[int, int]:
    """``A scholar quoted by the Global Times argued``: the phrase before "quoted by", else ``span``."""
    start = span[0]
    if start < 3 or tokens[start - 1].low != "by" or tokens[start - 2].low not in INTERVIEW_PARTICIPLES:
        return span
    return _phrase_before(tokens, start - 2) or span


def _relative_antecedent(tokens: Sequence[_Token], start: int) -> tuple[int, int] | None:
    """``The officials who negotiated the treaty said``: the phrase before "who", "that" or "which".

    Read leftwards from ``start`` over words only (a comma, a quotation or any other mark ends
    the search: comma-set relative clauses are appositions, read elsewhere), for a relative
    pronoun with a phrase right before it. A pronoun right before ``start`` opens an object
    clause whose subject is the speaker ("a move that Moscow described as …"): None.
    """
    for r in range(start - 1, max(-1, start - 1 - RELATIVE_MAX_TOKENS), -1):
        token = tokens[r]
        if not token.is_word or _auxiliary(token.low) in MODALS:  # a modal: a clause of its own
            return None
        if token.low in ("who", "that", "which"):
            return _phrase_before(tokens, r) if 0 < r < start - 1 else None
    return None


def _agent_cue(tokens: Sequence[_Token], i: int) -> _Cue | None:
    """``X was welcomed by Y``: the agent after "by" is the speaker."""
    span = _phrase_after(tokens, i + 2)
    if span is None:
        return None
    phrase, _ = _owner(tokens, *span)
    return _Cue(tokens[i].text, phrase, attached=_quotes_after(tokens, span[1]))


def _subject_cue(tokens: Sequence[_Token], i: int, span: tuple[int, int], appos: str = "") -> _Cue | None:
    """``X said …`` / ``"…," X said``: quotes before the subject or after the verb are attached."""
    phrase, is_document = _owner(tokens, *span)
    if tokens[i].low in DOCUMENT_VERBS and not is_document:
        return None
    if tokens[i].low in EVIDENCE_VERBS:
        span = _evidence_subject(tokens, span)
        if span is None:
            return None
        phrase = _phrase(tokens, *span)
    if _negative_subject(tokens, span[0]):
        return None  # "whatever Phnom Penh says", "neither X nor Y responded", "nobody in A or B believes"
    attached = _quotes_after(tokens, i + 1)
    start = span[0]
    quote_at = start - 1 if start > 0 and tokens[start - 1].quote is not None else start - 2
    if (
        quote_at >= 0
        and tokens[quote_at].quote is not None
        and (quote_at == start - 1 or tokens[start - 1].text == ",")
    ):
        attached.insert(0, tokens[quote_at].quote)
        embedded = any(t.is_word for t in tokens[_dateline_end(tokens) : quote_at])
        return _Cue(tokens[i].text, phrase, appos, attached, embedded=embedded)
    return _Cue(tokens[i].text, phrase, appos, attached)


#: Dashes and colons that end a dateline ("SEOUL —", "NEW DELHI, March 3 (AP) -").
_DATELINE_ENDS = frozenset("— – - : --".split())


def _negative_subject(tokens: Sequence[_Token], start: int) -> bool:
    """A subject that says nobody spoke: "nobody", "no one", "neither … nor", "whatever X says".

    Read back from the phrase over a coordinated subject ("nobody in Washington, in Taipei or in
    our ports believes") to the clause's start.
    """
    if start > 0 and tokens[start - 1].low == "whatever":
        return True
    for j in range(start, max(-1, start - MAX_PHRASE_TOKENS), -1):
        token = tokens[j]
        if token.low in NEGATIVE_SUBJECTS or token.low == "no" and j + 1 < len(tokens) and tokens[j + 1].low == "one":
            return True
        if token.quote is not None or token.text in ".;:!?":
            return False
        if token.low in PHRASE_STOPS and token.low not in ("or", "and"):
            return False
    return False


def _evidence_subject(tokens: Sequence[_Token], span: tuple[int, int]) -> tuple[int, int] | None:
    """The poll or study a finding verb reports: in the subject, or a few words before it
    ("A poll published by the STEM agency in May found …" -> "A poll")."""
    if any(t.low in EVIDENCE_NOUNS for t in tokens[span[0] : span[1]]):
        return span
    for j in range(span[0] - 1, max(-1, span[0] - MAX_ADJUNCT_TOKENS), -1):
        token = tokens[j]
        if not token.is_word or token.low in PHRASE_STOPS:
            return None
        if token.low in EVIDENCE_NOUNS:
            return _phrase_before(tokens, j + 1)
    return None


def _dateline_end(tokens: Sequence[_Token]) -> int:
    """Tokens of a leading dateline ("SEOUL, South Korea (AP) —"), which is not part of any clause.

    A dateline opens with a word in capitals and ends at a dash or colon within a few tokens.
    """
    if not tokens or not (tokens[0].is_word and tokens[0].text.isupper() and len(tokens[0].text) > 1):
        return 0
    for j, token in enumerate(tokens[:10]):
        if token.text in _DATELINE_ENDS:
            return j + 1
        if token.quote is not None:
            return 0
    return 0


def _owner(tokens: Sequence[_Token], start: int, end: int) -> tuple[str, bool]:
    """The speaker of a phrase naming a document: "NATO's statement" -> "NATO".

    Returns the phrase (or its owner) and whether the phrase named a document.
    """
    head = tokens[end - 1].low
    if head not in DOCUMENT_NOUNS:
        return _phrase(tokens, start, end), False
    for j in range(start, end - 1):
        if _is_possessive(tokens[j]):
            owner = _phrase(tokens, start, j + 1)
            return re.sub(r"['’]s$", "", owner), True
        if tokens[j].low in ("from", "by", "of") and j + 1 < end - 1:
            return _phrase(tokens, j + 1, end - 1), True
    return _phrase(tokens, start, end), True


def _quotes_after(tokens: Sequence[_Token], k: int) -> list[int]:
    """Quotations a tag introduces: right after it, or after a comma/colon past short adjuncts."""
    attached: list[int] = []
    for j in range(k, min(k + MAX_ADJUNCT_TOKENS + 2, len(tokens))):
        token = tokens[j]
        if token.quote is not None:
            if j == k or tokens[j - 1].text in ",:":
                attached.append(token.quote)
                if j + 2 < len(tokens) and tokens[j + 1].text == "," and tokens[j + 2].quote is not None:
                    attached.append(tokens[j + 2].quote)
            break
        if token.low in PHRASE_STOPS or token.text in ".;!?" or token.low in reporting_verbs():
            break
    return attached


def _inverted_cue(tokens: Sequence[_Token], i: int) -> _Cue | None:
    """``"…," said X`` / ``…, said X.``: the subject follows the verb."""
    if tokens[i].low not in INVERTING_VERBS:
        return None
    span = _phrase_after(tokens, i + 1)
    if span is None:
        return None
    first = tokens[span[0]]
    if not (first.is_capitalised or first.low in DETERMINERS or first.low in PRONOUNS):
        # after a quotation or comma only: a sentence-initial "Asked about X, …" has no subject
        span = _role_then_name(tokens, i + 1) if i > 0 else None
        if span is None:
            return None
    start, end = span
    if all(t.low in VERB_ADVERBS for t in tokens[start:end]):
        return None  # "said Tuesday"
    if end < len(tokens) and not _ends_inverted_subject(tokens[end]):
        return None  # "said the talks were …", 'said the office “costs …”': an object clause
    appos, after = _appos_after(tokens, end)
    phrase, _ = _owner(tokens, start, end)
    return _Cue(tokens[i].text, phrase, appos, _quotes_after(tokens, after))


def _role_then_name(tokens: Sequence[_Token], start: int) -> tuple[int, int] | None:
    """An inverted subject in lower case: a role before a name or a bare group.

    'said opposition lawmaker Jane Doe' gives the name (titles are not part of the speaker);
    'said senior officials' gives the group. Up to :data:`_ROLE_WORDS_MAX` lower-case words.
    """
    j = start
    while j < len(tokens) and j - start < _ROLE_WORDS_MAX:
        token = tokens[j]
        if not token.is_word or token.is_capitalised or token.low in PHRASE_STOPS or token.low in _NOT_ROLE_WORDS:
            break
        if token.is_verb_like:
            break
        j += 1
    if j == start:
        return None
    if j < len(tokens) and tokens[j].is_capitalised:
        return _phrase_after(tokens, j)
    return (start, j) if tokens[j - 1].low in _HEAD_NOUNS else None


#: Lower-case words a role may have before the name ("foreign ministry spokesperson").
_ROLE_WORDS_MAX = 4
#: Prepositions, which no role contains: "…, asked about the review, said" has no inverted subject.
_NOT_ROLE_WORDS = PHRASE_PREPOSITIONS | frozenset("about on over with by into upon regarding".split())


def _ends_inverted_subject(token: _Token) -> bool:
    """What may follow an inverted subject: punctuation, a preposition, an adverbial, "-ing"."""
    if token.quote is not None:
        return False
    if not token.is_word:
        return token.text in ",.;:!?)—–"
    low = token.low
    return low in PHRASE_PREPOSITIONS or low in INTRO_WORDS or low.endswith("ing") or low == "during"


def _appos_after(tokens: Sequence[_Token], end: int) -> tuple[str, int]:
    """An apposition after a name (", director of the NSO,") and the index after it."""
    if end + 1 >= len(tokens) or tokens[end].text != ",":
        return "", end
    first = tokens[end + 1]
    if first.quote is not None or first.is_capitalised and first.low not in DETERMINERS:
        return "", end
    span = _phrase_after(tokens, end + 1)
    if span is None:
        return "", end
    if _modifier_noun_follows(tokens, span[1]):
        span = (span[0], span[1] + 1)  # ", a China specialist at …": China is the subject, not her employer
    return _phrase(tokens, *span), span[1]


def _modifier_noun_follows(tokens: Sequence[_Token], end: int) -> bool:
    """Whether a capitalised word ending a phrase modifies the lower-case noun after it.

    "a China specialist", "a Russia hand": the phrase read forwards stopped at a noun that is
    no title or body, so the name before it is a topic, not the speaker's affiliation.
    """
    if end >= len(tokens) or not tokens[end - 1].is_capitalised:
        return False
    token = tokens[end]
    return (
        token.is_word
        and not token.is_capitalised
        and not token.is_verb_like
        and token.low not in PHRASE_STOPS
        and token.low not in PHRASE_PREPOSITIONS
        and token.low not in FINITE_VERBS
        and token.low not in COMPLEMENTIZERS
        and token.low not in INTRO_WORDS
        and token.low.isalpha()
    )


def _appositive_cue(tokens: Sequence[_Token], i: int, comma: int) -> _Cue | None:
    """``X, APPOSITION, said``, ``X, who …, said``, ``X, for its part, said``: X is the subject.

    The apposition (a description or relative clause) is kept to find the voice; an adverbial
    or a number between the commas is not.
    """
    previous = _previous_comma(tokens, comma)
    if previous is None:
        return None
    subject = _phrase_before(tokens, previous)
    if subject is None:
        return None
    segment = tokens[previous + 1 : comma]
    adverbial = (
        not segment or segment[0].low in PHRASE_PREPOSITIONS or all(_is_adverb(t) or t.text.isdigit() for t in segment)
    )
    return _subject_cue(tokens, i, subject, "" if adverbial else _phrase(tokens, previous + 1, comma))


def _previous_comma(tokens: Sequence[_Token], before: int) -> int | None:
    return next((j for j in range(before - 1, -1, -1) if tokens[j].text == ","), None)


def _is_adverb(token: _Token) -> bool:
    return token.is_word and (token.low in INTRO_WORDS or token.low in VERB_ADVERBS or token.low.endswith("ly"))


def _participle_cue(tokens: Sequence[_Token], i: int, before: int) -> _Cue | None:
    """``…, saying "…"`` (the clause subject speaks) and ``quoted X as saying``."""
    verb = tokens[i]
    attached = _quotes_after(tokens, i + 1)
    previous = tokens[before] if before >= 0 else None
    if previous is not None and previous.low == "as":
        return _quoted_as_cue(tokens, i, before, attached)
    if previous is None or previous.quote is not None or previous.text == "," or previous.low in PHRASE_STOPS:
        return _Cue(verb.text, None, attached=attached)
    span = _phrase_before(tokens, before + 1)
    if span is None or span[0] == 0 or tokens[span[0] - 1].low != "with":
        return None  # "a resolution calling for …" is a modifier, not a report
    return _Cue(verb.text, _phrase(tokens, *span), attached=attached)


def _quoted_as_cue(tokens: Sequence[_Token], i: int, as_at: int, attached: list[int]) -> _Cue | None:
    """``Y quoted X as saying`` -> X; ``X was quoted as saying`` -> X."""
    if as_at > 0 and tokens[as_at - 1].low in ("quoted", "cited"):
        be = as_at - 2
        if be >= 0 and tokens[be].low in BE_FORMS:
            span = _phrase_before(tokens, be)
            return _Cue(tokens[i].text, _phrase(tokens, *span), attached=attached) if span else None
        return None
    span = _phrase_before(tokens, as_at)
    if span and span[0] > 0 and tokens[span[0] - 1].low in ("quoted", "cited"):
        return _Cue(tokens[i].text, _phrase(tokens, *span), attached=attached)
    return None


def _reaction_from(tokens: Sequence[_Token], i: int) -> int | None:
    """Index of "from" in "drew (a / sharp) criticism from": a reaction noun at most two words on."""
    for j in range(i + 1, min(i + 4, len(tokens) - 2)):
        if tokens[j].low in REACTION_NOUNS and tokens[j + 1].low == "from":
            return j + 1
        if not tokens[j].is_word or tokens[j].is_capitalised:
            return None
    return None


def _reaction_cue(tokens: Sequence[_Token], i: int) -> _Cue | None:
    """``the deal drew criticism from X``: X reacted; the unit carries X's evaluation (guideline 8.10)."""
    source = _reaction_from(tokens, i)
    span = _phrase_after(tokens, source + 1) if source is not None else None
    if span is None:
        return None
    return _Cue(" ".join(t.text for t in tokens[i : source + 1]), _phrase(tokens, *span))


def _according_cue(tokens: Sequence[_Token], i: int) -> _Cue | None:
    """``according to X, …`` / ``…, according to X``."""
    span = _phrase_after(tokens, i + 2)
    if span is None:
        return None
    phrase, is_document = _owner(tokens, *span)
    end = span[1]
    if is_document and tokens[end - 1].low in DOCUMENT_NOUNS:
        # "according to a statement posted on the ministry's website": the owner comes later.
        for j in range(end, min(end + MAX_ADJUNCT_TOKENS, len(tokens) - 1)):
            if tokens[j].low in ("by", "from", "on", "of"):
                owner = _phrase_after(tokens, j + 1)
                if owner is not None:
                    phrase = _owner(tokens, *owner)[0]
                break
    return _Cue("according to", phrase, attached=_quotes_after(tokens, end))


def _name_quote_cue(tokens: Sequence[_Token], lengths: Sequence[int]) -> _Cue | None:
    """A name directly followed by a quotation, or by a colon and one (headlines, sub-heads)."""
    span = _phrase_after(tokens, 0)
    if span is None:
        return None
    start, end = span
    if not any(t.is_capitalised and t.low not in DETERMINERS for t in tokens[start:end]):
        return None
    colon = end < len(tokens) and tokens[end].text == ":"
    at = end + 1 if colon else end
    if at >= len(tokens) or tokens[at].quote is None:
        return None
    if lengths[tokens[at].quote] <= TERM_MAX_WORDS and not colon:
        return None
    return _Cue(
        ":" if colon else "quote after name",
        _phrase(tokens, start, end),
        attached=[tokens[at].quote],
    )


#: How many tokens may stand between a clause subject and the colon of its quotation.
COLON_WINDOW = 16


def _in_relative_clause(tokens: Sequence[_Token], k: int) -> bool:
    """Whether a relative pronoun opens the clause of token ``k`` ("which would …")."""
    return k > 0 and tokens[k - 1].low in ("which", "that", "who")


def _colon_quote_cue(tokens: Sequence[_Token], lengths: Sequence[int]) -> _Cue | None:
    """``X, speaking in Konya, went further: “…”``: the subject, a short predicate, a colon, a quote.

    Only a quotation long enough to be speech counts, and only before any other quotation or
    sentence break: "The message was clear: “…”" still needs a plausible speaker to stick.
    """
    subject = _clause_subject(tokens)
    if subject is None:
        return None
    for j in range(subject[1], min(subject[1] + COLON_WINDOW, len(tokens) - 1)):
        token = tokens[j]
        if token.quote is not None or token.text in ".;!?":
            return None
        if token.text == ":":
            quote = tokens[j + 1].quote
            if quote is None or lengths[quote] <= TERM_MAX_WORDS:
                return None
            return _Cue(":", _phrase(tokens, *subject), _appos_after(tokens, subject[1])[0], [quote])
    return None


# -- article -----------------------------------------------------------------------------
def _sentence_place(tokens: Sequence[_Token]) -> str | None:
    """The place a sentence sets itself in: "In Podgorica, …", "… in Canberra, where officials …".

    A capitalised run after a sentence-opening "In" that ends at a comma (words such as "last
    month" may follow it), or before ", where". ``None`` when there is none.
    """
    if len(tokens) > 2 and tokens[0].low == "in" and tokens[1].is_capitalised:
        end = 1
        while end < len(tokens) and tokens[end].is_capitalised:
            end += 1
        if any(token.text == "," for token in tokens[end : end + 4]):
            return _phrase(tokens, 1, end)
    for k in range(1, len(tokens) - 2):
        if tokens[k + 1].text == "," and tokens[k + 2].low == "where" and tokens[k].is_capitalised:
            start = k
            while start > 0 and tokens[start - 1].is_capitalised:
                start -= 1
            return _phrase(tokens, start, k + 1)
    return None


def _names_narrator(phrase: str) -> bool:
    """ "we", "I", "this newspaper", "this writer": the outlet speaking of itself."""
    words = phrase.casefold().split()
    if len(words) == 1:
        return words[0] in NARRATOR_PRONOUNS
    return len(words) == 2 and words[0] == "this" and words[1] in NARRATOR_NOUNS


@dataclass
class _Draft:
    """What one sentence says about its speaker, before quotations are settled."""

    sentence: Sentence
    cue: _Cue | None
    pieces: list[int]  # quotations with a piece in the sentence
    covered: int | None  # the quotation the sentence starts with or inside, if speech
    speech: list[int]  # speech-like quotations of the sentence


@dataclass
class _Said:
    """A quotation's speaker and how it was found (an explicit tag wins over inheritance)."""

    speaker: Speaker
    cue: str
    explicit: bool


class _Reader:
    """Reads the sentences of one article in order, keeping the discourse and quotation speakers."""

    def __init__(self, text: str, profile: Profile) -> None:
        self.text = text
        self.quotes = find_quotes(text)
        self.lengths = [q.words for q in self.quotes]
        self.discourse = Discourse(profile)
        self.said: dict[int, _Said] = {}
        self.next_quote = 0
        self.vocabulary = _shared_vocabulary()
        self.previous: tuple[int, int, Speaker, str] | None = None  # index, paragraph, speaker, quote

    def pieces(self, sentence: Sentence) -> list[tuple[int, Quote]]:
        """Quotations overlapping the sentence (a moving pointer keeps the pass linear)."""
        while self.next_quote < len(self.quotes) and self.quotes[self.next_quote].close <= sentence.start:
            self.next_quote += 1
        found = []
        j = self.next_quote
        while j < len(self.quotes) and self.quotes[j].open < sentence.end:
            quote = self.quotes[j]
            if quote.close > sentence.start and (quote.opened or self.lengths[j] > TERM_MAX_WORDS):
                found.append((j, quote))
            j += 1
        return found

    def is_speech(self, number: int) -> bool:
        return self.lengths[number] > TERM_MAX_WORDS

    def read(self, sentence: Sentence) -> _Draft:
        """First pass over a sentence: cues, resolved speakers, quotation speakers."""
        pieces = self.pieces(sentence)
        tokens = _tokens(self.text, sentence, pieces, self.vocabulary)
        cues = _find_cues(tokens, self.lengths)
        subject = _clause_subject(tokens)
        subject_phrase = _phrase(tokens, *subject) if subject else None
        needs_subject = subject is not None and any(c.phrase is None for c in cues)
        subject_appos = _appos_after(tokens, subject[1])[0] if needs_subject else ""
        place = _sentence_place(tokens) if cues else None
        for cue in cues:
            if not self.resolve_in_sentence(cue, tokens, subject):
                self.resolve(cue, cues, subject_phrase, sentence, subject_appos, place)
        cues = [c for c in cues if c.speaker is not None] or self.continued_report(tokens, sentence)
        cue = next((c for c in cues if c.attached), cues[0] if cues else None)
        numbers = [n for n, _ in pieces]
        for c in cues:
            for number in c.attached:
                if number not in self.said or not self.said[number].explicit:
                    self.said[number] = _Said(c.speaker, c.word, True)
        covered = numbers[0] if tokens and tokens[0].quote is not None else None
        for number in numbers:
            if number not in self.said and (self.is_speech(number) or number == covered):
                self.inherit(number, sentence)
        draft = _Draft(sentence, cue, numbers, covered, [n for n in numbers if self.is_speech(n)])
        self.remember(draft, subject_phrase)
        return draft

    def resolve(
        self,
        cue: _Cue,
        cues: list[_Cue],
        subject: str | None,
        sentence: Sentence,
        appos: str = "",
        place: str | None = None,
    ) -> None:
        """Give ``cue`` its speaker: its phrase resolved, or the clause subject's (with its apposition).

        ``place`` is where the sentence sets its speaker ("In Podgorica, the government said"):
        it decides whose an unnamed government is (:meth:`Discourse.resolve`).
        """
        if cue.phrase is None:
            earlier = next((c.speaker for c in cues if c is not cue and c.speaker is not None), None)
            if earlier is not None or subject is None:
                cue.speaker = earlier
                return
            cue.phrase, cue.appos = subject, appos
        if not plausible_speaker(cue.phrase) and cue.appos and is_proper_name(cue.appos):
            cue.phrase, cue.appos = cue.appos, ""  # "Her Swiss counterpart, Viola Amherd, said"
        if not plausible_speaker(cue.phrase) or _names_narrator(cue.phrase):
            cue.speaker = None
            return
        continuing = None
        if cue.attached and self.previous and self.previous[0] == sentence.index - 1:
            if self.previous[3] in ("direct", "mixed") and sentence.paragraph - self.previous[1] <= 1:
                continuing = self.previous[2]
        since = self.previous[0] if continuing is not None and self.previous else 0
        cue.speaker = self.discourse.speaker(
            cue.phrase, cue.appos, continuing=continuing, since=since, place=place, subject=subject
        )

    def resolve_in_sentence(self, cue: _Cue, tokens: Sequence[_Token], subject: tuple[int, int] | None) -> bool:
        """ "Meloni made no secret of her doubts about the pact, which she called an error": she is Meloni.

        A pronoun opening a relative or coordinate clause ("which she called", "and it denied")
        refers to the sentence's own subject when that subject fits it (kind and gender); then
        ``cue`` gets that speaker and True is returned. Otherwise the discourse decides.
        """
        pronoun = cue.phrase.casefold() if cue.phrase is not None else ""
        if subject is None or cue.at < 0 or pronoun not in PRONOUN_KINDS or pronoun in NARRATOR_PRONOUNS:
            return False  # "…, which we called a mistake": the narrator's "we" stays the outlet
        k = _skip_adverbs_back(tokens, cue.at)
        if k < 1 or k <= subject[1] or tokens[k].low != pronoun:
            return False
        if tokens[k - 1].low not in CLAUSE_OPENERS:
            return False
        phrase = _phrase(tokens, *subject)
        if phrase.casefold() in PRONOUN_KINDS or not plausible_speaker(phrase) or _names_narrator(phrase):
            return False
        own = self.discourse.speaker(phrase)
        if not fits_pronoun(pronoun, own):
            return False
        cue.speaker = own
        return True

    def continued_report(self, tokens: Sequence[_Token], sentence: Sentence) -> list[_Cue]:
        """A sentence right after a paraphrase, in its paragraph, with a backshifted "would"."""
        previous = self.previous
        if previous is None or previous[0] != sentence.index - 1 or previous[1] != sentence.paragraph:
            return []
        if previous[3] not in ("indirect", "mixed") or any(t.quote is not None for t in tokens):
            return []
        if tokens and tokens[-1].text == "?":
            return []  # a reported question is "whether …"; a "?" is the narrator asking
        if not any(t.low in BACKSHIFT_MODALS and not _in_relative_clause(tokens, k) for k, t in enumerate(tokens)):
            return []  # "The initiative, which would write …, is expected …" is the narrator's
        return [_Cue("would (report continues)", None, speaker=previous[2])]

    def inherit(self, number: int, sentence: Sentence) -> None:
        """An untagged quotation continues the quotation before it (same or previous paragraph)."""
        quote = self.quotes[number]
        before = self.said.get(number - 1)
        if before is None:
            return
        prior = self.quotes[number - 1]
        same_paragraph = _PARAGRAPH_BREAK_RE.search(self.text, prior.close, quote.open) is None
        opens_paragraph = (
            quote.open == sentence.start
            and self.previous is not None
            and self.previous[0] == sentence.index - 1
            and self.previous[1] == sentence.paragraph - 1
            and self.previous[3] == "direct"
            and self.previous[2] == before.speaker
        )
        if quote.continues or same_paragraph or opens_paragraph:
            self.said[number] = _Said(before.speaker, "quote continues", False)

    def settle_chains(self) -> None:
        """A tag at the end of a quotation run over paragraphs names the speaker of all of it."""
        for number in range(len(self.quotes) - 1, 0, -1):
            said, earlier = self.said.get(number), self.said.get(number - 1)
            if self.quotes[number].continues and said is not None and said.explicit:
                if earlier is None or not earlier.explicit:
                    self.said[number - 1] = said

    def remember(self, draft: _Draft, subject: str | None) -> None:
        """Add the sentence's subject and speaker to the discourse."""
        index = draft.sentence.index
        if subject and subject.casefold() not in PRONOUNS:
            self.discourse.add(self.discourse.speaker(subject), index)
        cue = draft.cue
        if cue is not None and cue.speaker is not None:
            speaker, kind = cue.speaker, _cue_kind(draft, cue)
        elif draft.covered is not None and draft.covered in self.said:
            speaker, kind = self.said[draft.covered].speaker, "direct"
        else:
            return
        self.discourse.add(speaker, index)
        self.previous = (index, draft.sentence.paragraph, speaker, kind)

    def decide(self, draft: _Draft) -> Attribution:
        """The sentence's attribution, with quotation speakers as now known."""
        index = draft.sentence.index
        cue = draft.cue
        if cue is not None and cue.speaker is not None:
            return Attribution(index, cue.speaker.voice, cue.speaker.name, _cue_kind(draft, cue), cue.word)
        if draft.covered is not None:
            said = self.said.get(draft.covered)
            if said is not None:
                return Attribution(index, said.speaker.voice, said.speaker.name, "direct", said.cue)
            if self.is_speech(draft.covered):
                return Attribution(index, "other", None, "direct", "unattributed quote")
        return Attribution(index, "outlet", None, "none", None)


def _cue_kind(draft: _Draft, cue: _Cue) -> str:
    """Direct when the cue tags the quotation, mixed when a quotation sits in the paraphrase."""
    if cue.embedded:
        return "mixed"
    if cue.attached:
        return "direct"
    return "mixed" if draft.speech else "indirect"


def attribute(article: Article, profile: Profile, sentences: Sequence[Sentence] | None = None) -> list[Attribution]:
    """Decide who speaks in every sentence of ``article``.

    Parameters
    ----------
    article
        The article; offsets of ``sentences`` point into ``article.text``.
    profile
        Whose aliases turn speakers into actor ids.
    sentences
        The article's sentences (default: :func:`stance.text.split_sentences` of its text).

    Returns
    -------
    list of Attribution
        One per sentence, in the same order.

    Examples
    --------
    >>> from stance.corpus import make_article
    >>> from stance.profile import load_profile
    >>> art = make_article({}, '“We agree,” NATO said. Typically it takes weeks.', "x", "x")
    >>> [(a.voice, a.quote) for a in attribute(art, load_profile("korea-nato"))]
    [('nato', 'direct'), ('outlet', 'none')]
    """
    sentences = split_sentences(article.text) if sentences is None else sentences
    reader = _Reader(article.text, profile)
    drafts = [reader.read(sentence) for sentence in sentences]
    reader.settle_chains()
    return [reader.decide(draft) for draft in drafts]


def _noun_quote_cue(tokens: Sequence[_Token]) -> _Cue | None:
    """``X's protests "…"``: a speech noun owned by X, directly followed by a quotation."""
    for i in range(len(tokens) - 2):
        if not (_is_possessive(tokens[i]) and tokens[i].is_capitalised):
            continue
        if tokens[i + 1].low in SPEECH_NOUNS and tokens[i + 2].quote is not None:
            start = i
            while start > 0 and tokens[start - 1].is_capitalised and i - start < 5:
                start -= 1
            owner = re.sub(r"['’]s$", "", _phrase(tokens, start, i + 1))
            return _Cue(tokens[i + 1].text, owner)
    return None
