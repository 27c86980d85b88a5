from __future__ import annotations

import logging
import math
import sys
from collections import Counter
from collections.abc import Iterator

import numpy as np
import pytest

from triangulate.reconcile import semantic
from triangulate.reconcile.tensions import (
    Cue,
    find_tensions,
    polarity,
    read_clause,
    read_statement,
    tokens,
)
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Article, Frame, Reading, Tension


def reading(id_: str, *sentences: str) -> Reading:
    return Reading(article=Article(id=id_, text=" ".join(sentences)), statements=list(sentences))


def pairs(found: list[Tension]) -> list[set[str]]:
    return [{t.a.article, t.b.article} for t in found]


@pytest.fixture
def lexicon(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Word overlap only, whether or not the semantic extra is installed."""
    monkeypatch.setattr(semantic, "installed", lambda: False)
    semantic.model.cache_clear()
    yield
    semantic.model.cache_clear()


@pytest.fixture
def model() -> None:
    if not semantic.available():
        pytest.skip("the semantic extra is not installed (make venv SEMANTIC=1)")


def test_negation_flips_polarity() -> None:
    assert polarity(tokens("The enemy does not surrender.")) > 0
    assert polarity(tokens("They will desert and defect.")) < 0
    assert polarity(tokens("They are not a credible force.")) < 0
    assert polarity(tokens("Not one of them has tried to surrender.")) > 0


def test_negation_ends_with_its_clause() -> None:
    assert polarity(tokens("They were not brave, but they were disciplined.")) == 0


def test_cues_say_what_was_negated() -> None:
    assert read_clause("This enemy does not surrender").assessment == (
        Cue("surrender", 1, True),)
    assert read_clause("This enemy does not surrender").assessment[0].label == "not surrender"


def test_relative_clauses_stand_apart() -> None:
    statement = read_statement("a", "Kang, an officer who defected in 2016, said so.")
    assert [c.text for c in statement.clauses] == ["Kang", "an officer", "defected in 2016",
                                                   "said so"]
    assert [c.text for c in statement.clauses if c.assessment] == ["defected in 2016"]


def test_tensions_pair_opposite_assessments_across_articles(lexicon: None) -> None:
    found = find_tensions([
        reading("a", "Officers called the brigade disciplined and formidable.",
                "The weather was cold."),
        reading("b", "Analysts described the brigade as disorganised and demoralised."),
        reading("c", "The harvest was late this year."),
    ])
    assert pairs(found) == [{"a", "b"}]
    assert found[0].score > 0 and found[0].why.startswith("opposite assessments")


def test_tensions_ignore_the_same_article(lexicon: None) -> None:
    assert find_tensions([reading("a", "They were formidable.", "They were poorly led.")]) == []


def test_limit_and_uses_per_sentence(lexicon: None) -> None:
    readings = [reading("praise", "The brigade was brave and disciplined.",
                        "The second brigade was brave and disciplined too.")]
    readings += [reading(f"doubt{i}", f"Brigade {i} was disorganised and demoralised.")
                 for i in range(4)]
    assert len(find_tensions(readings, Settings(tensions=3))) == 3
    found = find_tensions(readings, Settings(tensions=20))
    uses = Counter(s for t in found for s in (t.a.sentence, t.b.sentence))
    assert len(found) == 2 * DEFAULTS.tension_uses
    assert max(uses.values()) == DEFAULTS.tension_uses
    once = find_tensions(readings, Settings(tensions=20, tension_uses=1))
    assert len(once) == 2 and max(Counter(
        s for t in once for s in (t.a.sentence, t.b.sentence)).values()) == 1


def test_the_same_quality_ranks_first(lexicon: None) -> None:
    found = find_tensions([
        reading("a", "Officers described the brigade as disciplined."),
        reading("b", "Officers described the brigade as likely to desert."),
        reading("c", "Analysts called the brigade disorganised."),
    ])
    assert pairs(found)[0] == {"a", "c"}
    assert "cohesion" in found[0].why


def test_over_against_still_going(lexicon: None) -> None:
    found = find_tensions([
        reading("a", "The last government units have been driven out of the northern district."),
        reading("b", "Government units are still fighting in the northern district."),
        reading("c", "Still, the harvest came in late."),
    ])
    assert pairs(found) == [{"a", "b"}]
    assert found[0].why.startswith("over vs still going")


def test_negation_alone_needs_the_model(lexicon: None) -> None:
    assert find_tensions([
        reading("a", "North Korea has never admitted sending troops to Russia."),
        reading("b", "North Korea has admitted sending troops to Russia."),
    ]) == []


def test_missing_extra_is_said_once(monkeypatch: pytest.MonkeyPatch,
                                    caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setitem(sys.modules, "tokenizers", None)  # as if not installed
    semantic.model.cache_clear()
    with caplog.at_level(logging.WARNING, logger=semantic.__name__):
        assert semantic.embed(["one"]) is None
        assert semantic.embed(["two"]) is None
    semantic.model.cache_clear()
    assert [r.getMessage() for r in caplog.records] == [semantic.HINT]


def test_switched_off_by_the_settings(caplog: pytest.LogCaptureFixture) -> None:
    semantic.model.cache_clear()
    with caplog.at_level(logging.WARNING, logger=semantic.__name__):
        assert not semantic.available(enabled=False)
        assert semantic.embed(["one"], enabled=False) is None
    assert semantic.model.cache_info().currsize == 0  # the model was not even looked for
    assert caplog.records == []  # off on purpose: no hint to install the extra


def test_embeddings_are_unit_vectors_that_rank_paraphrases(model: None) -> None:
    same = ("The commander said the brigade had been wiped out.",
            "The brigade was destroyed, its commander said.")
    other = "Grain exports rose by a third in March."
    found = semantic.embed([*same, other, same[0]])
    assert found is not None and len(found.texts) == 3
    assert found.similarity(same[0], same[0]) == pytest.approx(1.0, abs=1e-4)
    assert found.similarity(*same) > 0.6 > found.similarity(same[0], other)
    assert [(a, b) for a, b, _ in found.close_pairs(0.6)] == [same]


def test_model_pairs_statements_about_the_same_thing(model: None) -> None:
    # Word overlap ties these two pairs (no shared words); the model sees which is about troops.
    found = find_tensions([
        reading("a", "The marines were disciplined under fire."),
        reading("b", "The infantry was disorganised when the shelling began."),
        reading("c", "Traffic in the capital was disorganised after the storm."),
    ])
    assert pairs(found)[0] == {"a", "b"}
    assert "similarity" in found[0].why


def test_model_finds_a_statement_and_its_negation(model: None) -> None:
    found = find_tensions([
        reading("a", "North Korea has never admitted sending troops to Russia."),
        reading("b", "North Korea has admitted sending troops to Russia."),
        reading("c", "The harvest in the south was poor this year."),
    ])
    assert pairs(found) == [{"a", "b"}]
    assert found[0].why.startswith("the same statement, one side negated")


def test_gelu_is_x_times_the_normal_cdf() -> None:
    points = np.linspace(-6, 6, 97, dtype=np.float32)
    exact = [0.5 * x * (1 + math.erf(x / math.sqrt(2))) for x in points.tolist()]
    assert semantic.gelu(points) == pytest.approx(exact, abs=1e-6)


def test_strong_opposite_judgements_pair_without_a_shared_word(lexicon: None) -> None:
    found = find_tensions([
        reading("a", "The marine gunners were skilled, proficient and competent."),
        reading("b", "Those conscript crews looked clumsy, inept and untrained."),
    ])
    assert pairs(found) == [{"a", "b"}]


def test_many_weak_judgements_do_not_crowd_out_the_strong(lexicon: None) -> None:
    weak = [reading(f"w{n}", f"Village patrol {n} was brave.") for n in range(150)]
    weak += [reading(f"v{n}", f"Village patrol {n} was weak.") for n in range(150)]
    strong = [reading("s", "The artillery crews were skilled, disciplined and determined."),
              reading("t", "The tank crews were poorly trained, chaotic and demoralised.")]
    found = find_tensions([*weak, *strong], Settings(tensions=1))
    assert pairs(found) == [{"s", "t"}]


def framed(id_: str, event: str | None, *frames: Frame, outlet: str = "",
           published: str | None = None) -> Reading:
    """An article of one event whose sentences are the frames' sentences."""
    sentences = [f.sentence for f in frames]
    return Reading(article=Article(id=id_, text=" ".join(sentences), outlet=outlet or id_,
                                   published=published),
                   statements=sentences, frames=list(frames), event=event)


def test_blame_against_denial_within_one_event(lexicon: None) -> None:
    found = find_tensions([
        framed("a", "Port strike", Frame("Militia drones hit the port.", "hit", "Houthis",
                                         ("drone",), source="the port authority"),
               published="2030-05-02"),
        framed("b", "Port attack", Frame("The movement denied any attack on the port.",
                                         "attack", "Houthis", negated=True,
                                         source="a spokesman"), published="2030-05-03"),
        framed("c", "Port strike", Frame("Drones hit the port again.", "hit", "Houthis",
                                         ("drone",))),
    ])
    assert found and all(t.kind == "blame" for t in found)
    assert {"a", "b"} in pairs(found) and {"a", "c"} not in pairs(found)
    first = next(t for t in found if {t.a.article, t.b.article} == {"a", "b"})
    assert first.event in {"Port strike", "Port attack"}
    assert {first.a.source, first.b.source} == {"the port authority", "a spokesman"}
    assert {first.a.published, first.b.published} == {"2030-05-02", "2030-05-03"}


def test_no_tension_across_events_or_from_one_source(lexicon: None) -> None:
    hit = Frame("Sudanese jets bombed the bridge.", "bomb", "Sudan", ("air",), source="Mr A")
    denied = Frame("The army did not bomb the bridge.", "bomb", "Sudan", ("air",),
                   negated=True, source="Mr B")
    assert find_tensions([framed("a", "Bridge strike", hit),
                          framed("b", "Dam strike", denied)]) == []
    same = Frame(denied.sentence, "bomb", "Sudan", ("air",), negated=True, source="mr a")
    assert find_tensions([framed("a", "Bridge strike", hit),
                          framed("b", "Bridge strike", same)]) == []
    months_later = [framed("a", "Bridge strike", hit, published="2030-01-01"),
                    framed("b", "Bridge strike", denied, published="2030-09-01")]
    assert find_tensions(months_later) == []


def test_a_means_against_its_denial(lexicon: None) -> None:
    found = find_tensions([
        framed("a", "Depot blast", Frame("A missile destroyed the depot.", "missile",
                                         means=("missile",))),
        framed("b", "Depot blast", Frame("It was not a missile, the engineers said.",
                                         "missile", means=("missile",), negated=True)),
        framed("c", "Depot blast", Frame("Artillery shells fell near the depot.", "shell",
                                         means=("artillery",))),
    ])
    assert pairs(found) == [{"a", "b"}] and found[0].kind == "cause"


def test_only_one_party_could_have_done_it(lexicon: None) -> None:
    only = Frame("Such shells are fired only by rebel units.", "shell", "M23",
                 ("artillery",), exclusive=True)
    other = Frame("Congolese gunners fired the shells.", "fire", "DR Congo", ("artillery",))
    also = Frame("Rwandan gunners fired the shells.", "fire", "Rwanda", ("artillery",))
    found = find_tensions([framed("a", "Camp shelling", only),
                           framed("b", "Camp shelling", other)])
    plain = find_tensions([framed("b", "Camp shelling", other),
                           framed("c", "Camp shelling", also)])
    assert pairs(found) == [{"a", "b"}] and found[0].kind == "blame"
    assert plain == []  # in a battle both sides fire: two doers alone are no contradiction


def test_two_reports_of_one_act_agree(lexicon: None) -> None:
    first = Frame("Syrian jets struck the town.", "strike", "Syria", ("air",))
    second = Frame("The town was struck by Syrian aircraft.", "strike", "Syria", ("air",))
    assert find_tensions([framed("a", "Town strike", first),
                          framed("b", "Town strike", second)]) == []


def test_events_take_turns(lexicon: None) -> None:
    def dispute(event: str, n: int) -> list[Reading]:
        said = Frame(f"Malian troops raided village {n}.", "raid", "Mali")
        denied = Frame(f"Malian troops never raided village {n}.", "raid", "Mali",
                       negated=True)
        return [framed(f"{event}{n}a", event, said), framed(f"{event}{n}b", event, denied)]

    readings = [r for n in range(4) for r in dispute("Gao raid", n)]
    readings += dispute("Mopti raid", 9)
    found = find_tensions(readings, Settings(tensions=2))
    assert {t.event for t in found} == {"Gao raid", "Mopti raid"}


def test_retaken_against_still_holding_ground_within_one_event(lexicon: None) -> None:
    def said(id_: str, sentence: str, event: str = "Harbour battle") -> Reading:
        return Reading(article=Article(id=id_, text=sentence), statements=[sentence],
                       event=event)

    found = find_tensions([
        said("a", "The city has been fully liberated, the governor said."),
        said("b", "Rebel units are still fighting near the northern docks."),
        said("c", "Rebel units are still fighting near the northern docks.", "Valley battle"),
        said("d", "Rescuers are still searching the collapsed flats."),
    ])
    assert pairs(found) == [{"a", "b"}] and found[0].kind == "outcome"


def test_a_faulting_adverb_turns_the_good_word_after_it() -> None:
    assert polarity(tokens("The militia was poorly organised and badly led.")) < 0
    assert polarity(tokens("The crews were poorly trained.")) < 0  # "poorly" on its own
    assert polarity(tokens("They were not poorly organised.")) > 0
    assert polarity(tokens("The unit was well organised.")) > 0
    assert polarity(tokens("")) == 0


def dated(id_: str, published: str, event: str, sentence: str) -> Reading:
    return Reading(article=Article(id=id_, text=sentence, published=published),
                   statements=[sentence], event=event)


def test_a_campaign_pairs_across_months_an_incident_does_not() -> None:
    over = "The last rebel fighters have been driven out of the Delta province."
    goes_on = "Rebel fighters were still fighting in parts of the Delta province."
    campaign = [dated("c1", "2025-01-10", "Delta offensive", over),
                dated("c2", "2025-07-02", "Delta offensive", goes_on)]
    assert {"c1", "c2"} in pairs(find_tensions(campaign))
    incident = [dated("i1", "2025-01-10", "Delta bombing", over),
                dated("i2", "2025-07-02", "Delta bombing", goes_on)]
    assert {"i1", "i2"} not in pairs(find_tensions(incident))
