r"""Estimating entropy, KL and cross-entropy from samples (chapter 9).

A sample of ``n`` outcomes gives counts; dividing by ``n`` gives the empirical distribution
:math:`\hat p`. The *plug-in* estimate puts :math:`\hat p` where the formula wants ``p``.
For entropy it is biased low (:math:`E[H(\hat p)] \le H(p)`, by Jensen's inequality, since
``H`` is concave), and :func:`miller_madow_entropy` adds the first-order correction
:math:`(\hat m - 1) / (2n)` nats. For KL from two samples the plug-in estimate is infinite as
soon as a bin is empty in the second sample but not in the first; :func:`plugin_kl` takes an
explicit ``pseudocount``, which changes the models compared.

Counts are integer arrays, one outcome per entry along the last axis (a 2-D array is a batch
of samples, one per row). Results are float64.

The bias and its correction: G. A. Miller, "Note on the bias of information estimates", in
H. Quastler (ed.), *Information Theory in Psychology*, Free Press (1955), 95-100; L. Paninski,
"Estimation of entropy and mutual information", *Neural Computation* 15 (2003), 1191-1253.
"""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v

__all__ = [
    "bigram_cross_entropy",
    "counts_from_samples",
    "exact_expected_plugin_entropy",
    "letters_and_spaces",
    "miller_madow_entropy",
    "plugin_entropy",
    "plugin_kl",
]

#: The 27 symbols of :func:`letters_and_spaces`: a space, then ``a`` to ``z``.
ALPHABET = " abcdefghijklmnopqrstuvwxyz"


#: Smallest positive pseudo-count plugin_kl accepts: far below any count, yet no term underflows.
_SMALLEST_PSEUDOCOUNT = 1e-300


def _counts(x: ArrayLike, name: str) -> np.ndarray:
    """Validate counts: integers >= 0, 1-D or 2-D, each sample (row) with a positive total."""
    if isinstance(x, (list, tuple, np.ndarray)) and np.size(x) == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array of counts, got an empty one")
    a = v.integers(x, name, minimum=0)
    if a.ndim not in (1, 2) or a.shape[-1] == 0:
        raise ValueError(
            f"{name} must be a non-empty 1-D array of counts (or a 2-D batch, one per row), "
            f"got shape {a.shape}"
        )
    # Totals are taken in float64 (exact up to 2**53, within an ulp beyond): an int64 sum
    # could wrap round silently, and counts beyond int64 cannot be held at all.
    if a.dtype == np.uint64 and a.size and int(a.max()) > np.iinfo(np.int64).max:
        raise ValueError(f"{name} must be counts below 2**63, found {int(a.max())}")
    if (a.sum(axis=-1, dtype=np.float64) == 0).any():
        raise ValueError(f"{name} must have a positive total (at least one sample), got all zeros")
    return a.astype(np.int64)


def _plugin_nats(c: np.ndarray) -> np.ndarray:
    n = c.sum(axis=-1, keepdims=True, dtype=np.float64)
    p = c / n
    logs = np.log(p, out=np.zeros_like(p), where=c > 0)
    return -np.sum(p * logs, axis=-1) + 0.0


def counts_from_samples(samples: ArrayLike, n_outcomes: int) -> np.ndarray:
    """Count how often each outcome ``0, ..., n_outcomes - 1`` occurs in ``samples``.

    Parameters
    ----------
    samples : array_like of int
        Outcomes coded as integers in ``[0, n_outcomes)``; a 2-D array is a batch, one sample
        per row.
    n_outcomes : int
        The number of possible outcomes ``m`` (the length of each count vector).

    Returns
    -------
    ndarray of int64
        The counts, shape ``(n_outcomes,)`` or ``(rows, n_outcomes)``.

    Examples
    --------
    >>> from infolib import counts_from_samples
    >>> counts_from_samples([0, 2, 2, 1, 2], 4)
    array([1, 1, 3, 0])
    """
    m = v.check_int(n_outcomes, "n_outcomes", minimum=1)
    s = v.integers(samples, "samples", minimum=0)
    if s.ndim not in (1, 2):
        raise ValueError(f"samples must be 1-D (or 2-D, one sample per row), got shape {s.shape}")
    if s.size and s.max() >= m:
        raise ValueError(f"samples must be outcomes below n_outcomes={m}, found {s.max()}")
    if s.ndim == 1:
        return np.bincount(s, minlength=m).astype(np.int64)
    rows = np.arange(s.shape[0])[:, None]
    out = np.zeros((s.shape[0], m), dtype=np.int64)
    np.add.at(out, (np.broadcast_to(rows, s.shape), s), 1)
    return out


def plugin_entropy(counts: ArrayLike, *, base: float = 2) -> float | np.ndarray:
    r"""The plug-in (maximum-likelihood) entropy estimate :math:`H(\hat p)` from counts.

    Parameters
    ----------
    counts : array_like of int
        How often each outcome was seen (1-D), or a batch of count vectors (2-D, one per row).
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float or ndarray
        :math:`-\sum_x \hat p(x) \log \hat p(x)` with :math:`\hat p = \text{counts} / n`;
        in ``[0, log(m)]``. On average it is *below* the true entropy (see the module notes).

    Examples
    --------
    >>> from infolib import plugin_entropy
    >>> plugin_entropy([5, 5])
    1.0
    >>> plugin_entropy([3, 0, 1, 0])
    0.8112781244591328
    >>> plugin_entropy([[2, 2], [4, 0]])
    array([1., 0.])
    """
    ln_b = v.check_base(base)
    c = _counts(counts, "counts")
    return v.scalar_or_array(_plugin_nats(c) / ln_b)


def miller_madow_entropy(counts: ArrayLike, *, base: float = 2) -> float | np.ndarray:
    r"""The Miller-Madow estimate: plug-in plus :math:`(\hat m - 1) / (2n)` nats.

    :math:`\hat m` is the number of outcomes seen (non-zero counts) and ``n`` the sample size.
    The correction removes the first-order term of the plug-in bias,
    :math:`-(m - 1) / (2n)` nats for ``m`` outcomes of positive probability; it cannot
    account for outcomes that were never seen, so it stays biased low when ``n`` is small
    against ``m``.

    Parameters
    ----------
    counts : array_like of int
        How often each outcome was seen (1-D), or a batch (2-D, one sample per row).
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float or ndarray
        The corrected estimate, never below :func:`plugin_entropy` (it can exceed ``log m``).

    References
    ----------
    .. [1] L. Paninski, "Estimation of entropy and mutual information", *Neural Computation*
       15 (2003), 1191-1253, section 3.

    Examples
    --------
    >>> import math
    >>> from infolib import miller_madow_entropy
    >>> round(miller_madow_entropy([5, 5], base=np.e) - math.log(2), 12)  # (2 - 1) / (2 * 10)
    0.05
    """
    ln_b = v.check_base(base)
    c = _counts(counts, "counts")
    n = c.sum(axis=-1, dtype=np.float64)
    seen = (c > 0).sum(axis=-1)
    return v.scalar_or_array((_plugin_nats(c) + (seen - 1) / (2.0 * n)) / ln_b)


def _compositions(n: int, m: int):
    """Every vector of ``m`` non-negative integers summing to ``n`` (stars and bars)."""
    for bars in combinations(range(n + m - 1), m - 1):
        edges = (-1, *bars, n + m - 1)
        yield [edges[i + 1] - edges[i] - 1 for i in range(m)]


def exact_expected_plugin_entropy(p: ArrayLike, n: int, *, base: float = 2) -> float:
    r"""The exact mean :math:`E[H(\hat p)]` of the plug-in estimate over all samples of size n.

    Sums :math:`H(c / n)` times the multinomial probability of the counts ``c`` over every
    count vector ``c`` with total ``n``: exact, but only for small ``n`` and ``m`` (there are
    :math:`\binom{n + m - 1}{m - 1}` of them; at most 10**6 are allowed).

    Parameters
    ----------
    p : array_like
        The true distribution of ``m`` outcomes.
    n : int
        The sample size, at least 1.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float
        :math:`E[H(\hat p)]`, at most :math:`H(p)` (Jensen's inequality).

    Examples
    --------
    >>> from infolib import exact_expected_plugin_entropy
    >>> round(exact_expected_plugin_entropy([0.5, 0.5], 2), 12)  # half the time 1 bit, else 0
    0.5
    """
    ln_b = v.check_base(base)
    a, _, _ = v.distribution(p, "p")
    if a.ndim != 1:
        raise ValueError(f"p must be one distribution (1-D), got shape {a.shape}")
    n = v.check_int(n, "n", minimum=1)
    # p passed the sum check within rounding; renormalise so that the error does not grow
    # with n (the result must stay at most H(p)).
    a = a / math.fsum(a.tolist())
    m = a.size
    if math.comb(n + m - 1, m - 1) > 10**6:
        raise ValueError(
            f"n={n} with {m} outcomes gives {math.comb(n + m - 1, m - 1)} count vectors; "
            "at most 10**6 are enumerated"
        )
    logs = [math.log(x) if x > 0 else -math.inf for x in a.tolist()]
    log_n_fact = math.lgamma(n + 1)
    terms = []
    for c in _compositions(n, m):
        if any(k > 0 and logs[i] == -math.inf for i, k in enumerate(c)):
            continue  # impossible counts
        log_prob = log_n_fact + sum(
            k * logs[i] - math.lgamma(k + 1) for i, k in enumerate(c) if k > 0
        )
        h = -math.fsum(k / n * math.log(k / n) for k in c if k > 0)
        terms.append(math.exp(log_prob) * h)
    return math.fsum(terms) / ln_b + 0.0


def plugin_kl(
    p_counts: ArrayLike, q_counts: ArrayLike, *, pseudocount: float = 0.0, base: float = 2
) -> float:
    r"""The plug-in KL divergence :math:`D(\hat p \| \hat q)` between two histograms.

    With ``pseudocount`` :math:`a > 0`, both histograms get :math:`a` added to every bin
    before normalising: the result is then the divergence between two *smoothed* models,
    :math:`\hat p_a(x) = (c_p(x) + a) / (n_p + a m)` and likewise :math:`\hat q_a`, a
    different quantity that depends on :math:`a`. It is a modelling choice to report, not
    a correction.

    Parameters
    ----------
    p_counts, q_counts : array_like of int
        Counts of the same ``m`` bins in the two samples.
    pseudocount : float, optional
        The count added to every bin of both histograms, >= 0. Default 0: the plain plug-in.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float
        The divergence; ``inf`` when some bin is empty in ``q`` but not in ``p`` (only
        possible with ``pseudocount=0``).

    Examples
    --------
    >>> from infolib import plugin_kl
    >>> round(plugin_kl([3, 1], [2, 2]), 12)
    0.188721875541
    >>> plugin_kl([3, 1], [4, 0])
    inf
    >>> round(plugin_kl([3, 1], [4, 0], pseudocount=1), 4)
    0.1187
    """
    ln_b = v.check_base(base)
    cp = _counts(p_counts, "p_counts")
    cq = _counts(q_counts, "q_counts")
    if cp.ndim != 1 or cq.ndim != 1:
        raise ValueError("p_counts and q_counts must be 1-D count vectors")
    v.same_shape(cp, cq, "p_counts", "q_counts")
    a = v.check_real(pseudocount, "pseudocount", minimum=0.0)
    if 0.0 < a < _SMALLEST_PSEUDOCOUNT:
        raise ValueError(
            f"pseudocount must be 0 or at least {_SMALLEST_PSEUDOCOUNT:g} (a smaller one "
            f"underflows against the counts), got {pseudocount!r}"
        )
    m = cp.size
    p = (cp + a) / (cp.sum(dtype=np.float64) + a * m)
    q = (cq + a) / (cq.sum(dtype=np.float64) + a * m)
    if ((q == 0) & (p > 0)).any():
        return math.inf
    keep = p > 0
    return math.fsum((p[keep] * np.log(p[keep] / q[keep])).tolist()) / ln_b + 0.0


def letters_and_spaces(text: str) -> np.ndarray:
    """Code a text as symbols 0-26: lower-case letters ``a``-``z`` (1-26), all else a space (0).

    Runs of non-letters (spaces, punctuation, digits, line breaks) become one space, and the
    text is stripped of leading and trailing spaces: a 27-symbol alphabet, ``ALPHABET``.

    Parameters
    ----------
    text : str
        Any text; letters outside ``a``-``z`` after lower-casing (accented ones) count as
        non-letters.

    Returns
    -------
    ndarray of int64
        One code per character of the cleaned text.

    Examples
    --------
    >>> from infolib import letters_and_spaces
    >>> letters_and_spaces("Oh dear!\\nOh")
    array([15,  8,  0,  4,  5,  1, 18,  0, 15,  8])
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    raw = np.frombuffer(text.lower().encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    codes = np.where((raw >= ord("a")) & (raw <= ord("z")), raw - ord("a") + 1, 0)
    letter = codes > 0
    # keep letters, and a space only where a letter precedes it
    keep = letter | np.concatenate(([False], letter[:-1]))
    codes = codes[keep]
    if codes.size and codes[-1] == 0:
        codes = codes[:-1]
    return codes


def bigram_cross_entropy(
    train: ArrayLike,
    test: ArrayLike,
    n_symbols: int,
    *,
    pseudocount: float,
    base: float = 2,
) -> float:
    r"""Cross-entropy per symbol of a bigram model fitted on ``train``, on ``test``.

    The model predicts each symbol from the one before it:
    :math:`q(b \mid a) = (c(a, b) + \alpha) / (c(a) + \alpha m)`, counts of consecutive pairs
    in ``train`` with ``pseudocount`` :math:`\alpha` added to each of the :math:`m^2` pairs.
    The result is :math:`-\frac{1}{T-1}\sum_{t \ge 2} \log q(x_t \mid x_{t-1})` over the ``T``
    symbols of ``test``: the average loss of next-symbol prediction.

    Parameters
    ----------
    train, test : array_like of int
        Symbol codes in ``[0, n_symbols)``, 1-D, each at least 2 long.
    n_symbols : int
        The alphabet size ``m``.
    pseudocount : float
        :math:`\alpha \ge 0`, required (a modelling choice). With 0 the result is ``inf`` if
        ``test`` holds a pair never seen in ``train``.
    base : float, optional
        Logarithm base: 2 for bits per symbol (default), ``np.e`` for nats.

    Returns
    -------
    float
        The cross-entropy in the given base per predicted symbol.

    Examples
    --------
    >>> from infolib import bigram_cross_entropy
    >>> bigram_cross_entropy([0, 1, 0, 1, 0], [1, 0, 1], 2, pseudocount=0)
    0.0
    >>> bigram_cross_entropy([0, 1, 0, 1, 0], [1, 1], 2, pseudocount=0)
    inf
    """
    ln_b = v.check_base(base)
    m = v.check_int(n_symbols, "n_symbols", minimum=1)
    a = v.check_real(pseudocount, "pseudocount", minimum=0.0)
    pairs = []
    for name, x in (("train", train), ("test", test)):
        s = v.integers(x, name, minimum=0)
        if s.ndim != 1 or s.size < 2:
            raise ValueError(f"{name} must be a 1-D sequence of at least 2 symbols")
        if s.max() >= m:
            raise ValueError(f"{name} must hold symbols below n_symbols={m}, found {s.max()}")
        pairs.append(np.bincount(s[:-1] * m + s[1:], minlength=m * m).reshape(m, m))
    c_train, c_test = pairs
    rows = c_train.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):  # unseen contexts: 0/0 handled below
        q = (c_train + a) / (rows + a * m)
    used = c_test > 0
    if not np.all(np.isfinite(q[used]) & (q[used] > 0)):
        return math.inf
    total = math.fsum((c_test[used] * -np.log(q[used])).tolist())
    return float(total / c_test.sum() / ln_b) + 0.0
