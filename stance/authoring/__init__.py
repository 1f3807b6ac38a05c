"""Profile authoring: draft a profile from a corpus, and measure how well a profile covers one.

* :func:`draft_profile` reads a corpus and proposes actors (the speakers the attribution rules
  find, grouped by name, title, organisation and country) and target terms (phrases frequent in
  the corpus and rare in a background corpus); :meth:`Draft.to_toml` writes a commented profile.
* :func:`profile_coverage` tells what share of attributed sentences falls to ``"other"``, which
  speakers are behind it, which aliases never match and which overlap across actors.

Modules: :mod:`~stance.authoring.nations` (country words), :mod:`~stance.authoring.mentions`
(speakers and their titles), :mod:`~stance.authoring.grouping` (speakers -> actors),
:mod:`~stance.authoring.terms` (keyness), :mod:`~stance.authoring.draft`,
:mod:`~stance.authoring.coverage`.
"""

from stance.authoring.coverage import Coverage, CoverageBuilder, profile_coverage
from stance.authoring.draft import Draft, draft_profile
from stance.authoring.grouping import AliasCandidate, CandidateActor, SpeakerCandidate
from stance.authoring.terms import TermCandidate

__all__ = [
    "AliasCandidate",
    "CandidateActor",
    "Coverage",
    "CoverageBuilder",
    "Draft",
    "SpeakerCandidate",
    "TermCandidate",
    "draft_profile",
    "profile_coverage",
]
