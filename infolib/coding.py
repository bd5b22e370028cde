"""Prefix codes: entropy as the length of the shortest code, made concrete.

A prefix code gives every outcome a string of bits, no codeword being the start of another, so
a stream of bits decodes without separators. Huffman's algorithm builds, for a distribution
``q``, a prefix code with the smallest possible expected length under ``q``; that length ``L``
satisfies ``H(q) <= L < H(q) + 1`` bits. Coding data from ``p`` with the code built for ``q``
costs about ``H(p, q)`` bits per outcome: the cross-entropy.

Outcomes are identified by their index ``0 .. n-1`` in the distribution.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v

#: Largest number of blocks (and longest block) :func:`block_distribution` lists.
MAX_BLOCKS = 2**20

__all__ = [
    "PrefixCode",
    "block_distribution",
    "huffman_code",
    "kraft_sum",
    "prefix_code_from_lengths",
    "shannon_code_lengths",
]


@dataclass(frozen=True)
class PrefixCode:
    """A binary prefix code over outcomes ``0 .. n-1``.

    Parameters
    ----------
    codewords : tuple of str
        ``codewords[x]`` is the bit string for outcome ``x``; ``""`` marks an outcome the code
        cannot represent (it had probability 0 when the code was built).

    Examples
    --------
    >>> from infolib.coding import PrefixCode
    >>> code = PrefixCode(("0", "10", "11"))
    >>> code.encode([0, 2, 1])
    '01110'
    >>> code.decode("01110").tolist()
    [0, 2, 1]
    """

    codewords: tuple[str, ...]
    _table: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        given = v.sequence(self.codewords, "codewords", "bit strings such as ('0', '10', '11')")
        codewords = tuple(v.check_bits(w, f"codewords[{x}]") for x, w in enumerate(given))
        object.__setattr__(self, "codewords", codewords)
        words = [w for w in codewords if w]
        if not words:
            raise ValueError("codewords must contain at least one non-empty codeword")
        ordered = sorted(words)
        for a, b in itertools.pairwise(ordered):
            if b.startswith(a):
                raise ValueError(f"not a prefix code: {a!r} is a prefix of {b!r}")
        object.__setattr__(self, "_table", {w: x for x, w in enumerate(self.codewords) if w})

    @property
    def lengths(self) -> np.ndarray:
        """Codeword length of each outcome, in bits (0 for an outcome with no codeword)."""
        return np.array([len(w) for w in self.codewords], dtype=np.int64)

    def expected_length(self, p: ArrayLike) -> float:
        """Average bits per outcome when outcomes are drawn from ``p``.

        ``inf`` if ``p`` can produce an outcome that has no codeword.

        Examples
        --------
        >>> from infolib.coding import huffman_code
        >>> huffman_code([0.5, 0.25, 0.25]).expected_length([0.5, 0.25, 0.25])
        1.5
        """
        a, _, _ = v.distribution(p, "p")
        v.check_ndim(a, "p", 1, "a single distribution")
        v.same_length(a, self.codewords, "p", "codewords")
        lengths = self.lengths
        if np.any((lengths == 0) & (a > 0)):
            return float("inf")
        return float(a @ lengths)

    def encode(self, outcomes: Sequence[int]) -> str:
        """The bit string for a sequence of outcome indices (integers in ``[0, n)``).

        Examples
        --------
        >>> from infolib.coding import PrefixCode
        >>> PrefixCode(("0", "10", "11")).encode([2, 0])
        '110'
        """
        words = self.codewords
        parts = []
        for i, x in enumerate(v.sequence(outcomes, "outcomes", "outcome indices")):
            # Python's indexing would take -1 as the last outcome and True as outcome 1.
            k = v.check_int(x, f"outcomes[{i}]", minimum=0, maximum=len(words) - 1)
            if not words[k]:
                raise ValueError(
                    f"outcome {k} has no codeword (it had probability 0 when the code was "
                    "built): it cannot be encoded, which is why its cost is infinite"
                )
            parts.append(words[k])
        return "".join(parts)

    def decode(self, bits: str) -> np.ndarray:
        """The outcome indices encoded in ``bits``; raises if the bits end mid-codeword."""
        v.check_bits(bits, "bits")
        out: list[int] = []
        current = ""
        table = self._table
        for bit in bits:
            current += bit
            x = table.get(current)
            if x is not None:
                out.append(x)
                current = ""
        if current:
            raise ValueError(f"bits end in the middle of a codeword ({current!r} left over)")
        return np.array(out, dtype=np.int64)


def huffman_code(q: ArrayLike) -> PrefixCode:
    """Huffman's optimal prefix code for the distribution ``q``.

    Parameters
    ----------
    q : array_like
        A distribution over outcomes ``0 .. n-1``. Outcomes with probability 0 get no
        codeword.

    Returns
    -------
    PrefixCode
        A code whose expected length under ``q`` is the smallest of all prefix codes, and
        lies in ``[H(q), H(q) + 1)`` bits when at least two outcomes are possible. Ties are
        broken by outcome index, so the same ``q`` always gives the same code.

    Notes
    -----
    Repeatedly merge the two least probable nodes; each merge adds one bit to the codewords
    of every outcome below the merged nodes. A distribution with a single possible outcome
    gets the one-bit codeword ``"0"``.

    References
    ----------
    .. [1] D. A. Huffman, "A Method for the Construction of Minimum-Redundancy Codes",
       Proceedings of the IRE 40 (1952).
    .. [2] T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed. (2006),
       section 5.6.

    Examples
    --------
    >>> from infolib.coding import huffman_code
    >>> huffman_code([0.5, 0.25, 0.125, 0.125]).codewords
    ('0', '10', '110', '111')
    >>> huffman_code([0.4, 0.3, 0.2, 0.1]).lengths.tolist()
    [1, 2, 3, 3]
    """
    a, _, _ = v.distribution(q, "q")
    v.check_ndim(a, "q", 1, "a single distribution")
    support = [int(x) for x in np.flatnonzero(a > 0)]
    words = [""] * a.size
    if len(support) == 1:
        words[support[0]] = "0"
        return PrefixCode(tuple(words))
    counter = itertools.count()
    # Heap entries: (probability, tie-breaker, outcomes below this node).
    heap = [(float(a[x]), next(counter), [x]) for x in support]
    heapq.heapify(heap)
    while len(heap) > 1:
        p0, _, zeros = heapq.heappop(heap)
        p1, _, ones = heapq.heappop(heap)
        for x in zeros:
            words[x] = "0" + words[x]
        for x in ones:
            words[x] = "1" + words[x]
        heapq.heappush(heap, (p0 + p1, next(counter), zeros + ones))
    # Relabel so that shorter codewords come first in index order (a canonical code):
    # same lengths, easier to read.
    return _canonical(words)


def _canonical(words: list[str]) -> PrefixCode:
    lengths = [len(w) for w in words]
    order = sorted((n, x) for x, n in enumerate(lengths) if n)
    canonical = [""] * len(words)
    value, prev = 0, order[0][0]
    for i, (n, x) in enumerate(order):
        if i:
            value = (value + 1) << (n - prev)
        canonical[x] = format(value, f"0{n}b")
        prev = n
    return PrefixCode(tuple(canonical))


def shannon_code_lengths(p: ArrayLike) -> np.ndarray:
    r"""Codeword lengths :math:`\lceil -\log_2 p(x) \rceil` of a Shannon code.

    They satisfy Kraft's inequality, so a prefix code with these lengths exists, and their
    average lies in ``[H(p), H(p) + 1)``.

    Parameters
    ----------
    p : array_like
        A distribution over outcomes ``0 .. n-1``.

    Returns
    -------
    ndarray of int
        The length, in bits, of each outcome's codeword; 0 for outcomes with ``p(x) = 0``
        (they need no codeword).

    Examples
    --------
    >>> from infolib.coding import shannon_code_lengths
    >>> shannon_code_lengths([0.5, 0.25, 0.25]).tolist()
    [1, 2, 2]
    >>> shannon_code_lengths([0.4, 0.3, 0.2, 0.1]).tolist()
    [2, 2, 3, 4]
    """
    a, _, _ = v.distribution(p, "p")
    lengths = np.zeros(a.shape, dtype=np.int64)
    pos = a > 0
    lengths[pos] = np.ceil(-np.log2(a[pos])).astype(np.int64)
    return lengths


def kraft_sum(lengths: ArrayLike) -> float:
    r"""Kraft sum :math:`\sum_x 2^{-\ell_x}` over the outcomes that have a codeword.

    A prefix code with these lengths exists if and only if the sum is at most 1.

    Parameters
    ----------
    lengths : array_like of int
        Codeword lengths in bits; 0 marks an outcome without a codeword.

    Returns
    -------
    float
        The Kraft sum; exactly 1 for a Huffman code over two or more outcomes.

    Examples
    --------
    >>> from infolib.coding import kraft_sum
    >>> kraft_sum([1, 2, 3, 3])
    1.0
    """
    n = v.integers(lengths, "lengths", minimum=0)
    n = n[n > 0]
    return float(np.sum(np.exp2(-n.astype(np.float64))))


def block_distribution(p: ArrayLike, k: int) -> np.ndarray:
    """Distribution of blocks of ``k`` independent outcomes of ``p``, flattened.

    Block ``(x_1, ..., x_k)`` has index ``x_1 n^(k-1) + ... + x_k`` and probability
    ``p(x_1) ... p(x_k)``; its entropy is ``k H(p)``. Coding blocks instead of single
    outcomes spreads the Huffman code's overhead of under one bit over ``k`` outcomes.

    Parameters
    ----------
    p : array_like
        A single distribution over ``n`` outcomes.
    k : int
        Block length, at least 1; ``n**k`` may not exceed ``2**20`` (``MAX_BLOCKS``),
        nor ``k`` itself.

    Returns
    -------
    ndarray
        The ``n**k`` block probabilities, in the index order above; a new array, also for
        ``k = 1``.

    Examples
    --------
    >>> from infolib.coding import block_distribution
    >>> block_distribution([0.75, 0.25], 2).tolist()
    [0.5625, 0.1875, 0.1875, 0.0625]
    """
    a, _, _ = v.distribution(p, "p")
    v.check_ndim(a, "p", 1, "a single distribution")
    k = v.check_int(k, "k", minimum=1)
    n = a.size
    # Checked before any work: n**k itself is a huge integer for n >= 2 and large k, and
    # the loop below runs k - 1 times even for n = 1.
    if k > MAX_BLOCKS or (n >= 2 and (k > MAX_BLOCKS.bit_length() or n**k > MAX_BLOCKS)):
        if n >= 2:
            raise ValueError(
                f"{n}**{k} blocks is too many to list (at most {MAX_BLOCKS:,}); use a smaller k"
            )
        raise ValueError(
            f"k = {k} is too many outcomes per block to compute (at most {MAX_BLOCKS:,}); "
            "use a smaller k"
        )
    block = a.copy()
    for _ in range(k - 1):
        block = np.outer(block, a).ravel()
    return block


def prefix_code_from_lengths(lengths: ArrayLike) -> PrefixCode:
    r"""A prefix code with the given codeword lengths: the constructive half of Kraft.

    Kraft's inequality :math:`\sum_x 2^{-\ell_x} \le 1` is also sufficient: whenever it holds,
    a prefix code with exactly these lengths exists. This builds one, the canonical code:
    outcomes sorted by length take consecutive binary numbers, each the previous one plus 1,
    padded with zeros to its length. In the picture of code space, each codeword claims the
    next free interval of width :math:`2^{-\ell_x}`, from the left.

    Parameters
    ----------
    lengths : array_like of int
        Codeword lengths in bits, one per outcome, each at least 1.

    Returns
    -------
    PrefixCode
        A prefix code whose codeword for outcome ``x`` has ``lengths[x]`` bits.

    Raises
    ------
    ValueError
        If the lengths break Kraft's inequality, so that no prefix code has them.

    Examples
    --------
    >>> from infolib.coding import prefix_code_from_lengths
    >>> prefix_code_from_lengths([2, 2, 3, 4]).codewords  # a Shannon code: space left over
    ('00', '01', '100', '1010')
    >>> prefix_code_from_lengths([1, 1, 2])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: lengths [1, 1, 2] break Kraft's inequality (their Kraft sum is 1.25, above 1), ...
    """
    n = v.integers(lengths, "lengths", minimum=1)
    v.check_ndim(n, "lengths", 1, "one length per outcome")
    v.check_length(n, "lengths", minimum=1)
    longest = int(n.max())
    # Exactly, in integers: sum 2^-l <= 1  <=>  sum 2^(longest - l) <= 2^longest.
    if sum(1 << (longest - int(length)) for length in n) > 1 << longest:
        raise ValueError(
            f"lengths {n.tolist()} break Kraft's inequality (their Kraft sum is "
            f"{kraft_sum(n):.6g}, above 1), so no prefix code has them"
        )
    return _canonical(["0" * int(length) for length in n])
