"""The seeds live in the project with front matter above the original bytes, unchanged."""

from __future__ import annotations

import hashlib

import pytest
from conftest import SEEDS, SHARED_SEEDS

from stance.corpus import parse_front_matter

# sha256 of the original files in ../shared/seeds, so the check runs even without them.
ORIGINAL_SHA256 = {
    "000_00516ae4d2ca2e4a.txt": "80b278f8071161ce1a1c448df5649bcf26b69014a1636d6ee0a2f33d84e105ac",
    "002_904853a39e03bd58.txt": "ae3a18398e12d2b65d09f8c65d8845e3f3cffa0d1daeed2b8e623dffb7785ef6",
    "004_d94734ccd0ddb7e9.txt": "f8a44d2865802f1e64176c0c0945f40e9b2442a9947adee754e3792d3ad98489",
}


def _split(path):
    data = path.read_bytes()
    assert data.startswith(b"---\n")
    end = data.index(b"\n---\n", 4) + len(b"\n---\n")
    return data[:end].decode("utf-8"), data[end:]


def test_three_seeds_with_metadata():
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 3
    for path in files:
        head, _ = _split(path)
        fields, _, _ = parse_front_matter(head, str(path))
        assert set(fields) >= {"id", "outlet", "title", "date", "url", "source_file"}
        assert path.stem == fields["id"]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_body_is_byte_for_byte_the_original(path):
    head, body = _split(path)
    fields, _, _ = parse_front_matter(head, str(path))
    expected = ORIGINAL_SHA256[fields["source_file"]]
    assert hashlib.sha256(body).hexdigest() == expected
    original = SHARED_SEEDS / fields["source_file"]
    if original.exists():
        assert body == original.read_bytes()
