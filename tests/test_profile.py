"""Profiles: the bundled one loads, and every mistake names its file and key."""

from __future__ import annotations

import pytest

from stance.errors import InputError
from stance.profile import alias_key, bundled_profiles, load_profile

GOOD = """
name = "test-event"
[target]
label = "The deal"
terms = ["deal", "agreement"]
[actors.gov]
label = "Government"
aliases = ["Ministry", "Minister Lee"]
[actors.media]
label = "Media"
aliases = ["Daily Star"]
[frames.economy]
terms = ["tariff"]
[frames.sports]
label = "Sports"
terms = ["football"]
[lexicon]
favor = ["win-win", {phrase = "great deal", weight = 2}]
against = ["sell-out"]
"""


def write(tmp_path, text, name="p.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_bundled_korea_nato_has_rich_aliases(korea_nato):
    assert "korea-nato" in bundled_profiles()
    assert korea_nato.actor_ids == (
        "korean_government",
        "nato",
        "chinese_state_media",
        "china_government",
    )
    korean = {alias_key(a) for a in korea_nato.actor("korean_government").aliases}
    for variant in (
        "yoon suk-yeol",
        "yoon seok-yeol",
        "yun seok-yeol",
        "kim sung-han",
        "seoul",
        "nso",
    ):
        assert variant in korean
    china = {alias_key(a) for a in korea_nato.actor("china_government").aliases}
    assert {"beijing", "wang wenbin"} <= china
    assert "global times" in {alias_key(a) for a in korea_nato.actor("chinese_state_media").aliases}
    assert korea_nato.target.terms


def test_user_profile_loads(tmp_path):
    profile = load_profile(write(tmp_path, GOOD))
    assert profile.name == "test-event"
    assert profile.actor("gov").aliases == ("Ministry", "Minister Lee")
    assert [c.weight for c in profile.cues] == [1.0, 2.0, -1.0]
    assert [f.id for f in profile.frames] == ["economy", "sports"]
    hash(profile)  # usable as a cache key


@pytest.mark.parametrize(
    "edit, message",
    [
        (
            lambda t: t.replace('[target]\nlabel = "The deal"\n', "[target]\n"),
            "target.label: missing",
        ),
        (lambda t: t.replace("[target]", "[tarket]"), "tarket: unknown key"),
        (
            lambda t: t.replace('aliases = ["Daily Star"]', 'aliases = ["Daily Star", "ministry"]'),
            "actors.media.aliases[1]: alias 'ministry' is listed also in actors.gov",
        ),
        (
            lambda t: t.replace('aliases = ["Daily Star"]', 'aliases = ["Daily Star", "  "]'),
            "actors.media.aliases[1]: empty",
        ),
        (
            lambda t: t.replace('aliases = ["Daily Star"]', "aliases = []"),
            "actors.media.aliases: must not be empty",
        ),
        (
            lambda t: t.replace('label = "Media"', 'label = "Media"\ncolour = "red"'),
            "actors.media.colour: unknown key",
        ),
        (lambda t: t.replace("[actors.media]", "[actors.outlet]"), "actors.outlet: id must be"),
        (lambda t: t.replace("weight = 2", "weight = 9"), "lexicon.favor[1]: weight must be"),
        (lambda t: t.replace('name = "test-event"\n', ""), "name: missing"),
    ],
)
def test_broken_profiles_name_the_key(tmp_path, edit, message):
    path = write(tmp_path, edit(GOOD))
    with pytest.raises(InputError) as err:
        load_profile(path)
    assert message in str(err.value) and path in str(err.value)


def test_toml_syntax_error_has_line_and_column(tmp_path):
    path = write(tmp_path, 'name = "x"\n[target\nlabel = "y"\n')
    with pytest.raises(InputError) as err:
        load_profile(path)
    assert err.value.line == 2 and err.value.column is not None
    assert "TOML syntax error" in str(err.value)


def test_unknown_profile_name_lists_bundled():
    with pytest.raises(InputError, match="bundled: korea-nato"):
        load_profile("no-such-event")
