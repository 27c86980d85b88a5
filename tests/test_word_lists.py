"""Each word list is written once, in the folder of its language: no literal list, set,
tuple or dict of eight or more strings stands in two modules of the package, the same or
nearly the same (the smaller mostly inside the larger), and none of eight or more words is
bound at module level outside ``triangulate/lang``. A rule that needs fewer words takes a
named subset of the one list (see :mod:`triangulate.lang.en.speech`) instead of a second
copy; a rule that needs a language's words reads them from ``triangulate.lang``."""

from __future__ import annotations

import ast
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.glossary import GLOSSARY

import triangulate

PACKAGE = Path(triangulate.__file__).parent
LANG = PACKAGE / "lang"
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


# collections of words outside triangulate/lang that are no knowledge of a language, and why
NOT_LANGUAGE: dict[tuple[str, str], str] = {
    ("ingest/dates.py", "LANGUAGES"): "ISO 639-1 codes of the languages dates are read in",
    ("ingest/feeds.py", "_BLOCKS"): "names of HTML elements that end a block of text",
    ("settings.py", "READING_FIELDS"): "names of the Settings fields that change a reading",
}
_WORD = re.compile(r"[^\W\d_][\w'’. -]*")  # a string that begins with a letter


def is_literal_type(node: ast.AST) -> bool:
    """``Literal["a", "b"]``: the values of a type, named in the contract, not words."""
    return isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name | ast.Attribute) \
        and (node.value.id if isinstance(node.value, ast.Name) else node.value.attr) == "Literal"


def literals_in(node: ast.AST) -> list[list[str]]:
    """The string entries of each literal collection in an expression, outside types."""
    if is_literal_type(node):
        return []
    entries = [string_entries(node)] if string_entries(node) else []
    return entries + [e for child in ast.iter_child_nodes(node) for e in literals_in(child)]


def is_word_list(entries: list[str]) -> bool:
    """Eight or more words that are not all the parser's labels (dependencies, entities)."""
    words = [entry for entry in entries if _WORD.fullmatch(entry)]
    return len(words) >= MIN_ENTRIES and not all(word in GLOSSARY for word in words)


def bindings(source: str) -> list[tuple[str, ast.expr]]:
    """Each name a module binds at its top level, with the expression bound to it."""
    found = []
    for statement in ast.parse(source).body:
        if isinstance(statement, ast.Assign):
            found += [(t.id, statement.value) for t in statement.targets
                      if isinstance(t, ast.Name)]
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None \
                and isinstance(statement.target, ast.Name):
            found.append((statement.target.id, statement.value))
    return found


def module_word_lists(source: str, module: str) -> list[str]:
    """Each name bound at module level to a literal collection of words, as module:name."""
    return [f"{module}:{name}" for name, value in bindings(source)
            if name != "__all__" and (module, name) not in NOT_LANGUAGE
            and any(is_word_list(entries) for entries in literals_in(value))]


def outside_lang() -> list[tuple[str, str]]:
    return [(str(path.relative_to(PACKAGE)), path.read_text(encoding="utf-8"))
            for path in sorted(PACKAGE.rglob("*.py")) if LANG not in path.parents]


def test_no_word_list_is_bound_outside_the_language_folders() -> None:
    assert [found for module, source in outside_lang()
            for found in module_word_lists(source, module)] == []


def test_each_exemption_names_a_collection_that_is_there() -> None:
    bound = {(module, name) for module, source in outside_lang()
             for name, _ in bindings(source)}
    assert set(NOT_LANGUAGE) <= bound


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


# the check for word lists outside the language folders, on modules written for the test
def test_a_word_list_in_a_rule_module_is_caught() -> None:
    assert module_word_lists(f"RANKS = frozenset({{*{RANKS}}})", "nlp/a.py") == ["nlp/a.py:RANKS"]


def test_words_as_the_keys_of_a_mapping_or_inside_a_union_are_caught() -> None:
    keys = ", ".join(f'"{w}": {i}' for i, w in enumerate(ast.literal_eval(RANKS)))
    assert module_word_lists(f"ORDER: dict[str, int] = {{{keys}}}", "a.py") == ["a.py:ORDER"]
    assert module_word_lists(f"ALL = OTHER | frozenset({RANKS})", "a.py") == ["a.py:ALL"]


def test_labels_of_the_parser_types_and_short_lists_are_not_word_lists() -> None:
    deps = '("nsubj", "dobj", "amod", "advcl", "xcomp", "ccomp", "conj", "relcl")'
    kinds = 'Rank = Literal["private", "corporal", "sergeant", "lieutenant", "captain", ' \
        '"major", "colonel", "general"]'
    assert module_word_lists(f"DEPS = {deps}", "a.py") == []
    assert module_word_lists(kinds, "a.py") == []
    assert module_word_lists('FEW = ("a", "b", "c")', "a.py") == []
    assert module_word_lists('MARKS = (",", ";", ":", ".", "!", "?", "(", ")", "-")', "a.py") == []

