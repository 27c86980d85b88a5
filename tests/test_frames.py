"""Statement frames read from the parse, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from triangulate.nlp.frames import frames_of
from triangulate.types import Frame, Quote


def frames(nlp: Language, text: str, quotes: list[Quote] | None = None) -> list[Frame]:
    return frames_of(nlp(text).sents, quotes or [])


def by_agent(found: list[Frame]) -> dict[str | None, Frame]:
    return {f.agent: f for f in found}


@pytest.mark.parametrize(("text", "agent"), [
    ("An Iranian drone hit the tanker near the strait.", "Iran"),
    ("The market was shelled by Sudanese artillery on Monday.", "Sudan"),
    ("Officials accused Hezbollah of firing the rockets.", "Hezbollah"),
    ("Rwanda attributed the massacre to Congolese troops.", "DR Congo"),
])
def test_the_doer_of_an_affirmed_act(nlp: Language, text: str, agent: str) -> None:
    found = by_agent(frames(nlp, text))
    assert agent in found and not found[agent].negated


@pytest.mark.parametrize(("text", "agent"), [
    ("The Sudanese army denied carrying out the air strike on the market.", "Sudan"),
    ("Rwandan troops did not fire on the camp, the ministry said.", "Rwanda"),
    ("Ethiopian forces had no fire missions in the valley that week.", "Ethiopia"),
    ("Iranian officials denied that their forces had attacked the ship.", "Iran"),
])
def test_the_doer_of_a_denied_act(nlp: Language, text: str, agent: str) -> None:
    found = by_agent(frames(nlp, text))
    assert agent in found and found[agent].negated


def test_a_question_is_no_frame(nlp: Language) -> None:
    assert frames(nlp, "Investigators are checking whether an Iranian drone hit the tanker.") == []


def test_a_denial_does_not_reach_the_next_coordinated_clause(nlp: Language) -> None:
    found = by_agent(frames(nlp, "Moscow denied the strike and said the missile was used "
                                 "only by Ukrainian forces."))
    assert found["Russia"].negated
    assert not found["Ukraine"].negated and found["Ukraine"].exclusive


def test_a_denied_weapon_and_a_hedge(nlp: Language) -> None:
    denied = frames(nlp, "It was certainly not an artillery shell, the engineer said.")
    assert any(f.negated and "artillery" in f.means for f in denied)
    hedged = frames(nlp, "Yemeni rebels probably launched the missile.")
    assert any(f.agent == "Yemen" and f.hedged and "missile" in f.means for f in hedged)


def test_the_source_is_the_speaker_of_the_quote(nlp: Language) -> None:
    text = "Chadian jets bombed the convoy, the governor said."
    quote = Quote(article="x", kind="indirect", text=text[:28], speaker="the governor",
                  start=0, end=28)
    assert {f.source for f in frames(nlp, text, [quote])} == {"the governor"}


def test_frames_and_tension_details_survive_the_store(db_url: str) -> None:
    from triangulate.store import Store
    from triangulate.types import Article, Reading, Tension, TensionSide

    frame = Frame("Chadian jets bombed the convoy.", "bomb", "Chad", ("air",), hedged=True)
    reading = Reading(article=Article(id="x", text=frame.sentence), frames=[frame],
                      event="Convoy strike")
    tension = Tension(a=TensionSide("x", frame.sentence, "the governor", "Outlet A",
                                    "2030-01-02"),
                      b=TensionSide("y", "No jets flew.", None, "Outlet B", None),
                      score=3.5, why="why", kind="blame", event="Convoy strike")
    store = Store(db_url)
    try:
        store.save_reading(reading, "test")
        store.save_crosscheck([], [tension])
        loaded = store.load_readings(["x"])[0]
        assert loaded.frames == [frame] and loaded.event == "Convoy strike"
        assert store.load_crosscheck()[1] == [tension]
    finally:
        store.close()


def test_verdict_verbs_come_in_all_their_regular_forms() -> None:
    from triangulate.lang.en.assessment import VERDICT_FORMS, inflections

    assert inflections("dismiss") == {"dismiss", "dismisses", "dismissed", "dismissing"}
    assert {"described", "considers", "regarding"} <= VERDICT_FORMS
    assert "said" not in VERDICT_FORMS


def test_one_partys_act_in_one_sentence_is_one_frame_with_all_its_means(nlp: Language) -> None:
    found = frames(nlp, "The blast was caused by an RSF drone, the army said.")
    assert [(f.agent, f.means) for f in found] == [("Rapid Support Forces", ("drone",))]


def test_a_weapon_seen_or_feared_is_no_statement_of_harm(nlp: Language) -> None:
    assert frames(nlp, "Many recruits had never seen a Chadian drone before.") == []
    assert frames(nlp, "Villagers fear Chadian drones.") == []
    assert frames(nlp, "It was not a Chadian drone.") != []


def test_analyze_keeps_as_many_tensions_as_asked(tmp_path: Path, db_url: str) -> None:
    import json

    from typer.testing import CliRunner

    from triangulate.cli import app

    folder = tmp_path / "corpus"
    folder.mkdir()
    told = {"a": ("Chadian jets bombed the market in Abeche on Monday, the governor said.",
                  "Chadian fighters were routed from Abeche, officials said."),
            "b": ("The Chadian army denied that its jets bombed the market in Abeche.",
                  "Chadian fighters still hold the eastern quarter of Abeche, residents said.")}
    for name, sentences in told.items():
        (folder / f"{name}.txt").write_text("Strike on Abeche market\n\n" + " ".join(sentences))
    counts = []
    for asked in ("1", "5"):
        out = tmp_path / f"{asked}.json"
        result = CliRunner().invoke(app, ["analyze", str(folder), "--db", db_url, "--json",
                                          str(out), "-q", "--tensions", asked])
        assert result.exit_code == 0, result.output
        tensions = json.loads(out.read_text())["tensions"]
        assert all(t["kind"] and t["event"] for t in tensions)
        counts.append(len(tensions))
    assert counts[0] == 1 and counts[1] > 1
