"""What every report shows, computed once from an :class:`Analysis`: the terminal summary,
the HTML and the Markdown report differ only in how they draw it."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from markupsafe import Markup

from triangulate.measures import kind_of
from triangulate.report.charts import Estimate, Point, both_widths, figures_chart
from triangulate.types import Analysis, Article, Claim, Framing, Group, Quote

TITLE = 100  # characters of an article's title shown; a bare file's first line may be a whole
# paragraph, which is no title

QUALIFIER_SIGNS = {"at_least": "≥", "more_than": ">", "about": "~", "at_most": "≤",
                   "less_than": "<"}
STATUS_WORDS = {"corroborated": "corroborated", "compatible": "compatible",
                "conflicting": "conflicting", "single_source": "single source"}
FRAMING_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("words", "", "words"),
    ("loaded", "loaded words", "own"), ("loaded_per_1000", "loaded words", "per 1,000 words"),
    ("loaded_in_quotes", "loaded words", "in quotes"),
    ("scare_quotes", "", "scare quotes"), ("hedges", "", "hedges"),
    ("named_sources", "sources", "named"), ("anonymous_sources", "sources", "anonymous"),
    ("institution_sources", "sources", "institutions"), ("media_sources", "sources", "media"),
)
"""The framing table's columns: count, the heading it stands under, its own heading."""


def column_groups(columns: tuple[tuple[str, str, str], ...]) -> list[tuple[str, int]]:
    """Headings over neighbouring columns, with how many columns each spans."""
    groups: list[tuple[str, int]] = []
    for _, group, _ in columns:
        if groups and group and groups[-1][0] == group:
            groups[-1] = (group, groups[-1][1] + 1)
        else:
            groups.append((group, 1))
    return groups


def amount(value: float | None, measure: str = "", with_unit: bool = True) -> str:
    """A number as the report prints it, in its measure's unit (a share in percent, an area
    in km²)."""
    if value is None:
        return ""
    unit = kind_of(measure).unit
    if unit == "percent":
        return f"{value:.0%}"
    return f"{value:,.0f} {unit}" if unit and with_unit else f"{value:,.0f}"


def label(measure: str) -> str:
    """How the reports name a measure (the registry's label)."""
    return kind_of(measure).label


def whole_numbers(measure: str) -> bool:
    """True where the measure's figures are whole numbers (counts, areas), not shares."""
    return kind_of(measure).unit != "percent"


def figure(claim: Claim) -> str:
    """A claim's figure with its qualifier as a sign ("≥100"); a vague one in its own words
    ("thousands", of "thousands of casualties")."""
    if claim.value is None:
        return claim.text.split(" of ")[0].strip() or "?"
    if claim.qualifier == "range" and claim.high is not None:
        return f"{amount(claim.value, claim.measure)}–{amount(claim.high, claim.measure)}"
    return QUALIFIER_SIGNS.get(claim.qualifier, "") + amount(claim.value, claim.measure)


def estimate(group: Group) -> str:
    """The group's low / best / high, with a dash for a bound nobody gives; a unit other than
    percent once, at the end ("640 / 1,460 / 1,460 km²")."""
    unit = kind_of(group.measure).unit
    once = f" {unit}" if unit and unit != "percent" else ""
    return " / ".join(amount(v, group.measure, with_unit=False) or "–"
                      for v in (group.low, group.best, group.high)) + once


def parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def web_link(url: str | None) -> str | None:
    """``url`` where it is an http(s) address with no space or angle bracket in it; anything
    else is shown, never linked."""
    found = url.strip() if url else ""
    if urlsplit(found).scheme.lower() in ("http", "https") and not any(
            c.isspace() or c in "<>" for c in found):
        return found
    return None


UNKNOWN_OUTLET = "outlet unknown"


def outlet_name(article: Article) -> str:
    """The article's outlet; every article whose outlet is not known shares one name."""
    return article.outlet or UNKNOWN_OUTLET


def figure_date(claim: Claim, article: Article) -> str | None:
    """The day a figure stands for: the day it is given as of ("by Tuesday, 40 had died"),
    else the day its article was published."""
    return claim.as_of or article.published


def figure_point(claim: Claim, article: Article, color: str, href: str) -> Point:
    """A figure as a chart draws it, dated by :func:`figure_date` (the HTML report and the
    web pages draw the same points)."""
    outlet = outlet_name(article)
    source = claim.source or "the outlet itself"
    when = figure_date(claim, article)
    return Point(name=f"{outlet} · {source}", value=claim.value, low=claim.low,
                 high=claim.high, when=parse_date(when), color=color, mark=figure(claim),
                 href=href, tip=f"{outlet}, {when or 'undated'}: {claim.text} ({source})")


SOURCE_KEY_KINDS = ("article:", "source:")
"""How :mod:`triangulate.reconcile.independence` names a source: the article (or its
near-duplicate cluster) that states a figure itself, or a named primary source."""


def first_words(text: str, limit: int) -> str:
    """The opening of ``text`` up to ``limit`` characters, cut between words."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit + 1].rsplit(" ", 1)[0] if " " in words[:limit] else words[:limit]
    return cut.rstrip(",;:") + "…"


def title_of(article: Article, limit: int = TITLE) -> str:
    """The article's title as a heading or a link shows it (its opening words where it runs
    long), else its id."""
    return first_words(article.title, limit) if article.title.strip() else article.id


def source_in_words(key: str, articles: dict[str, Article]) -> str:
    """A source key as a reader would say it: ``article:a17`` -> "The Courier's own
    reporting", ``source:the nis`` -> "the nis"."""
    kind, _, name = key.partition(":")
    if f"{kind}:" not in SOURCE_KEY_KINDS:
        return key
    if kind == "source":
        return name
    unknown, _, article_id = name.partition(":")
    if unknown == "outlet-unknown":
        article = articles.get(article_id)
        title = f" “{first_words(article.title, 60)}”" if article and article.title else ""
        return f"the own reporting of an article{title} whose outlet is unknown"
    article = articles.get(name)
    return f"{outlet_name(article)}'s own reporting" if article \
        else "the reporting of articles whose outlet is unknown"


def why_in_words(group: Group, articles: dict[str, Article]) -> str:
    """The group's reason with its sources named in words, not by their internal keys."""
    why = group.why
    for key in sorted(set(group.sources), key=len, reverse=True):
        why = why.replace(key, source_in_words(key, articles))
    return why


@dataclass
class Outlet:
    name: str
    articles: list[Article] = field(default_factory=list)

    @property
    def dates(self) -> str:
        found = sorted(a.published for a in self.articles if a.published)
        return "" if not found else found[0] if found[0] == found[-1] \
            else f"{found[0]} – {found[-1]}"


def outlets(analysis: Analysis) -> list[Outlet]:
    """Outlets in the order their first article comes."""
    found: dict[str, Outlet] = {}
    for article in analysis.articles:
        found.setdefault(outlet_name(article), Outlet(outlet_name(article))).articles.append(
            article)
    return list(found.values())


def date_span(analysis: Analysis) -> str:
    found = sorted(a.published for a in analysis.articles if a.published)
    if not found:
        return ""
    return found[0] if found[0] == found[-1] else f"{found[0]} to {found[-1]}"


@dataclass
class Speaker:
    name: str
    role: str
    quotes: list[tuple[int, Quote]]  # index into Analysis.quotes, quote


UNATTRIBUTED = "(unattributed)"


def speakers(analysis: Analysis) -> list[Speaker]:
    """Quotes grouped by speaker (names folded across articles), most quoted first and
    unattributed ones last; the role is the one most often given."""
    grouped: dict[str, list[tuple[int, Quote]]] = defaultdict(list)
    for i, quote in enumerate(analysis.quotes):
        grouped[quote.speaker_name or quote.speaker or UNATTRIBUTED].append((i, quote))
    found = []
    for name, quotes in grouped.items():
        roles = Counter(q.role for _, q in quotes if q.role)
        found.append(Speaker(name, roles.most_common(1)[0][0] if roles else "", quotes))
    return sorted(found, key=lambda s: (s.name == UNATTRIBUTED, -len(s.quotes),
                                        s.name.lower()))


def claim_places(analysis: Analysis) -> dict[str, int]:
    """Each claim's place in ``analysis.claims``, by its id (groups cite claims by id)."""
    return {claim.id: i for i, claim in enumerate(analysis.claims)}


def grouped_claims(analysis: Analysis, group: Group, places: dict[str, int] | None = None
                   ) -> list[tuple[int, Claim]]:
    """The group's claims with their places in ``analysis.claims``, in the group's order."""
    at = places if places is not None else claim_places(analysis)
    return [(at[claim_id], analysis.claims[at[claim_id]]) for claim_id in group.claims]


def claims_by_article(analysis: Analysis) -> dict[str, list[tuple[int, Claim]]]:
    found: dict[str, list[tuple[int, Claim]]] = defaultdict(list)
    for i, claim in enumerate(analysis.claims):
        found[claim.article].append((i, claim))
    return found


def merged(framings: list[Framing]) -> Framing:
    """Several articles' framing as one; a source named in two of them counts once."""
    sources = {(s.kind, s.text.lower()): s for f in framings for s in f.sources}
    return Framing(words=sum(f.words for f in framings),
                   loaded=[s for f in framings for s in f.loaded],
                   scare_quotes=[s for f in framings for s in f.scare_quotes],
                   hedges=[s for f in framings for s in f.hedges],
                   sources=list(sources.values()))


def framing_counts(framing: Framing) -> dict[str, str]:
    """The counts the framing table shows, loaded words also per 1,000 words."""
    counts = framing.counts()
    rate = 1000 * counts["loaded"] / counts["words"] if counts["words"] else 0.0
    shown = {key: str(value) for key, value in counts.items()}
    shown["loaded_per_1000"] = f"{rate:.1f}"
    return shown


def tally(spans_text: list[str]) -> list[tuple[str, int]]:
    """Distinct words (case folded) with how often they occur, most frequent first."""
    counts = Counter(text.lower() for text in spans_text)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def tally_words(words: list[tuple[str, int]]) -> str:
    """A :func:`tally` in words: "killed ×3, slaughter"."""
    return ", ".join(f"{word} ×{n}" if n > 1 else word for word, n in words)


@dataclass
class OutletFraming:
    outlet: str
    counts: dict[str, str]
    loaded: list[tuple[str, int]]
    scare_quotes: list[tuple[str, int]]
    hedges: list[tuple[str, int]]


def framing_by_outlet(analysis: Analysis) -> list[OutletFraming]:
    """Each outlet's framing, aggregated over its articles."""
    found = []
    for outlet in outlets(analysis):
        framing = merged([analysis.framing(a.id) for a in outlet.articles])
        found.append(OutletFraming(
            outlet.name, framing_counts(framing),
            tally([s.text for s in framing.loaded if not s.quoted]),
            tally([s.text for s in framing.scare_quotes]),
            tally([s.text for s in framing.hedges])))
    return found


def group_title(group: Group) -> str:
    """"killed: people (Kramatorsk attack, April 2022)": the group's event where known."""
    title = f"{label(group.measure)}: {group.subject}"
    return f"{title} ({group.event})" if group.event else title


def group_chart(group: Group, points: list[Point]) -> Markup:
    """The group's figures and estimate drawn wide and narrow, as the report and the web
    pages show them (the points carry each page's own links)."""
    return both_widths(lambda width: figures_chart(
        points, Estimate(group.low, group.best, group.high),
        lambda v: amount(v, group.measure), whole=whole_numbers(group.measure),
        label=group_title(group), width=width))


def role_in_estimate(group: Group, claim_id: str) -> str:
    """Which bounds of the group's estimate come from this claim ("low, best")."""
    parts = [name for name, source in (("low", group.low_from), ("best", group.best_from),
                                       ("high", group.high_from)) if source == claim_id]
    return ", ".join(parts)
