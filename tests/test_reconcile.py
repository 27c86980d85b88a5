from __future__ import annotations

from triangulate.reconcile import crosscheck
from triangulate.reconcile.groups import build_groups
from triangulate.reconcile.independence import duplicate_clusters, source_keys
from triangulate.reconcile.names import fold_names, fold_speakers
from triangulate.types import Article, Claim, Reading


def claim(article: str, value: float | None, qualifier: str = "exact",
          source: str | None = None, measure: str = "killed", scope: str | None = None,
          vague: bool = False) -> Claim:
    low = value if qualifier in {"exact", "at_least", "more_than"} else None
    high = value if qualifier in {"exact", "at_most", "less_than"} else None
    if qualifier == "vague":
        low, high = 1000.0, None
    return Claim(article=article, measure=measure, value=value, low=low, high=high,
                 qualifier=qualifier, subject="North Korean troops", actor="North Korea",
                 source=source, source_vague=vague, scope=scope)


def judge(claims: list[Claim], dates: dict[str, str] | None = None,
          clusters: dict[str, str] | None = None) -> tuple[str, list[float | None]]:
    known = dates or {}
    keys = source_keys(claims, clusters or {})
    groups = build_groups(claims, keys.__getitem__, known.get)
    assert len(groups) == 1
    group = groups[0]
    return group.status, [group.low, group.best, group.high]


def test_lower_bound_below_a_larger_figure_is_compatible() -> None:
    status, estimate = judge([claim("a", 300, source="South Korean government"),
                              claim("b", 40, "at_least", source="reports", vague=True)])
    assert status == "compatible"
    assert estimate == [40, 300, 300]


def test_two_sources_agreeing_corroborate() -> None:
    status, _ = judge([claim("a", 300, source="South Korean government"),
                       claim("b", 310, "about", source="Ukrainian military intelligence")])
    assert status == "corroborated"


def test_same_period_disagreement_conflicts() -> None:
    status, estimate = judge([claim("a", 300, "about", source="Seoul"),
                              claim("b", 3800, source="Kyiv")],
                             dates={"a": "2025-01-13", "b": "2025-01-15"})
    assert status == "conflicting"
    assert estimate[0] == 300 and estimate[2] == 3800


def test_a_count_that_grew_is_compatible_and_one_that_shrank_conflicts() -> None:
    grew, _ = judge([claim("a", 300, source="Seoul"), claim("b", 3800, source="Kyiv")],
                    dates={"a": "2025-01-13", "b": "2025-01-15"})
    shrank, _ = judge([claim("a", 3800, source="Seoul"), claim("b", 300, source="Kyiv")],
                      dates={"a": "2025-01-13", "b": "2025-01-15"})
    same_source, _ = judge([claim("a", 3800, source="Kyiv"), claim("b", 300, source="Kyiv"),
                            claim("c", 20, "at_least")],
                           dates={"a": "2025-01-13", "b": "2025-01-15", "c": "2025-01-15"})
    assert (grew, shrank, same_source) == ("compatible", "conflicting", "compatible")


def test_a_range_bounds_a_growing_count_on_the_same_day() -> None:
    estimate = claim("b", 100, "range", source="intelligence assessment")
    estimate.low, estimate.high = 100, 300
    status, _ = judge([claim("a", 500, "at_least", source="health ministry"), estimate],
                      dates={"a": "2025-01-13", "b": "2025-01-13"})
    assert status == "conflicting"


def test_figures_dated_in_the_text_are_compared_by_that_date() -> None:
    claims = [claim("a", 600, "about", source="investigators"),
              claim("b", 300, "about", source="city council")]
    claims[0].as_of = "2025-03-16"  # "died in the strike on March 16", reported in May
    assert judge(claims, dates={"a": "2025-05-04", "b": "2025-03-20"})[0] == "conflicting"
    claims[0].as_of = None
    assert judge(claims, dates={"a": "2025-05-04", "b": "2025-03-20"})[0] == "compatible"


def test_counts_weeks_apart_are_compatible() -> None:
    status, _ = judge([claim("a", 300, source="Seoul"), claim("b", 3800, source="Kyiv")],
                      dates={"a": "2024-12-01", "b": "2025-02-15"})
    assert status == "compatible"


def test_one_primary_source_in_two_outlets_is_single_source() -> None:
    status, _ = judge([claim("a", 300, source="the South Korean government"),
                       claim("b", 300, source="South Korean government")])
    assert status == "single_source"


def test_vague_and_bound_are_compatible() -> None:
    status, _ = judge([claim("a", 12000, "at_least", measure="deployed"),
                       claim("b", None, "vague", measure="deployed")])
    assert status == "compatible"


def article(id_: str, text: str) -> Article:
    return Article(id=id_, text=text)


def test_near_duplicates_share_a_cluster_and_count_once() -> None:
    body = ("Rescue teams reached the village after the overnight shelling and counted the "
            "damage to the school, the clinic and eleven houses along the main road, while "
            "officials promised shelters for the families before the first snow arrived. ") * 3
    clusters = duplicate_clusters([article("a", body), article("b", body + " Read more."),
                                   article("c", "An unrelated story about grain exports.")])
    assert clusters["a"] == clusters["b"] == "a"
    assert clusters["c"] == "c"
    status, _ = judge([claim("a", 12), claim("b", 12)], clusters=clusters)
    assert status == "single_source"


def test_name_folding_keeps_variants_apart_from_others() -> None:
    mapping = fold_names(["Zelenski", "Selenskyj", "Zelensky", "Yuriyi Bondar", "Bondar",
                          "Kim Jong-un", "Kim Jong Un", "Andrew Clapham"])
    assert mapping["Zelenski"] == mapping["Zelensky"]
    assert mapping["Selenskyj"] == "Selenskyj"  # no list of people: another first letter
    assert mapping["Bondar"] == "Yuriyi Bondar"
    assert mapping["Kim Jong-un"] == mapping["Kim Jong Un"]
    assert mapping["Andrew Clapham"] == "Andrew Clapham"


def test_fuzzy_folding_without_gazetteer() -> None:
    mapping = fold_names(["Oleksandr Tarnavskyi", "Oleksandr Tarnavskiy", "Olena Tarasenko"])
    assert mapping["Oleksandr Tarnavskiy"] == mapping["Oleksandr Tarnavskyi"]
    assert mapping["Olena Tarasenko"] == "Olena Tarasenko"


def reading(id_: str, *sentences: str) -> Reading:
    return Reading(article=article(id_, " ".join(sentences)), statements=list(sentences))


def test_crosscheck_folds_entities_and_groups() -> None:
    first = reading("a", "x")
    first.claims.append(claim("a", 300, source="Seoul"))
    second = reading("b", "y")
    second.claims.append(claim("b", 40, "at_least"))
    analysis = crosscheck([first, second])
    assert len(analysis.groups) == 1 and analysis.groups[0].articles == ["a", "b"]


def test_different_scopes_do_not_conflict() -> None:
    status, _ = judge([claim("a", 40, source="Seoul", scope="in the first engagement"),
                       claim("b", 3800, source="Kyiv", scope="since October")])
    assert status == "compatible"


def test_undated_figures_are_no_evidence_of_a_clash() -> None:
    status, _ = judge([claim("a", 300, "about", source="Seoul"),
                       claim("b", 3800, "about", source="Kyiv")], dates={"a": "2025-01-13"})
    assert status == "compatible"


def test_one_sources_series_does_not_corroborate_a_rising_toll() -> None:
    status, _ = judge([claim("a", 50, source="governor"), claim("b", 50, source="police"),
                       claim("c", 57, source="governor")],
                      dates={"a": "2025-01-13", "b": "2025-01-13", "c": "2025-01-16"})
    assert status == "compatible"
    same, _ = judge([claim("a", 50, "at_least", source="governor"),
                     claim("b", 50, "at_least", source="police")])
    assert same == "corroborated"


def test_agreement_needs_two_sources() -> None:
    status, _ = judge([claim("a", 300, source="Seoul"), claim("b", 305, source="Seoul"),
                       claim("c", 20, "at_least", source="Kyiv")])
    assert status == "compatible"


def test_agreement_found_past_figures_of_the_same_source() -> None:
    figures = [claim(f"a{i}", 100 + i, source="Seoul") for i in range(5)]
    status, _ = judge([*figures, claim("z", 106, source="Kyiv")])
    assert status == "corroborated"


def test_estimate_keeps_best_within_low_and_high() -> None:
    claims = [claim("a", 11000, "about", source="NIS", measure="deployed"),
              claim("b", 12000, source="Kyiv", measure="deployed"),
              claim("c", 6000, "more_than", source="UK", measure="deployed")]
    _, (low, best, high) = judge(claims, dates={"a": "2024-11-01", "b": "2025-01-05",
                                                "c": "2025-06-01"})
    assert low is not None and best is not None and high is not None
    assert low <= best <= high


def test_a_scoped_figure_does_not_conflict_with_a_running_total() -> None:
    status, _ = judge([claim("a", 40, source="Seoul", scope="in the first engagement"),
                       claim("b", 3800, source="Kyiv")])
    assert status == "compatible"


def test_speakers_fold_across_articles() -> None:
    names = fold_speakers(["lawmaker Lee Seong-kweun", "Lee Seong-kweun, a ruling-party MP",
                           "Volodymyr Zelenskyy", "President Volodymyr Zelensky",
                           "a senior Ukrainian commander", "Sergeant Mykola Drozd"])
    assert names["lawmaker Lee Seong-kweun"] == names["Lee Seong-kweun, a ruling-party MP"]
    assert names["Volodymyr Zelenskyy"] == names["President Volodymyr Zelensky"]
    assert names["a senior Ukrainian commander"] == "a senior Ukrainian commander"
    assert names["Sergeant Mykola Drozd"] == "Mykola Drozd"


def test_speaker_names_from_mentions() -> None:
    names = fold_speakers(["retired British Army colonel Graham Pike", "Pike",
                           "its commander-in-chief, Oleksandr Syrskyi", "Lee",
                           "Rep. Lee Seong-kweun"])
    assert names["retired British Army colonel Graham Pike"] == names["Pike"] == "Graham Pike"
    assert names["its commander-in-chief, Oleksandr Syrskyi"] == "Oleksandr Syrskyi"
    assert names["Lee"] == names["Rep. Lee Seong-kweun"] == "Lee Seong-kweun"


def test_timeline_orders_figures_by_article_date() -> None:
    claims = [claim("late", 300, source="Seoul"), claim("undated", 10, "at_least"),
              claim("early", 100, source="Seoul")]
    keys = source_keys(claims, {})
    dates = {"late": "2025-01-14", "early": "2024-12-19"}
    [group] = build_groups(claims, keys.__getitem__, dates.get)
    assert [claims[i].article for i in group.timeline] == ["early", "late", "undated"]


def test_events_keep_apart_the_tolls_of_different_strikes() -> None:
    claims = [claim("a", 40, source="Seoul"), claim("b", 41, source="Kyiv"),
              claim("c", 300, source="Kyiv")]
    claims[0].event, claims[1].event, claims[2].event = "Odesa strike", "Odesa attack", \
        "Dnipro strike"
    keys = source_keys(claims, {})
    dates = {"a": "2024-03-02", "b": "2024-03-03", "c": "2024-03-02"}
    groups = build_groups(claims, keys.__getitem__, dates.get)
    assert sorted(len(g.claims) for g in groups) == [1, 2]
    odesa = next(g for g in groups if len(g.claims) == 2)
    assert odesa.status == "corroborated"
    assert odesa.event is not None and odesa.event.startswith("Odesa")
    assert "March 2024" in odesa.event


def test_the_same_place_months_apart_is_another_event() -> None:
    claims = [claim("a", 40, source="Seoul"), claim("b", 400, "about", source="Kyiv")]
    claims[0].event = claims[1].event = "Kharkiv strike"
    keys = source_keys(claims, {})
    groups = build_groups(claims, keys.__getitem__,
                          {"a": "2023-01-10", "b": "2024-02-01"}.get)
    assert len(groups) == 2


def test_victims_fold_across_their_names_but_children_stay_apart() -> None:
    people = [claim("a", 50, source="police"), claim("b", 52, source="mayor"),
              claim("c", 5, source="mayor")]
    people[0].subject, people[0].actor = "civilians", "Civilians"
    people[1].subject, people[1].actor = "Palestinians", "Palestine"
    people[2].subject, people[2].actor = "children", "Civilians"
    groups = build_groups(people, source_keys(people, {}).__getitem__, {}.get)
    assert sorted((g.subject, len(g.claims)) for g in groups) == [("children", 1),
                                                                  ("people", 2)]


def test_why_names_figures_sources_and_dates_without_ids() -> None:
    claims = [claim("a", 300, "about", source="city council"),
              claim("b", 600, "about", source="investigators")]
    groups = build_groups(claims, source_keys(claims, {}).__getitem__,
                          {"a": "2022-03-25", "b": "2022-03-27"}.get)
    why = groups[0].why
    assert groups[0].status == "conflicting"
    assert "city council" in why and "investigators" in why and "25 March 2022" in why
    assert "source:" not in why and "article:" not in why


def test_a_government_and_its_officials_are_one_source() -> None:
    from triangulate.reconcile.independence import canonical_source

    one = {canonical_source(s) for s in ("Kyiv", "Ukrainian officials",
                                           "the Ukrainian General Staff",
                                           "Ukraine's president Volodymyr Zelensky")}
    assert len(one) == 1
    assert canonical_source("Seoul") == canonical_source("South Korea's Joint Chiefs of Staff")
    assert canonical_source("a Ukrainian soldier") not in one
    assert canonical_source("Amnesty International") != canonical_source("AP investigation")
    status, _ = judge([claim("a", 300, source="Kyiv"),
                       claim("b", 310, source="Ukrainian President Volodymyr Zelensky")])
    assert status == "single_source"


def test_a_compatible_why_names_the_smallest_and_largest_figures() -> None:
    claims = [Claim(article="a1", measure="killed", value=12, low=12, high=None,
                    qualifier="at_least", subject="people", source="the port authority"),
              Claim(article="a2", measure="killed", value=31, low=31, high=31,
                    qualifier="exact", subject="people", source="the coastguard")]
    dates = {"a1": "2024-03-02", "a2": "2024-03-04"}
    [group] = build_groups(claims, lambda i: f"source:{claims[i].source}", dates.get)
    assert group.status == "compatible"
    assert "at least 12 (the port authority, 2 March 2024)" in group.why
    assert "31 (the coastguard, 4 March 2024)" in group.why


def test_an_outlets_own_figure_is_named_by_its_outlet() -> None:
    claims = [Claim(article="a1", measure="wounded", value=40, low=40, high=40,
                    qualifier="exact", subject="people")]
    [group] = build_groups(claims, lambda i: "article:a1", lambda _: "2024-03-02",
                           {"a1": "Delta Radio"}.get)
    assert "Delta Radio's own reporting" in group.why
    [unnamed] = build_groups(claims, lambda i: "article:a1", lambda _: "2024-03-02")
    assert "Delta Radio" not in unnamed.why
    assert "the reporting outlet" in unnamed.why


def test_a_grouped_claim_bears_its_groups_event_name() -> None:
    from triangulate.reconcile import crosscheck

    def reading(article: str, event: str, value: float) -> Reading:
        claim = Claim(article=article, measure="killed", value=value, low=value, high=value,
                      qualifier="exact", subject="people", source="the coastguard",
                      event=event)
        return Reading(article=Article(id=article, text="t", outlet=article,
                                       published="2024-05-02"), claims=[claim])

    analysis = crosscheck([reading("a1", "Harbour raid", 12), reading("a2", "Harbour attack", 12),
                           reading("a3", "Harbour raid", 12)])
    [group] = analysis.groups
    assert group.event and all(c.event == group.event for c in analysis.claims)
