"""Each word list is written once: no literal list, set, tuple or dict of eight or more
strings stands in two modules of the package, the same or nearly the same (the smaller
mostly inside the larger). A rule that needs fewer words takes a named subset of the one
list (see :mod:`triangulate.lang.en.speech`) instead of a second copy."""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass
from pathlib import Path

import triangulate

PACKAGE = Path(triangulate.__file__).parent
MIN_ENTRIES = 8
NEAR = 0.8  # share of the smaller list's entries that the larger holds too


@dataclass(frozen=True)
class Literal:
    module: str
    line: int
    words: frozenset[str]


def string_entries(node: ast.AST) -> list[str]:
    """The string entries of a literal collection: its elements, or a dict's keys."""
    if isinstance(node, ast.List | ast.Set | ast.Tuple):
        elements: list[ast.expr | None] = list(node.elts)
    elif isinstance(node, ast.Dict):
        elements = list(node.keys)
    else:
        return []
    return [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def literals_of(source: str, module: str) -> list[Literal]:
    found = []
    for node in ast.walk(ast.parse(source)):
        entries = string_entries(node)
        if len(entries) >= MIN_ENTRIES:
            found.append(Literal(module, getattr(node, "lineno", 0), frozenset(entries)))
    return found


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b))


def repeated(literals: list[Literal]) -> list[str]:
    """Each pair of literals in two modules that are the same or nearly the same list."""
    return [f"{a.module}:{a.line} and {b.module}:{b.line} share {overlap(a.words, b.words):.0%}"
            for a, b in itertools.combinations(literals, 2)
            if a.module != b.module and overlap(a.words, b.words) >= NEAR]


def package_literals() -> list[Literal]:
    return [literal for path in sorted(PACKAGE.rglob("*.py"))
            for literal in literals_of(path.read_text(encoding="utf-8"),
                                       str(path.relative_to(PACKAGE)))]


def test_no_word_list_is_written_in_two_modules() -> None:
    assert repeated(package_literals()) == []


def test_the_walk_finds_the_package_word_lists() -> None:
    speech = PACKAGE / "lang" / "en" / "speech.py"
    assert any(lit.module.endswith("speech.py") for lit in package_literals())
    assert literals_of(speech.read_text(encoding="utf-8"), "speech.py")


# the check itself, on modules written for the test
RANKS = ('("private", "corporal", "sergeant", "lieutenant", "captain", "major", "colonel", '
         '"general")')


def two_modules(first: str, second: str) -> list[str]:
    return repeated(literals_of(first, "a.py") + literals_of(second, "b.py"))


def test_a_list_copied_into_another_module_is_caught() -> None:
    assert two_modules(f"RANKS = {RANKS}", f"TITLES = frozenset({{*{RANKS}}})")


def test_a_copy_reordered_as_dict_keys_is_caught() -> None:
    keys = ", ".join(f'"{w}": {i}' for i, w in enumerate(reversed(ast.literal_eval(RANKS))))
    assert two_modules(f"RANKS = {RANKS}", f"ORDER = {{{keys}}}")


def test_a_near_copy_with_two_words_more_is_caught() -> None:
    longer = RANKS[:-1] + ', "admiral", "marshal")'
    assert two_modules(f"RANKS = {RANKS}", f"RANKS = [{longer[1:-1]}]")


def test_lists_that_share_a_few_words_are_not_caught() -> None:
    other = '("general", "major", "minor", "sharp", "flat", "natural", "key", "scale")'
    assert not two_modules(f"RANKS = {RANKS}", f"MUSIC = {other}")


def test_a_short_list_and_one_module_are_not_caught() -> None:
    assert not two_modules('A = ("a", "b", "c")', 'B = ("a", "b", "c")')
    assert not repeated(literals_of(f"X = {RANKS}\nY = {RANKS}", "a.py"))
