"""The bundle's first checks (nesting depth, broken text) against plain recursive
definitions, on generated values: their fast paths must refuse exactly what the plain
walks refuse, and name the same place."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tillitsvalgt.services.transfer import _MAX_DEPTH, _broken_text, _depth

# Texts with a lone surrogate now and then, keys among them; values as a JSON file or a
# spreadsheet gives them (dates too), and keys JSON would not write.
_TEXT = st.one_of(
    st.text(max_size=6),
    st.text(alphabet=st.sampled_from(["a", "ø", "\ud800", "\udfff", "x"]), max_size=4),
)
_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(min_value=date(2000, 1, 1)),
    _TEXT,
)
_KEY = st.one_of(_TEXT, st.integers(-3, 3))
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEY, inner, max_size=4)),
    max_leaves=25,
)


def _plain_depth(value: Any) -> int:
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return max((1 + _plain_depth(v) for v in value), default=0)
    return 0


def _broken(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def _plain_broken(value: Any, path: str = "") -> str | None:
    """The first key or text with a lone surrogate, depth first and in order; a dict's
    keys are looked at before its values."""
    if isinstance(value, str):
        return (path or "tekst") if _broken(value) else None
    if isinstance(value, dict):
        if any(_broken(str(k)) for k in value):
            return path or "feltnavn"
        for k, v in value.items():
            found = _plain_broken(v, f"{path} › {k}" if path else str(k))
            if found is not None:
                return found
    if isinstance(value, list):
        for i, v in enumerate(value):
            found = _plain_broken(v, f"{path} › nr. {i + 1}" if path else f"nr. {i + 1}")
            if found is not None:
                return found
    return None


@settings(max_examples=400, deadline=None)
@given(_VALUE)
def test_the_depth_is_the_plain_depth(value: Any) -> None:
    assert _depth(value) == _plain_depth(value)


@settings(max_examples=400, deadline=None)
@given(_VALUE)
def test_broken_text_is_found_where_the_plain_walk_finds_it(value: Any) -> None:
    assert _broken_text(value) == _plain_broken(value)


def test_depth_stops_counting_past_the_limit_on_a_very_deep_value() -> None:
    deep: Any = "x"
    for _ in range(100_000):  # far deeper than recursion could walk
        deep = [deep]
    assert _MAX_DEPTH < _depth(deep) <= _MAX_DEPTH + 1
    assert _depth([[[]], [1, [2, [3]]]]) == 4  # the 3 is four levels down


def test_a_key_json_cannot_write_still_gets_the_walk() -> None:
    # A tuple key makes the JSON encoder give up: the walk must still find the text.
    assert _broken_text({(1, 2): {"tittel": "a\ud800"}}) == "(1, 2) › tittel"
    assert _broken_text({(1, 2): "fint"}) is None
