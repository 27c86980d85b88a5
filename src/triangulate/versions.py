"""The version a reading is stored under.

It lives apart from the pipeline that makes readings, so that a process that only stores
them (the parent of a Dask run, whose workers parse) can tell whether the store holds an
article's reading current without importing spaCy.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version

from triangulate.settings import DEFAULTS, Settings

PIPELINE_VERSION = "16"  # 2: framing; 3: paragraphs end sentences; 4: periods; 5: phrases; 6: „“;
# 7: reported speech before its cue, participles, quoted words inside reported clauses;
# 8: events, as_of; 9: statement frames and the reading's event; 10: no share or area
# continued by a bare number; 11: dash signatures, "as X put it", descriptions that name
# someone new; 12: the "displaced" measure, quote and claim ids;
# 13: a speaker's mention keeps the clauses and places that say who they are, reports after
# "and"/"but" and with their reasons, progressive cues, a few words quoted at a report's end
# 14: "US" by case, persons' states by their titles, "people" who fight, places from the
# parser, datelines and region nouns instead of a list of towns
# 15: each article read in its own language, or not at all
# 16: a number in the subject of a speech verb is who speaks, not a figure that verb sources;
# "five-and-a-half"; "lost" a casualty only of people or a force; a percent counts the noun of
# its "of"; a figure is never its own subject


def pipeline_version(settings: Settings = DEFAULTS) -> str:
    """The version a reading is stored under: :data:`PIPELINE_VERSION`, followed by a digest
    of the reading settings where they are not the defaults, so that a stored reading made
    with other settings is read again."""
    changes = settings.reading_changes()
    if not changes:
        return PIPELINE_VERSION
    digest = hashlib.sha256(repr(sorted(changes.items())).encode()).hexdigest()[:12]
    return f"{PIPELINE_VERSION}+{digest}"


def installed_version(package: str) -> str | None:
    """The installed version of ``package`` (looked up, not imported); None where it is not
    installed."""
    try:
        return version(package)
    except PackageNotFoundError:
        return None
