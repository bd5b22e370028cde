"""Readouts of the chapter 6 DependenceExplorer against hand-derived values."""

from __future__ import annotations

import math

import pytest

from infolib.readouts.dependence import cell_weights, dependence_readout


def h2(a: float) -> float:
    """The binary entropy in bits, written out (0 log 0 = 0)."""
    return -sum(x * math.log2(x) for x in (a, 1 - a) if x > 0)


def test_independent_fair_coins() -> None:
    r = dependence_readout([2, 2, 2, 2])
    assert r == {
        **{f"p.{i}.{j}": 0.25 for i in range(2) for j in range(2)},
        "px.0": 0.5,
        "px.1": 0.5,
        "py.0": 0.5,
        "py.1": 0.5,
        "h_x": 1.0,
        "h_y": 1.0,
        "h_xy": 2.0,
        "h_y_given_x": 1.0,
        "h_x_given_y": 1.0,
        "mi": 0.0,
        "h_y_at.0": 1.0,
        "h_y_at.1": 1.0,
    }


def test_a_copy_shares_everything() -> None:
    r = dependence_readout([5, 0, 0, 5])
    assert (r["h_xy"], r["h_y_given_x"], r["h_x_given_y"], r["mi"]) == (1.0, 0.0, 0.0, 1.0)
    assert r["h_y_at.0"] == r["h_y_at.1"] == 0.0


def test_the_chapter_example_by_hand() -> None:
    # p = (0.7, 0.1 | 0.1, 0.1): p(x) = p(y) = (0.8, 0.2); row "high" is (7/8, 1/8) given X,
    # row "low" is (1/2, 1/2): H(Y | X = low) = 1 bit, above H(Y) = h2(0.2).
    r = dependence_readout([7, 1, 1, 1])
    assert r["px.0"] == pytest.approx(0.8, rel=1e-15) and r["py.1"] == pytest.approx(0.2, rel=1e-15)
    assert r["h_x"] == pytest.approx(h2(0.2), rel=1e-14)
    assert r["h_y"] == pytest.approx(h2(0.2), rel=1e-14)
    h_xy = -(0.7 * math.log2(0.7) + 3 * 0.1 * math.log2(0.1))
    assert r["h_xy"] == pytest.approx(h_xy, rel=1e-14)
    assert r["h_y_at.0"] == pytest.approx(h2(1 / 8), rel=1e-14)
    assert r["h_y_at.1"] == 1.0 > r["h_y"]
    h_y_x = 0.8 * h2(1 / 8) + 0.2 * 1.0
    assert r["h_y_given_x"] == pytest.approx(h_y_x, rel=1e-14)
    assert r["h_x_given_y"] == pytest.approx(h_y_x, rel=1e-14)  # the table is symmetric
    assert r["mi"] == pytest.approx(h2(0.2) - h_y_x, rel=1e-12)
    assert r["h_y_given_x"] < r["h_y"]  # on average, conditioning reduces entropy


def test_a_row_that_never_happens_has_no_conditional_entropy() -> None:
    r = dependence_readout([1, 3, 0, 0])
    assert r["px.1"] == 0.0 and "h_y_at.1" not in r
    assert r["h_y_at.0"] == pytest.approx(h2(0.25), rel=1e-14)
    assert r["mi"] == 0.0 and r["h_x"] == 0.0


def test_without_a_distribution_nothing_is_shown() -> None:
    assert dependence_readout([0, 0, 0, 0]) == {}


@pytest.mark.parametrize(
    ("weights", "error", "words"),
    [
        ([1, 2, 3], ValueError, "weights must have 4 entries, got 3"),
        ([1, 2, 3, 2.2], ValueError, "weights[3] must be a multiple of 0.5 in [0, 10]"),
        ([1, 2, 3, 10.5], ValueError, "got 10.5"),
        ([1, 2, 3, float("nan")], ValueError, "weights[3] must be a finite number, got nan"),
        ([1, 2, 3, True], TypeError, "weights[3] must be a real number, got True"),
        ("1234", TypeError, "weights must be a list, tuple or array of numbers, got a string"),
    ],
)
def test_bad_weights_are_refused(weights, error, words) -> None:
    for fn in (dependence_readout, cell_weights):
        with pytest.raises(error) as info:
            fn(weights)
        assert words in str(info.value)
