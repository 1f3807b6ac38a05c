"""Annotation files: valid lines load, and every broken line is named."""

from __future__ import annotations

import json

import pytest

from stance.annotations import load_annotations
from stance.errors import InputError


def write(tmp_path, lines, name="a.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_fields_and_groups(tmp_path):
    path = write(
        tmp_path,
        [
            json.dumps(
                {
                    "text": "NATO welcomed it.",
                    "stance": "favor",
                    "voice": "nato",
                    "frames": ["diplomacy_process"],
                    "doc_id": "d1",
                    "event": "e1",
                    "coder": "A",
                }
            ),
            "",
            json.dumps({"text": "It opened.", "stance": "neutral"}),
        ],
    )
    first, second = load_annotations([path])
    assert first.voice == "nato" and first.frames == ("diplomacy_process",) and first.group == "e1/d1"
    assert second.source.endswith("a.jsonl:3") and second.voice is None


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"text": "x y", "stance": "positive"}', "unknown stance label 'positive'"),
        ('{"stance": "favor"}', "missing or empty 'text'"),
        ('{"text": "x", "stance": "favor"', "malformed JSON"),
        ('["text", "favor"]', "must be a JSON object"),
        ('{"text": "x", "stance": "favor", "frames": "economy"}', "'frames' must be a list"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path, line, message):
    path = write(tmp_path, ['{"text": "fine", "stance": "neutral"}', line])
    with pytest.raises(InputError) as err:
        load_annotations([path])
    assert message in str(err.value) and f"{path}:2" in str(err.value)


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(InputError, match="no such annotation file"):
        load_annotations([tmp_path / "nope.jsonl"])
    empty = tmp_path / "e.jsonl"
    empty.write_text("\n")
    with pytest.raises(InputError, match="no lines"):
        load_annotations([empty])
