"""Benchmark the quote finder on a folder of articles, and optionally textacy's beside it.

    python bench/quotes_bench.py --corpus DIR --gold GOLD.json [--textacy] [--out OUT.json]

Each ``.txt`` file in DIR is one article: optional front matter between ``---`` lines at the
top, then the headline on the first line, then the body. The script parses the bodies with
the project's pipeline (the English model, the gazetteer ruler and the paragraph breaks),
runs ``triangulate_quotes`` over them, writes the analysis JSON that
``eval/CONTRACT.md`` describes (quotes only: claims, groups and tensions stay empty), and scores
it with ``eval/score.py``. With ``--textacy`` it also runs textacy's
``extract.triples.direct_quotations`` over the same parsed documents (textacy is a benchmark-only
dependency) and prints both scores side by side, with the time each extractor took.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "seeds"
DEFAULT_GOLD = SHARED / "eval" / "dev" / "seeds.gold.json"
MARKS = "\"'“”‘’«»`"


@dataclass
class Article:
    id: str
    path: str
    title: str
    text: str


def read_article(path: Path) -> Article:
    """Split a file into headline and body, skipping front matter between '---' lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].strip() == "---":
        closing = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[closing + 1 :]
    while lines and not lines[0].strip():
        lines = lines[1:]
    title = lines[0].strip() if lines else ""
    body = "\n".join(lines[1:]).strip("\n")
    return Article(path.stem, str(path), title, body)


def load_score(gold_path: Path) -> Callable[..., dict[str, Any]]:
    """``score`` from the eval folder that holds the gold file (``eval/score.py``)."""
    for folder in [gold_path.parent, *gold_path.parents]:
        candidate = folder / "score.py"
        if candidate.exists():
            spec = importlib.util.spec_from_file_location("triangulate_eval_score", candidate)
            if spec is None or spec.loader is None:
                break
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            score: Callable[..., dict[str, Any]] = module.score
            return score
    raise SystemExit(f"no score.py above {gold_path}")


def parser() -> Language:
    """The project's pipeline without its own readers: what they read is spaCy's parse
    with the gazetteer's entities and a sentence start at every line break."""
    from triangulate.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    for name in ("triangulate_quotes", "triangulate_claims", "triangulate_periods",
                 "triangulate_framing"):
        nlp.remove_pipe(name)
    return nlp


def parse(nlp: Language, articles: list[Article]) -> tuple[list[Doc], float]:
    start = time.perf_counter()
    docs = list(nlp.pipe(a.text for a in articles))
    return docs, time.perf_counter() - start


def ours(docs: list[Doc], articles: list[Article], speaker_form: str, join_sentences: bool
         ) -> tuple[list[dict[str, Any]], float]:
    """Our component over documents already parsed: the quote records and the time it took."""
    from triangulate.nlp.quotes import QuoteFinder

    finder = QuoteFinder("name" if speaker_form == "name" else "mention", join_sentences)
    records: list[dict[str, Any]] = []
    elapsed = 0.0
    for doc, article in zip(docs, articles, strict=True):
        start = time.perf_counter()
        finder(doc)
        elapsed += time.perf_counter() - start
        for quote in doc._.quotes:
            records.append({"article": article.id, "kind": quote.kind, "text": quote.text,
                            "speaker": quote.speaker, "via": quote.via, "cue": quote.cue,
                            "role": quote.role, "affiliation": quote.affiliation})
    return records, elapsed


def textacy_quotes(docs: list[Doc], articles: list[Article]
                   ) -> tuple[list[dict[str, Any]], float, int]:
    """textacy 0.13's direct quotations: records, time taken, and articles it failed on."""
    from textacy.extract.triples import direct_quotations

    records: list[dict[str, Any]] = []
    failures = 0
    elapsed = 0.0
    for doc, article in zip(docs, articles, strict=True):
        start = time.perf_counter()
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # textacy raises on unbalanced marks, among others
            failures += 1
            triples = []
        elapsed += time.perf_counter() - start
        for triple in triples:
            records.append({
                "article": article.id, "kind": "direct",
                "text": triple.content.text.strip(MARKS + " ,"),
                "speaker": " ".join(t.text for t in triple.speaker) or None,
                "via": None, "cue": " ".join(t.text for t in triple.cue) or None,
            })
    return records, elapsed, failures


def analysis(articles: list[Article], quotes: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "articles": [{"id": a.id, "path": a.path, "text": a.text, "title": a.title,
                      "language": "en", "outlet": None, "published": None} for a in articles],
        "quotes": quotes, "claims": [], "groups": [], "tensions": [],
    }


def summary(name: str, result: dict[str, Any], seconds: float) -> str:
    q = result["quotes"]
    indirect = q.get("indirect_recall")
    kinds = f"direct R {q['direct_recall']:.2f}" if q.get("direct_recall") is not None else ""
    if indirect is not None:
        kinds += f" indirect R {indirect:.2f}"
    return (f"{name:9} P {q['precision']:.2f} R {q['recall']:.2f} ({kinds}) F1 {q['f1']:.2f}  "
            f"speaker-acc {q['speaker_accuracy']:.2f}  attributed-F1 {q['attributed_f1']:.2f}  "
            f"({q['found']}/{q['required']} found, {q['false_alarms']} false)  {seconds:.2f}s")


def details(result: dict[str, Any]) -> Iterator[str]:
    for key in ("quote_misses", "quote_false_alarms", "wrong_speakers"):
        for item in result.get("detail", {}).get(key, []):
            yield f"  {key}: {item}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, help="where to write our analysis JSON")
    ap.add_argument("--textacy", action="store_true", help="also run textacy's quotations")
    ap.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    ap.add_argument("--speaker-form", choices=("mention", "name"), default="mention",
                    help="write speakers as mentioned (the component's default) or by name")
    ap.add_argument("--join-sentences", action="store_true",
                    help="join two quoted sentences around one cue (PolNeAR's convention)")
    args = ap.parse_args(argv)

    articles = [read_article(p) for p in sorted(args.corpus.glob("*.txt"))]
    if not articles:
        raise SystemExit(f"no .txt articles in {args.corpus}")
    score = load_score(args.gold)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    nlp = parser()
    docs, parse_seconds = parse(nlp, articles)
    words = sum(len(d) for d in docs)
    print(f"{len(articles)} articles, {words} tokens, parse {parse_seconds:.2f}s")

    records, seconds = ours(docs, articles, args.speaker_form, args.join_sentences)
    result = score(gold, analysis(articles, records), args.verbose)
    if args.out:
        args.out.write_text(json.dumps(analysis(articles, records), indent=1,
                                       ensure_ascii=False), encoding="utf-8")
    print(summary("ours", result, seconds)
          + f"  = {100 * seconds / parse_seconds:.1f}% of parse")
    if args.verbose:
        print("\n".join(details(result)))
    if args.textacy:
        t_records, t_seconds, failures = textacy_quotes(docs, articles)
        t_result = score(gold, analysis(articles, t_records), False)
        print(summary("textacy", t_result, t_seconds) + f"  ({failures} articles raised)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
