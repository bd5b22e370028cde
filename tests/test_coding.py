"""Tests of infolib.coding: Huffman codes, Shannon code lengths, Kraft sums, block coding."""

from __future__ import annotations

import itertools
import math
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolib import entropy
from infolib.coding import (
    PrefixCode,
    block_distribution,
    huffman_code,
    kraft_sum,
    prefix_code_from_lengths,
    shannon_code_lengths,
)


@st.composite
def distributions(draw, min_size=2, max_size=12):
    n = draw(st.integers(min_size, max_size))
    weights = draw(st.lists(st.integers(1, 1000), min_size=n, max_size=n))
    w = np.array(weights, dtype=float)
    return w / w.sum()


def optimal_length_brute_force(p: np.ndarray) -> float:
    """Smallest expected length over all prefix codes, by exhaustive search (tiny n only).

    Independent of infolib: tries every assignment of lengths 1..n-1 that satisfies Kraft's
    inequality (a prefix code with those lengths exists exactly then).
    """
    n = len(p)
    best = math.inf
    for lengths in itertools.product(range(1, n), repeat=n):
        if sum(2.0**-length for length in lengths) <= 1.0:
            best = min(best, float(np.dot(p, lengths)))
    return best


def test_dyadic_code_meets_the_entropy_exactly():
    p = [1 / 2, 1 / 4, 1 / 8, 1 / 8]  # lengths 1, 2, 3, 3 by hand; H = 1.75 bits
    code = huffman_code(p)
    assert code.lengths.tolist() == [1, 2, 3, 3]
    assert code.expected_length(p) == 1.75


def test_non_dyadic_example_by_hand():
    # Merge 0.1+0.2, then 0.3+0.3, then 0.4+0.6: lengths 1, 2, 3, 3; L = 1.9 bits.
    code = huffman_code([0.4, 0.3, 0.2, 0.1])
    assert code.lengths.tolist() == [1, 2, 3, 3]
    assert code.expected_length([0.4, 0.3, 0.2, 0.1]) == pytest.approx(1.9, rel=1e-15)


@pytest.mark.parametrize(
    "p", [[0.4, 0.3, 0.2, 0.1], [0.25, 0.25, 0.2, 0.15, 0.15], [0.6, 0.2, 0.1, 0.05, 0.05]]
)
def test_huffman_is_optimal_on_small_cases(p):
    p = np.array(p)
    assert huffman_code(p).expected_length(p) == pytest.approx(optimal_length_brute_force(p))


@settings(max_examples=150, deadline=None)
@given(distributions())
def test_huffman_length_lies_within_one_bit_of_the_entropy(p):
    code = huffman_code(p)
    length = code.expected_length(p)
    h = entropy(p)
    assert h - 1e-12 <= length < h + 1
    assert kraft_sum(code.lengths) == 1.0  # a full binary tree
    assert length <= float(np.dot(p, shannon_code_lengths(p))) + 1e-12


@settings(max_examples=100, deadline=None)
@given(distributions(), st.integers(0, 2**32 - 1))
def test_encode_then_decode_returns_the_sample(p, seed):
    code = huffman_code(p)
    sample = np.random.default_rng(seed).choice(len(p), size=200, p=p)
    bits = code.encode(sample)
    assert set(bits) <= {"0", "1"}
    assert np.array_equal(code.decode(bits), sample)
    assert len(bits) == int(code.lengths[sample].sum())


@settings(max_examples=100, deadline=None)
@given(distributions())
def test_codewords_are_prefix_free(p):
    words = [w for w in huffman_code(p).codewords if w]
    for a, b in itertools.permutations(words, 2):
        assert not b.startswith(a)


def test_zero_probability_outcomes_get_no_codeword_and_cannot_be_encoded():
    code = huffman_code([0.5, 0.0, 0.5])
    assert code.codewords[1] == ""
    assert code.expected_length([0.5, 0.0, 0.5]) == 1.0
    assert code.expected_length([0.4, 0.2, 0.4]) == math.inf
    with pytest.raises(ValueError, match="outcome 1 has no codeword"):
        code.encode([0, 1])


def test_single_outcome_gets_one_bit():
    code = huffman_code([0.0, 1.0])
    assert code.codewords == ("", "0")


def test_same_distribution_same_code():
    p = [0.2, 0.2, 0.2, 0.2, 0.2]
    assert huffman_code(p) == huffman_code(list(p))


def test_shannon_lengths_by_hand():
    # ceil(-log2 p): 0.4 -> 2, 0.3 -> 2, 0.2 -> 3, 0.1 -> 4
    assert shannon_code_lengths([0.4, 0.3, 0.2, 0.1]).tolist() == [2, 2, 3, 4]
    assert kraft_sum([2, 2, 3, 4]) == 0.25 + 0.25 + 0.125 + 0.0625


def test_block_distribution_entropy_scales_with_k():
    p = np.array([0.9, 0.1])
    for k in (1, 2, 3):
        blocks = block_distribution(p, k)
        assert blocks.sum() == pytest.approx(1.0, abs=1e-15)
        assert entropy(blocks) == pytest.approx(k * entropy(p), rel=1e-13)


def test_block_coding_shrinks_the_overhead_per_outcome():
    p = np.array([0.9, 0.1])
    h = entropy(p)
    overheads = []
    for k in (1, 2, 3, 4):
        blocks = block_distribution(p, k)
        overheads.append(huffman_code(blocks).expected_length(blocks) / k - h)
    assert all(0 <= o < 1 / k for o, k in zip(overheads, (1, 2, 3, 4), strict=True))
    assert overheads[-1] < overheads[0] / 3


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: PrefixCode(("0", "01")), "not a prefix code"),
        (lambda: PrefixCode(("", "")), "at least one"),
        (lambda: PrefixCode(("0", "10")).decode("1"), "middle of a codeword"),
        (lambda: PrefixCode(("0", "1")).encode([2]), r"^outcomes\[0\] must be at most 1, got 2"),
        (lambda: huffman_code([0.5, 0.6]), "q must sum to 1"),
        (lambda: huffman_code([[0.5, 0.5]]), r"^q must be 1-D \(a single distribution\)"),
        (lambda: block_distribution([[0.5, 0.5]], 2), r"^p must be 1-D \(a single distribution\)"),
        (lambda: block_distribution([0.5, 0.5], 0), "k must be at least 1"),
        (lambda: block_distribution([0.5, 0.5], 30), "too many"),
        (lambda: PrefixCode(("0", "1")).encode([-1]), r"^outcomes\[0\] must be at least 0, got -1"),
        (
            lambda: PrefixCode(("0", "1")).decode("012"),
            "^bits must be a string of '0' and '1', got '012'",
        ),
        (
            lambda: PrefixCode(("0", "2")),
            r"^codewords\[1\] must be a string of '0' and '1', got '2'",
        ),
        (
            lambda: kraft_sum([1, -1]),
            "^lengths must contain only integers of at least 0, found -1 at index 1",
        ),
        (
            lambda: PrefixCode(("0", "1")).expected_length([1 / 3] * 3),
            "^p and codewords must have the same length, got 3 and 2",
        ),
    ],
)
def test_bad_input_raises_clearly(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        pytest.param(
            lambda c: c.encode([0.5]),
            TypeError,
            r"^outcomes\[0\] must be an integer, got 0.5",
            id="0.5",
        ),
        pytest.param(lambda c: c.encode([True]), TypeError, "integer, got True", id="True"),
        pytest.param(lambda c: c.encode([1.0]), TypeError, "integer, got 1.0", id="1.0"),
        pytest.param(
            lambda c: c.encode("01"),
            TypeError,
            "^outcomes must be a list, tuple or array of outcome indices, got a string",
            id="string",
        ),
        pytest.param(
            lambda c: c.encode(x for x in [0]),
            TypeError,
            r"got a generator; wrap it in list\(",
            id="gen",
        ),
        pytest.param(
            lambda c: c.encode([-1]),
            ValueError,
            "must be at least 0, got -1",
            id="-1, not the last",
        ),
        pytest.param(
            lambda c: c.encode([0, 3]),
            ValueError,
            r"^outcomes\[1\] must be at most 2, got 3",
            id="3",
        ),
        pytest.param(
            lambda c: c.decode(101),
            TypeError,
            "^bits must be a string of '0' and '1'",
            id="bits int",
        ),
    ],
)
def test_encode_and_decode_refuse_what_python_indexing_would_misread(call, exc, match):
    code = PrefixCode(("0", "10", "11"))
    with pytest.raises(exc, match=match):
        call(code)


def test_encode_accepts_numpy_integers():
    # "0" + "11" + "10", by the table of codewords.
    assert PrefixCode(("0", "10", "11")).encode(np.array([0, 2, 1])) == "01110"


@pytest.mark.parametrize(
    ("codewords", "match"),
    [
        pytest.param(
            ("0", 1), r"^codewords\[1\] must be a string of '0' and '1', got 1", id="an int"
        ),
        pytest.param(
            "01", "^codewords must be a list, tuple or array of bit strings", id="a string"
        ),
        pytest.param(None, "^codewords must be a list, tuple or array of bit strings", id="None"),
    ],
)
def test_prefix_code_refuses_codewords_that_are_not_strings(codewords, match):
    with pytest.raises(TypeError, match=match):
        PrefixCode(codewords)


def test_block_distribution_of_one_is_a_copy():
    p = np.array([0.25, 0.75])
    blocks = block_distribution(p, 1)
    assert not np.shares_memory(blocks, p)
    blocks[0] = 1.0
    assert p[0] == 0.25


@pytest.mark.parametrize(
    ("p", "k"),
    [
        pytest.param([0.5, 0.5], 2**40, id="2**(2**40) blocks: would exhaust memory"),
        pytest.param([1.0], 10**9, id="one block of 1e9 outcomes: would run for minutes"),
        pytest.param([0.5, 0.5], 21, id="2**21 blocks"),
    ],
)
def test_too_many_blocks_is_refused_before_any_work(p, k):
    start = time.perf_counter()
    with pytest.raises(ValueError, match=r"too many"):
        block_distribution(p, k)
    assert time.perf_counter() - start < 1.0


def test_the_largest_allowed_block_distribution():
    # 2**20 blocks of k = 20 fair coin flips, each of probability 2**-20 exactly.
    blocks = block_distribution([0.5, 0.5], 20)
    assert blocks.size == 2**20 and (blocks == 2.0**-20).all()


@pytest.mark.parametrize("lengths", [[1.5], [1.0, 2.0], [True, 2], "12"], ids=repr)
def test_kraft_sum_refuses_lengths_that_are_not_integers(lengths):
    with pytest.raises(TypeError, match=r"^lengths must be"):
        kraft_sum(lengths)


# Kraft's inequality is sufficient: prefix_code_from_lengths builds the code.


def _is_prefix_free(words) -> bool:
    return not any(a != b and b.startswith(a) for a in words for b in words)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=12))
def test_prefix_code_from_lengths_exists_exactly_when_kraft_holds(lengths):
    fits = sum(2.0**-n for n in lengths) <= 1  # exact: powers of two up to 2^-12, few terms
    if fits:
        code = prefix_code_from_lengths(lengths)
        assert [len(w) for w in code.codewords] == lengths
        assert _is_prefix_free(code.codewords)
        assert len(set(code.codewords)) == len(lengths)
    else:
        with pytest.raises(ValueError, match="break Kraft's inequality"):
            prefix_code_from_lengths(lengths)


def test_prefix_code_from_lengths_by_hand():
    # Canonical: shorter first, each codeword the previous plus one, padded to its length.
    assert prefix_code_from_lengths([3, 1, 3, 2]).codewords == ("110", "0", "111", "10")
    assert prefix_code_from_lengths([2, 2, 3, 4]).codewords == ("00", "01", "100", "1010")


@pytest.mark.parametrize(
    ("lengths", "error", "message"),
    [
        (
            [1, 0],
            ValueError,
            "^lengths must contain only integers of at least 1, found 0 at index 1",
        ),
        ([1.0, 2.0], TypeError, "^lengths must be integers, got dtype float64"),
        ([1, True], TypeError, "^lengths must be integers, got booleans"),
        ([], ValueError, "^lengths must not be empty"),
        ([[1, 2], [2, 2]], ValueError, r"^lengths must be 1-D \(one length per outcome\)"),
        ([1, 1, 1], ValueError, r"Kraft sum is 1\.5, above 1"),
    ],
)
def test_prefix_code_from_lengths_refuses_bad_lengths(lengths, error, message):
    with pytest.raises(error, match=message):
        prefix_code_from_lengths(lengths)
