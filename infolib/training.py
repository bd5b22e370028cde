"""A tiny softmax classifier trained by gradient descent, on data whose truth is known exactly.

Chapter 7 trains a classifier and watches its loss split into an entropy floor and a KL gap.
That needs the true conditional distribution ``p(y | x)`` of every example, which real data
never gives. So the data here come from a *known* model: features ``X`` drawn from a standard
normal, class probabilities from a softmax of a linear function of ``X`` (optionally mixed with
label noise), and labels ``y`` sampled from those probabilities. For every example the truth
``P[i] = p(. | X[i])`` is then known, and for every epoch the model's prediction
``Q[i] = q(. | X[i])`` is recorded, so

.. math::

   \\frac1n \\sum_i H(P_i, Q_i) = \\frac1n \\sum_i H(P_i) + \\frac1n \\sum_i D_{KL}(P_i \\| Q_i)

can be computed exactly at every epoch (:func:`decompose_loss`).

Conventions:

* ``X`` has shape ``(n, d)``; ``y`` holds ``n`` integer labels in ``[0, k)``; ``P`` and ``Q``
  have shape ``(n, k)``, one distribution per row.
* ``weights`` has shape ``(d + 1, k)``: one column of weights per class, the last row being
  the bias. The logits are ``z = [X, 1] @ weights``.
* Training minimises the mean negative log-likelihood in **nats** (natural logarithm), the
  unit in which its gradient is ``softmax(z) - onehot(y)`` and in which deep-learning libraries
  report losses. :func:`decompose_loss` takes a ``base`` for any other unit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v
from .logits import cross_entropy_from_logits, softmax
from .measures import cross_entropy, entropy, kl_divergence

__all__ = [
    "DEFAULT_TRUE_WEIGHTS",
    "LabelledData",
    "LossDecomposition",
    "SoftmaxRun",
    "decompose_loss",
    "make_softmax_data",
    "numerical_gradient",
    "softmax_regression_loss_and_gradient",
    "train_softmax_regression",
]


def _default_true_weights() -> np.ndarray:
    # Three classes whose weight vectors point 120 degrees apart, length 2.5: each class wins in
    # its own sector of the plane, with soft borders (the mean entropy is about 0.43 nats).
    angles = np.array([0.0, 2.0, 4.0]) * np.pi / 3 + 0.3
    w = np.vstack([2.5 * np.cos(angles), 2.5 * np.sin(angles), [0.3, 0.0, -0.3]])
    w.setflags(write=False)
    return w


#: The known model behind :func:`make_softmax_data`, with 2 features (plus a bias row), 3 classes.
DEFAULT_TRUE_WEIGHTS = _default_true_weights()

#: Standard deviation of the random initial weights of :func:`train_softmax_regression`: small,
#: so training starts from a nearly uniform prediction whatever the seed.
INITIAL_WEIGHT_SCALE = 0.01


@dataclass(frozen=True)
class LabelledData:
    """Features, sampled labels and the exact true conditionals of a synthetic data set.

    Attributes
    ----------
    X : ndarray, shape (n, d)
        The features.
    y : ndarray of int, shape (n,)
        The labels, each drawn from its row of ``P``.
    P : ndarray, shape (n, k)
        The true conditional distributions ``p(. | X[i])``, one row per example.
    true_weights : ndarray, shape (d + 1, k)
        The model the clean class probabilities came from.
    label_noise : float
        The probability with which a label was replaced by a uniformly random class.
    """

    X: np.ndarray
    y: np.ndarray
    P: np.ndarray
    true_weights: np.ndarray
    label_noise: float


@dataclass(frozen=True)
class SoftmaxRun:
    """Everything recorded while training a softmax classifier, epoch by epoch.

    Row ``r`` of each array belongs to the model after ``epochs[r]`` gradient steps. By
    default every epoch is recorded, ``0 .. E`` (row 0 is the initial model): ``E + 1`` rows.

    Attributes
    ----------
    epochs : ndarray of int, shape (R,)
        The recorded epoch numbers, increasing.
    weights : ndarray, shape (R, d + 1, k)
        The weights (last row of each: the bias).
    logits : ndarray, shape (R, n, k)
        The logits of every training example.
    Q : ndarray, shape (R, n, k)
        The predicted conditionals ``q(. | X[i])``.
    train_loss : ndarray, shape (R,)
        The mean negative log-likelihood of the sampled labels, in nats: the number a training
        loop prints.
    learning_rate : float
        The step size used.
    """

    epochs: np.ndarray
    weights: np.ndarray
    logits: np.ndarray
    Q: np.ndarray
    train_loss: np.ndarray
    learning_rate: float


@dataclass(frozen=True)
class LossDecomposition:
    """The expected loss split into its entropy floor and its KL gap, per recorded model.

    Attributes
    ----------
    cross_entropy : ndarray
        The expected cross-entropy :math:`\\frac1n \\sum_i H(P_i, Q_i)`: the mean loss over
        fresh labels drawn from the truth, at the same inputs.
    floor : ndarray
        :math:`\\frac1n \\sum_i H(P_i)`, the same value in every entry: it does not depend on
        the model, and no model can go below it.
    kl : ndarray
        :math:`\\frac1n \\sum_i D_{KL}(P_i \\| Q_i)`, the part training can remove.
    base : float
        The logarithm base of all three (2: bits, e: nats).
    """

    cross_entropy: np.ndarray
    floor: np.ndarray
    kl: np.ndarray
    base: float


def _features(X: ArrayLike) -> np.ndarray:
    a = v.finite(X, "X", what="one row of features per example")
    v.check_ndim(a, "X", 2, "one row of features per example")
    return a


def _with_bias(X: np.ndarray) -> np.ndarray:
    return np.hstack([X, np.ones((X.shape[0], 1))])


def _logits(w_t: np.ndarray, xa_t: np.ndarray, epoch: int) -> np.ndarray:
    """The logits ``w_t @ xa_t`` of a training epoch, or a clear error once they overflow."""
    with np.errstate(over="ignore", invalid="ignore"):
        z_t = w_t @ xa_t
    if not np.isfinite(z_t).all():
        raise ValueError(
            f"training diverged at epoch {epoch}: the logits [X, 1] @ weights overflow float64 "
            f"(largest |X| is {np.abs(xa_t).max():.3g}); standardise the features of X or "
            "lower learning_rate"
        )
    return z_t


def _finite_logits(Xa: np.ndarray, w: np.ndarray, names: str) -> np.ndarray:
    """``Xa @ w``, or an error naming the caller's arguments when the product overflows."""
    with np.errstate(over="ignore", invalid="ignore"):
        z = Xa @ w
    if not np.isfinite(z).all():
        raise ValueError(
            f"the logits {names} overflow float64 (largest |X| is {np.abs(Xa).max():.3g}, "
            f"largest weight {np.abs(w).max():.3g}); scale them down"
        )
    return z


def _weights(weights: ArrayLike, n_features: int, name: str = "weights") -> np.ndarray:
    w = v.finite(weights, name, what="one column of weights per class")
    if w.ndim != 2 or w.shape[0] != n_features + 1 or w.shape[1] < 2:
        raise ValueError(
            f"{name} must have shape (n_features + 1, n_classes) = ({n_features + 1}, k) with "
            f"k >= 2 (the last row is the bias), got shape {w.shape}"
        )
    return w


def _recorded_epochs(record_epochs: ArrayLike | None, epochs: int) -> np.ndarray:
    if record_epochs is None:
        return np.arange(epochs + 1)
    a = v.integers(record_epochs, "record_epochs", minimum=0, maximum=epochs)
    v.check_ndim(a, "record_epochs", 1, "a list of epochs")
    v.check_length(a, "record_epochs", minimum=1)
    return np.unique(a).astype(np.intp)


def make_softmax_data(
    n_examples: int = 300,
    *,
    true_weights: ArrayLike | None = None,
    label_noise: float = 0.0,
    seed: int = 0,
) -> LabelledData:
    r"""Draw a labelled data set from a known softmax-linear model, with its exact truth.

    Each example has features :math:`x \sim N(0, I_d)` and true class probabilities

    .. math::

       p(y \mid x) = (1 - \varepsilon)\, \mathrm{softmax}(W^\top [x, 1])_y
       + \varepsilon / k,

    where :math:`\varepsilon` is ``label_noise``: with probability :math:`\varepsilon` the clean
    label is replaced by one of the ``k`` classes chosen uniformly (possibly the same one). The
    label is then drawn from :math:`p(\cdot \mid x)`.

    Parameters
    ----------
    n_examples : int, optional
        Number of examples ``n``.
    true_weights : array_like, shape (d + 1, k), optional
        The model's weights, last row the bias. Default: :data:`DEFAULT_TRUE_WEIGHTS`
        (2 features, 3 classes).
    label_noise : float, optional
        :math:`\varepsilon \in [0, 1]`. It pulls every :math:`p(\cdot \mid x)` towards uniform, so
        it raises the entropy floor of the loss.
    seed : int, optional
        Seed of :func:`numpy.random.default_rng`. The features and the uniform numbers behind
        the labels depend on the seed only, not on ``label_noise``: two data sets with the same
        seed share their features, and their labels differ only where the same uniform number
        falls into a different class under the two label distributions.

    Returns
    -------
    LabelledData
        ``X`` (n, d), ``y`` (n,), the exact conditionals ``P`` (n, k), and the parameters.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.training import make_softmax_data
    >>> data = make_softmax_data(5, seed=1)
    >>> data.X.shape, data.y.shape, data.P.shape
    ((5, 2), (5,), (5, 3))
    >>> bool(np.allclose(data.P.sum(axis=1), 1))
    True
    >>> make_softmax_data(5, label_noise=1.0).P[0].round(4)  # all noise: uniform
    array([0.3333, 0.3333, 0.3333])
    """
    n = v.check_int(n_examples, "n_examples", minimum=1)
    eps = v.check_real(label_noise, "label_noise", minimum=0.0, maximum=1.0)
    if true_weights is None:
        w = DEFAULT_TRUE_WEIGHTS
    else:
        w = v.finite(true_weights, "true_weights", what="one column of weights per class")
        if w.ndim != 2 or w.shape[0] < 2 or w.shape[1] < 2:
            raise ValueError(
                "true_weights must have shape (d + 1, k): at least one feature row plus the "
                f"bias row, and at least 2 classes; got shape {w.shape}"
            )
    d, k = w.shape[0] - 1, w.shape[1]
    rng = np.random.default_rng(v.check_int(seed, "seed", minimum=0))
    X = rng.standard_normal((n, d))
    u = rng.random(n)
    with np.errstate(under="ignore"):  # hopeless classes: probability 0, on purpose
        P = softmax(_finite_logits(_with_bias(X), w, "[X, 1] @ true_weights"))
    if eps > 0.0:
        P = (1.0 - eps) * P + eps / k
    # Inverse-CDF sampling: y is the number of cumulative sums (before the last) that u reaches.
    y = (u[:, None] >= np.cumsum(P, axis=1)[:, :-1]).sum(axis=1)
    return LabelledData(X=X, y=y, P=P, true_weights=np.array(w), label_noise=eps)


def softmax_regression_loss_and_gradient(
    weights: ArrayLike, X: ArrayLike, y: ArrayLike
) -> tuple[float, np.ndarray]:
    r"""Mean negative log-likelihood (nats) of a softmax classifier, and its gradient.

    .. math::

       L(W) = -\frac1n \sum_i \log q(y_i \mid x_i), \qquad
       \nabla_W L = \frac1n\, \tilde X^\top (Q - Y),

    where :math:`\tilde X = [X, 1]`, :math:`Q = \mathrm{softmax}(\tilde X W)` row by row, and
    :math:`Y` holds the one-hot labels: per example, the gradient with respect to the logits is
    ``softmax(z) - onehot(y)``.

    Parameters
    ----------
    weights : array_like, shape (d + 1, k)
        One column per class; the last row is the bias.
    X : array_like, shape (n, d)
        Features.
    y : array_like, shape (n,)
        Integer labels in ``[0, k)``.

    Returns
    -------
    loss : float
        The mean negative log-likelihood, in nats.
    gradient : ndarray, shape (d + 1, k)
        Its gradient with respect to ``weights``.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.training import softmax_regression_loss_and_gradient
    >>> W = np.zeros((2, 2))  # one feature, two classes: every prediction is 50/50
    >>> loss, grad = softmax_regression_loss_and_gradient(W, [[1.0], [-1.0]], [0, 1])
    >>> round(loss, 6)  # ln 2
    0.693147
    >>> grad
    array([[-0.5,  0.5],
           [ 0. ,  0. ]])
    """
    Xf = _features(X)
    w = _weights(weights, Xf.shape[1])
    n, k = Xf.shape[0], w.shape[1]
    labels = v.labels(y, "y", k, (n,))
    Xa = _with_bias(Xf)
    z = _finite_logits(Xa, w, "[X, 1] @ weights")
    with np.errstate(under="ignore"):  # hopeless classes: probability 0, on purpose
        loss = float(np.mean(cross_entropy_from_logits(z, labels, base=np.e)))
        residual = softmax(z)
    residual[np.arange(n), labels] -= 1.0  # softmax(z) - onehot(y)
    return loss, Xa.T @ residual / n


def train_softmax_regression(
    X: ArrayLike,
    y: ArrayLike,
    *,
    epochs: int = 100,
    learning_rate: float = 0.5,
    n_classes: int | None = None,
    seed: int = 0,
    record_epochs: ArrayLike | None = None,
) -> SoftmaxRun:
    r"""Train a softmax (multinomial logistic) classifier by full-batch gradient descent.

    Each epoch takes one step ``W <- W - learning_rate * grad L(W)`` on the mean negative
    log-likelihood ``L`` in nats (see :func:`softmax_regression_loss_and_gradient`), starting
    from small random weights. By default, every intermediate model is recorded.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Finite features.
    y : array_like, shape (n,)
        Integer labels in ``[0, n_classes)``.
    epochs : int, optional
        Number of gradient steps (at least 1).
    learning_rate : float, optional
        The step size, a finite positive number.
    n_classes : int, optional
        Number of classes ``k``. Default: ``max(y) + 1``, inferred from the labels. If the
        highest class happens to be missing from a small sample, that silently drops it from
        the model: pass ``n_classes`` whenever the number of classes is known.
    seed : int, optional
        Seed of the initial weights, drawn from :math:`N(0, 0.01^2)`.
    record_epochs : array_like of int, optional
        The epochs (between 0 and ``epochs``) at which to record the model. Default: every
        epoch. Recording fewer saves memory on large data sets and time in explorers.

    Returns
    -------
    SoftmaxRun
        Weights, logits, predicted conditionals ``Q`` and training loss at the recorded
        epochs (``0 .. epochs`` by default).

    Raises
    ------
    ValueError
        For invalid input, or when training diverges: once the logits overflow float64
        (features far too large for the step size), rather than returning NaN.

    Notes
    -----
    The predictions are :func:`infolib.softmax` of the logits and the loss is
    :func:`infolib.cross_entropy_from_logits` in nats, the same functions a reader calls.
    The model is tiny and the loop fully vectorised: 200 epochs on 300 examples take a few
    milliseconds, fast enough to retrain on every move of an explorer's slider.

    Examples
    --------
    >>> from infolib.training import make_softmax_data, train_softmax_regression
    >>> data = make_softmax_data(200, seed=3)
    >>> run = train_softmax_regression(data.X, data.y, epochs=50, learning_rate=1.0)
    >>> run.Q.shape
    (51, 200, 3)
    >>> bool(run.train_loss[-1] < run.train_loss[0])
    True
    """
    Xf = _features(X)
    n, d = Xf.shape
    E = v.check_int(epochs, "epochs", minimum=1)
    lr = v.check_real(learning_rate, "learning_rate", positive=True)
    if n_classes is None:
        # Check type, shape, whole numbers and sign first; the upper bound is what we infer.
        k = max(int(v.labels(y, "y", np.iinfo(np.intp).max, (n,)).max()) + 1, 2)
    else:
        k = v.check_int(n_classes, "n_classes", minimum=2)
    labels = v.labels(y, "y", k, (n,))

    recorded = _recorded_epochs(record_epochs, E)
    slot = [-1] * (E + 1)
    for r, e in enumerate(recorded):
        slot[e] = r
    R = len(recorded)

    # The loop works on classes-by-examples arrays, (k, n), so that the softmax runs along
    # the first axis; each epoch is a handful of NumPy calls.
    Xa = _with_bias(Xf)
    xa_t = np.ascontiguousarray(Xa.T)
    xa_over_n = Xa / n
    rows = np.arange(n)
    onehot_t = np.zeros((k, n))
    onehot_t[labels, rows] = 1.0
    rng = np.random.default_rng(v.check_int(seed, "seed", minimum=0))
    w_t = rng.normal(0.0, INITIAL_WEIGHT_SCALE, size=(d + 1, k)).T.copy()
    weights = np.empty((R, d + 1, k))
    logits = np.empty((R, n, k))
    Q = np.empty((R, n, k))
    # Probabilities of hopeless classes underflow to 0 on purpose; no error for that.
    with np.errstate(under="ignore"):
        for e in range(E + 1):
            z_t = _logits(w_t, xa_t, e)
            q_t = softmax(z_t, axis=0)
            r = slot[e]
            if r >= 0:
                weights[r] = w_t.T
                logits[r] = z_t.T
                Q[r] = q_t.T
            if e == E:
                break
            q_t -= onehot_t  # softmax(z) - onehot(y), per example
            w_t = w_t - lr * (q_t @ xa_over_n)
        # -log q(y | x), from the logits (exact even where q(y | x) rounds to 0 or 1).
        nll = cross_entropy_from_logits(logits, np.broadcast_to(labels, (R, n)), base=np.e)
    train_loss = np.asarray(nll).mean(axis=1)
    return SoftmaxRun(
        epochs=recorded,
        weights=weights,
        logits=logits,
        Q=Q,
        train_loss=train_loss,
        learning_rate=lr,
    )


def decompose_loss(P: ArrayLike, Q: ArrayLike, *, base: float = 2) -> LossDecomposition:
    r"""Split the expected cross-entropy of predictions ``Q`` into entropy floor plus KL gap.

    For true conditionals ``P`` (n, k) and predictions ``Q`` (..., n, k), for example one
    ``(n, k)`` block per epoch, computes with :func:`~infolib.cross_entropy`,
    :func:`~infolib.entropy` and :func:`~infolib.kl_divergence` (all along the last axis)

    .. math::

       \underbrace{\frac1n \sum_i H(P_i, Q_i)}_{\text{cross\_entropy}}
       = \underbrace{\frac1n \sum_i H(P_i)}_{\text{floor}}
       + \underbrace{\frac1n \sum_i D_{KL}(P_i \| Q_i)}_{\text{kl}}.

    Parameters
    ----------
    P : array_like, shape (n, k)
        The true conditional distribution of each example, one per row.
    Q : array_like, shape (..., n, k)
        Predicted distributions for the same examples; leading axes (such as epochs) are kept.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    LossDecomposition
        ``cross_entropy``, ``floor`` and ``kl``, each of shape ``Q.shape[:-2]`` (a 0-d array
        for a single ``(n, k)`` block).

    Examples
    --------
    >>> from infolib.training import decompose_loss
    >>> P = [[0.5, 0.5], [1.0, 0.0]]
    >>> parts = decompose_loss(P, [[0.5, 0.5], [0.5, 0.5]])
    >>> float(parts.cross_entropy), float(parts.floor), float(parts.kl)
    (1.0, 0.5, 0.5)
    """
    p, _, _ = v.distribution(P, "P")
    v.check_ndim(p, "P", 2, "one distribution per example, shape (n, k)")
    q, _, _ = v.distribution(Q, "Q")
    if q.ndim < 2 or q.shape[-2:] != p.shape:
        raise ValueError(
            f"Q must have shape (..., n, k) ending in P's shape {p.shape}, got {q.shape}"
        )
    p_b = np.broadcast_to(p, q.shape)
    # Ratios of tiny probabilities underflow on purpose (terms of about 0).
    with np.errstate(under="ignore"):
        ce = np.asarray(cross_entropy(p_b, q, base=base)).mean(axis=-1)
        kl = np.asarray(kl_divergence(p_b, q, base=base)).mean(axis=-1)
        floor = np.full(ce.shape, np.mean(entropy(p, base=base)))
    return LossDecomposition(cross_entropy=ce, floor=floor, kl=kl, base=float(base))


def numerical_gradient(
    f: Callable[[np.ndarray], float], z: ArrayLike, *, step: float = 1e-6
) -> np.ndarray:
    r"""Central-difference estimate of the gradient of a scalar function ``f`` at ``z``.

    Each entry is :math:`(f(z + h e_j) - f(z - h e_j)) / 2h`, accurate to about ``h**2``
    times the third derivative plus ``1e-16 / h`` of rounding: about 8 to 10 significant
    digits with the default step on smooth functions of moderate size. Used to check an
    analytic gradient, or to differentiate a function nobody derived by hand.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``z``, returns a number.
    z : array_like
        Finite point at which to differentiate, at least 1-D.
    step : float, optional
        The step ``h``.

    Returns
    -------
    ndarray
        Shaped like ``z``.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib.training import numerical_gradient
    >>> numerical_gradient(lambda z: float(np.sum(z**2)), [1.0, -2.0]).round(6)
    array([ 2., -4.])
    """
    point = v.finite(z, "z", what="a list of coordinates; wrap a single number in a list").copy()
    h = v.check_real(step, "step", positive=True)
    grad = np.empty_like(point)
    flat, g = point.reshape(-1), grad.reshape(-1)
    for j in range(flat.size):
        keep = flat[j]
        flat[j] = keep + h
        up = float(f(point))
        flat[j] = keep - h
        down = float(f(point))
        flat[j] = keep
        g[j] = (up - down) / (2.0 * h)
    return grad
