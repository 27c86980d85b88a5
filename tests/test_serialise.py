"""The serialisation's own conversion of records to plain data: what ``dataclasses.asdict``
gives, without copying every leaf."""

from __future__ import annotations

from dataclasses import asdict

from triangulate.serialise import plain
from triangulate.types import (
    Article,
    Claim,
    Framing,
    FramingSpan,
    Reading,
    Tension,
    TensionSide,
)


def nested_records() -> list[Reading | Tension]:
    article = Article(id="a1", text="Shelling killed 12 people.", outlet="Harbour Daily",
                      notes=["cut"])
    claim = Claim(article="a1", measure="killed", value=12.0, low=12.0, high=12.0,
                  qualifier="exact", subject="people", text="killed 12 people")
    framing = Framing(loaded=[FramingSpan(text="butchers", start=3, end=11, kind="pejorative")])
    side = TensionSide(article="a1", sentence="The bridge held.")
    return [Reading(article=article, claims=[claim], framing=framing, statements=["x"]),
            Tension(a=side, b=TensionSide(article="a2", sentence="The bridge fell."),
                    score=2.5, why="held against fell")]


def test_plain_gives_what_asdict_gives() -> None:
    for record in nested_records():
        assert plain(record) == asdict(record)
    assert plain((1, [2, 3])) == (1, [2, 3])
    assert plain({"k": [nested_records()[0]]})["k"][0]["article"]["id"] == "a1"


def test_plain_makes_new_containers() -> None:
    reading = nested_records()[0]
    assert isinstance(reading, Reading)
    converted = plain(reading)
    converted["statements"].append("y")
    converted["article"]["notes"].append("more")
    assert reading.statements == ["x"]
    assert reading.article.notes == ["cut"]
