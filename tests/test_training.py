"""Tests of infolib.training: data with a known truth, the gradient, training, the decomposition.

Expected values come from elsewhere: finite differences of a loss written here with
scipy.special.logsumexp, scipy.special.softmax, scipy.special.entr and scipy.special.rel_entr
(not scipy.stats.entropy, which would silently normalise a broken distribution), and hand
derivations written beside the tests.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from scipy import special

import infolib
import infolib.training as training
from infolib.training import (
    DEFAULT_TRUE_WEIGHTS,
    decompose_loss,
    make_softmax_data,
    numerical_gradient,
    softmax_regression_loss_and_gradient,
    train_softmax_regression,
)


def with_bias(X):
    return np.hstack([X, np.ones((len(X), 1))])


def mean_nll_scipy(W, X, y):
    """Mean negative log-likelihood in nats, written independently with logsumexp."""
    z = with_bias(X) @ W
    return float(np.mean(special.logsumexp(z, axis=1) - z[np.arange(len(y)), y]))


def central_differences(f, W, h=1e-6):
    grad = np.zeros_like(W)
    for idx in np.ndindex(W.shape):
        up, down = W.copy(), W.copy()
        up[idx] += h
        down[idx] -= h
        grad[idx] = (f(up) - f(down)) / (2 * h)
    return grad


@pytest.fixture
def small_problem():
    rng = np.random.default_rng(7)
    X = rng.standard_normal((40, 3))
    y = rng.integers(0, 4, size=40)
    W = rng.standard_normal((4, 4))
    return W, X, y


# ---------------------------------------------------------------------------------------------
# The loss and its gradient
# ---------------------------------------------------------------------------------------------


def test_public_api_is_listed():
    defined = {
        name
        for name, obj in vars(training).items()
        if not name.startswith("_") and getattr(obj, "__module__", None) == training.__name__
    }
    assert set(training.__all__) == defined | {"DEFAULT_TRUE_WEIGHTS"}
    assert all(hasattr(training, name) for name in training.__all__)


def test_loss_matches_logsumexp(small_problem):
    W, X, y = small_problem
    loss, _ = softmax_regression_loss_and_gradient(W, X, y)
    assert loss == pytest.approx(mean_nll_scipy(W, X, y), rel=1e-13)


def test_gradient_matches_finite_differences(small_problem):
    W, X, y = small_problem
    _, grad = softmax_regression_loss_and_gradient(W, X, y)
    expected = central_differences(lambda w: mean_nll_scipy(w, X, y), W)
    np.testing.assert_allclose(grad, expected, rtol=1e-6, atol=1e-9)


def test_gradient_is_softmax_minus_onehot_for_one_example():
    # One example with features [0] (only the bias acts), 3 classes, zero weights:
    # q = [1/3, 1/3, 1/3], label 2, so d loss / d bias = [1/3, 1/3, -2/3].
    loss, grad = softmax_regression_loss_and_gradient(np.zeros((2, 3)), [[0.0]], [2])
    assert loss == pytest.approx(math.log(3), rel=1e-15)
    np.testing.assert_allclose(grad[1], [1 / 3, 1 / 3, -2 / 3], rtol=1e-15)
    np.testing.assert_array_equal(grad[0], [0.0, 0.0, 0.0])


# ---------------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------------


def test_each_epoch_is_one_gradient_step():
    data = make_softmax_data(60, seed=2, label_noise=0.2)
    run = train_softmax_regression(data.X, data.y, epochs=5, learning_rate=0.7, seed=4)
    for e in range(5):
        _, grad = softmax_regression_loss_and_gradient(run.weights[e], data.X, data.y)
        np.testing.assert_allclose(
            run.weights[e + 1], run.weights[e] - 0.7 * grad, rtol=1e-12, atol=1e-15
        )


def test_recorded_logits_probabilities_and_loss_are_consistent():
    data = make_softmax_data(50, seed=3)
    run = train_softmax_regression(data.X, data.y, epochs=8, learning_rate=1.5)
    assert run.epochs.tolist() == list(range(9))
    for r in range(9):
        z = with_bias(data.X) @ run.weights[r]
        np.testing.assert_allclose(run.logits[r], z, rtol=1e-13, atol=1e-14)
        np.testing.assert_allclose(run.Q[r], special.softmax(z, axis=1), rtol=1e-13)
        assert run.train_loss[r] == pytest.approx(
            mean_nll_scipy(run.weights[r], data.X, data.y), rel=1e-13
        )


def test_initial_prediction_is_nearly_uniform():
    data = make_softmax_data(100, seed=0)
    run = train_softmax_regression(data.X, data.y, epochs=1)
    np.testing.assert_allclose(run.Q[0], 1 / 3, atol=0.05)
    assert run.train_loss[0] == pytest.approx(math.log(3), abs=0.05)


def test_loss_decreases_at_every_epoch_on_a_separable_problem():
    # Two well separated clusters; with a small step, gradient descent on this smooth convex
    # loss decreases it at every step and classifies every point correctly.
    rng = np.random.default_rng(11)
    X = np.vstack([rng.normal(-3, 0.5, (30, 2)), rng.normal(3, 0.5, (30, 2))])
    y = np.repeat([0, 1], 30)
    run = train_softmax_regression(X, y, epochs=100, learning_rate=0.5)
    assert np.all(np.diff(run.train_loss) < 0)
    assert run.train_loss[-1] < 0.02
    assert np.array_equal(run.Q[-1].argmax(axis=1), y)


def test_training_is_deterministic_for_a_fixed_seed():
    data = make_softmax_data(80, seed=5, label_noise=0.1)
    a = train_softmax_regression(data.X, data.y, epochs=20, seed=9)
    b = train_softmax_regression(data.X, data.y, epochs=20, seed=9)
    c = train_softmax_regression(data.X, data.y, epochs=20, seed=10)
    for name in ("weights", "logits", "Q", "train_loss"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert not np.array_equal(a.weights[0], c.weights[0])


def test_recording_some_epochs_gives_the_same_numbers():
    data = make_softmax_data(40, seed=1)
    full = train_softmax_regression(data.X, data.y, epochs=30)
    some = train_softmax_regression(data.X, data.y, epochs=30, record_epochs=[30, 0, 7, 7])
    assert some.epochs.tolist() == [0, 7, 30]
    np.testing.assert_array_equal(some.Q, full.Q[[0, 7, 30]])
    np.testing.assert_array_equal(some.train_loss, full.train_loss[[0, 7, 30]])


def test_kl_gap_goes_towards_zero_without_noise_and_a_correct_model():
    # Large sample, no label noise, and the truth is itself softmax-linear: the only gap left
    # is the estimation error, about (number of free parameters) / (2 n) nats.
    data = make_softmax_data(20_000, seed=12)
    run = train_softmax_regression(
        data.X, data.y, epochs=300, learning_rate=2.0, record_epochs=[0, 30, 300]
    )
    parts = decompose_loss(data.P, run.Q, base=np.e)
    assert parts.kl[0] > 0.5
    assert parts.kl[2] < parts.kl[1] < parts.kl[0]
    assert parts.kl[2] < 1e-3


# ---------------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("noise", [0.0, 0.25, 1.0])
def test_true_conditionals_follow_the_stated_model(noise):
    data = make_softmax_data(30, seed=4, label_noise=noise)
    clean = special.softmax(with_bias(data.X) @ DEFAULT_TRUE_WEIGHTS, axis=1)
    np.testing.assert_allclose(data.P, (1 - noise) * clean + noise / 3, rtol=1e-13)
    assert data.label_noise == noise


def test_labels_are_drawn_from_the_true_conditionals():
    # The mean of the one-hot labels estimates the mean of P; each class count is binomial-
    # like with variance at most n / 4, so 5 standard deviations is a safe bound.
    n = 40_000
    data = make_softmax_data(n, seed=8, label_noise=0.3)
    counts = np.bincount(data.y, minlength=3)
    expected = data.P.sum(axis=0)
    assert np.all(np.abs(counts - expected) < 5 * math.sqrt(n / 4))


def test_labels_follow_each_examples_own_conditional():
    # The class counts over all examples cannot tell the noisy conditionals from the clean
    # ones (the three classes are nearly balanced either way). Within the examples that the
    # clean model assigns to one class they can: there the clean probability of that class is
    # high, and noise 0.3 lowers it by 0.3 * (q - 1/3). The expected counts come from the
    # stated model, (1 - eps) * softmax(W*^T [x, 1]) + eps / 3, not from data.P; each count is
    # a sum of independent Bernoulli draws, variance at most (subset size) / 4.
    eps = 0.3
    data = make_softmax_data(40_000, seed=8, label_noise=eps)
    clean = special.softmax(with_bias(data.X) @ DEFAULT_TRUE_WEIGHTS, axis=1)
    for c in range(3):
        sure = clean.argmax(axis=1) == c
        counts = np.bincount(data.y[sure], minlength=3)
        expected = ((1 - eps) * clean[sure] + eps / 3).sum(axis=0)
        assert np.all(np.abs(counts - expected) < 5 * math.sqrt(sure.sum() / 4))


def test_noise_raises_the_floor_and_keeps_the_features():
    clean = make_softmax_data(500, seed=6)
    noisy = make_softmax_data(500, seed=6, label_noise=0.4)
    np.testing.assert_array_equal(clean.X, noisy.X)
    h_clean = special.entr(clean.P).sum(axis=1).mean()
    h_noisy = special.entr(noisy.P).sum(axis=1).mean()
    assert h_noisy > h_clean
    uniform = make_softmax_data(5, label_noise=1.0).P
    assert special.entr(uniform).sum(axis=1) == pytest.approx([math.log(3)] * 5, rel=1e-15)


def test_data_is_deterministic_for_a_fixed_seed():
    a = make_softmax_data(50, seed=3, label_noise=0.2)
    b = make_softmax_data(50, seed=3, label_noise=0.2)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.X, make_softmax_data(50, seed=4).X)


def test_custom_true_weights():
    W = np.array([[2.0, -2.0], [0.0, 0.0]])  # one feature, two classes, no bias
    data = make_softmax_data(10, true_weights=W, seed=1)
    np.testing.assert_allclose(data.P[:, 0], special.expit(4 * data.X[:, 0]), rtol=1e-13)


# ---------------------------------------------------------------------------------------------
# The decomposition
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("base", "log_base"), [(2, math.log(2)), (np.e, 1.0)])
def test_expected_cross_entropy_is_floor_plus_kl_per_epoch(base, log_base):
    data = make_softmax_data(200, seed=9, label_noise=0.15)
    run = train_softmax_regression(data.X, data.y, epochs=40, learning_rate=1.0)
    parts = decompose_loss(data.P, run.Q, base=base)
    assert parts.cross_entropy.shape == parts.floor.shape == parts.kl.shape == (41,)
    # Independent values from scipy, per epoch.
    floor = special.entr(data.P).sum(axis=1).mean() / log_base
    kl = np.array([special.rel_entr(data.P, q).sum(axis=1).mean() for q in run.Q]) / log_base
    ce = np.array([-(data.P * np.log(q)).sum(axis=1).mean() for q in run.Q]) / log_base
    np.testing.assert_allclose(parts.floor, floor, rtol=1e-13)
    np.testing.assert_allclose(parts.kl, kl, rtol=1e-9)
    np.testing.assert_allclose(parts.cross_entropy, ce, rtol=1e-13)
    np.testing.assert_allclose(parts.cross_entropy, floor + kl, rtol=1e-12)
    assert parts.base == float(base)


def test_decomposition_by_hand():
    # p1 = [1/2, 1/2] predicted as [1/4, 3/4]: H = 1 bit, H(p, q) = (2 + log2(4/3)) / 2 bits.
    # p2 = [1, 0] predicted as [1/2, 1/2]: H = 0, H(p, q) = 1 bit.
    parts = decompose_loss([[0.5, 0.5], [1.0, 0.0]], [[0.25, 0.75], [0.5, 0.5]])
    ce = ((2 + math.log2(4 / 3)) / 2 + 1) / 2
    assert float(parts.cross_entropy) == pytest.approx(ce, rel=1e-15)
    assert float(parts.floor) == 0.5
    assert float(parts.kl) == pytest.approx(ce - 0.5, rel=1e-14)


# ---------------------------------------------------------------------------------------------
# numerical_gradient
# ---------------------------------------------------------------------------------------------


def test_numerical_gradient_of_known_functions():
    z = np.array([[0.5, -1.0], [2.0, 0.25]])
    np.testing.assert_allclose(
        numerical_gradient(lambda a: float(np.sum(np.sin(a))), z), np.cos(z), rtol=1e-8
    )
    g = numerical_gradient(lambda a: float(special.logsumexp(a)), [1.0, 2.0, 3.0])
    np.testing.assert_allclose(g, special.softmax([1.0, 2.0, 3.0]), rtol=1e-8)


def test_numerical_gradient_leaves_its_input_alone():
    z = np.array([1.0, 2.0])
    numerical_gradient(lambda a: float(a @ a), z)
    np.testing.assert_array_equal(z, [1.0, 2.0])


# ---------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------

X4 = np.zeros((4, 2))
Y4 = np.array([0, 1, 2, 1])


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"X": np.zeros(4)}, ValueError, r"^X must be 2-D \(one row of features per example\)"),
        ({"X": [[True, 0]] * 4}, TypeError, "^X must contain only numbers, found a boolean"),
        ({"X": [[0, "a"]] * 4}, TypeError, "^X must be numeric"),
        (
            {"X": [[0, np.inf]] * 4},
            ValueError,
            "^X must contain only finite numbers, found infinite",
        ),
        ({"X": [[np.nan, 0]] * 4}, ValueError, "^X must contain only finite numbers, found NaN"),
        ({"y": [0, 1, 2]}, ValueError, r"y must hold one label per example, shape \(4,\)"),
        ({"y": [0, 1, 2.5, 1]}, ValueError, "whole-number class labels"),
        ({"y": [0, -1, 2, 1]}, ValueError, "y must be class labels"),
        ({"y": [0, 1, 3, 1], "n_classes": 3}, ValueError, r"labels in \[0, 2\]"),
        ({"y": ["a", "b", "c", "d"]}, TypeError, "y must be integer class labels"),
        ({"epochs": 0}, ValueError, "^epochs must be at least 1, got 0"),
        ({"epochs": True}, TypeError, "^epochs must be an integer, got True"),
        ({"epochs": 2.5}, TypeError, "^epochs must be an integer, got 2.5"),
        ({"learning_rate": 0.0}, ValueError, "^learning_rate must be positive, got 0.0"),
        ({"learning_rate": np.nan}, ValueError, "^learning_rate must be a finite number, got nan"),
        ({"learning_rate": True}, TypeError, "^learning_rate must be a real number, got True"),
        (
            {"learning_rate": math.inf},
            ValueError,
            "^learning_rate must be a finite number, got inf",
        ),
        ({"learning_rate": "fast"}, TypeError, "^learning_rate must be a real number, got 'fast'"),
        ({"n_classes": 1}, ValueError, "^n_classes must be at least 2, got 1"),
        ({"n_classes": 3.0}, TypeError, "^n_classes must be an integer, got 3.0"),
        (
            {"record_epochs": [0, 11]},
            ValueError,
            "^record_epochs must contain only integers from 0 to 10, found 11 at index 1",
        ),
        (
            {"record_epochs": [0, -1]},
            ValueError,
            "^record_epochs must contain only integers from 0 to 10, found -1",
        ),
        (
            {"record_epochs": [0, 1.0]},
            TypeError,
            "^record_epochs must be integers, got dtype float64",
        ),
        ({"record_epochs": [0, True]}, TypeError, "^record_epochs must be integers, got booleans"),
        (
            {"record_epochs": [[0, 1]]},
            ValueError,
            r"^record_epochs must be 1-D \(a list of epochs\)",
        ),
        (
            {"record_epochs": np.array([], dtype=int)},
            ValueError,
            "^record_epochs must not be empty",
        ),
    ],
)
def test_training_rejects_bad_input(kwargs, error, match):
    args = {"X": X4, "y": Y4, "epochs": 10}
    args.update(kwargs)
    X, y = args.pop("X"), args.pop("y")
    with pytest.raises(error, match=match):
        train_softmax_regression(X, y, **args)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"n_examples": 0}, ValueError, "^n_examples must be at least 1, got 0"),
        ({"n_examples": 5.0}, TypeError, "^n_examples must be an integer, got 5.0"),
        ({"label_noise": 1.5}, ValueError, "^label_noise must be at most 1.0, got 1.5"),
        ({"label_noise": np.nan}, ValueError, "^label_noise must be a finite number, got nan"),
        ({"label_noise": False}, TypeError, "^label_noise must be a real number, got False"),
        ({"label_noise": -0.1}, ValueError, "^label_noise must be at least 0.0, got -0.1"),
        ({"label_noise": None}, TypeError, "^label_noise must be a real number, got None"),
        ({"true_weights": np.zeros((1, 3))}, ValueError, "true_weights must have shape"),
        ({"true_weights": np.zeros((3, 1))}, ValueError, "true_weights must have shape"),
    ],
)
def test_data_rejects_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        make_softmax_data(**kwargs)


def test_gradient_rejects_mismatched_weights():
    with pytest.raises(ValueError, match=r"weights must have shape \(n_features \+ 1"):
        softmax_regression_loss_and_gradient(np.zeros((2, 3)), X4, Y4)


@pytest.mark.parametrize(
    ("P", "Q", "match"),
    [
        ([[0.5, 0.5]], [[0.5, 0.5], [0.5, 0.5]], "Q must have shape"),
        ([0.5, 0.5], [0.5, 0.5], r"^P must be 2-D \(one distribution per example"),
        ([[0.5, 0.6]], [[0.5, 0.5]], "P must sum to 1"),
        ([[0.5, 0.5]], [[0.5, 0.4]], "Q must sum to 1"),
    ],
)
def test_decomposition_rejects_bad_input(P, Q, match):
    with pytest.raises(ValueError, match=match):
        decompose_loss(P, Q)


def test_numerical_gradient_rejects_a_bad_step():
    with pytest.raises(ValueError, match=r"^step must be positive, got 0.0"):
        numerical_gradient(lambda a: 0.0, [1.0], step=0.0)
    with pytest.raises(ValueError, match=r"^step must be a finite number, got inf"):
        numerical_gradient(lambda a: 0.0, [1.0], step=math.inf)
    with pytest.raises(TypeError, match=r"^step must be a real number, got True"):
        numerical_gradient(lambda a: 0.0, [1.0], step=True)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: numerical_gradient(lambda a: 0.0, 1.0), r"z must be .*wrap a single number"),
        (lambda: train_softmax_regression(1.0, [0]), r"X must be .*one row of features"),
        (
            lambda: softmax_regression_loss_and_gradient(1.0, X4, Y4),
            r"weights must be .*one column of weights per class",
        ),
        (
            lambda: make_softmax_data(3, true_weights=2.0),
            r"true_weights must be .*one column of weights per class",
        ),
    ],
)
def test_scalar_inputs_are_named_for_what_they_hold(call, match):
    # The shared finiteness check used to call every scalar "one logit per class".
    with pytest.raises(ValueError, match=match) as err:
        call()
    assert "logit" not in str(err.value)


# ---------------------------------------------------------------------------------------------
# Hostile input (issue 12): never NaN, no leaked warning, messages name the caller's argument
# ---------------------------------------------------------------------------------------------


def test_the_recorded_prediction_is_infolibs_own_softmax_of_the_logits():
    # One softmax in the package: training records exactly what infolib.softmax gives.
    data = make_softmax_data(50, seed=3)
    run = train_softmax_regression(data.X, data.y, epochs=6, learning_rate=1.5)
    for r in range(7):
        np.testing.assert_array_equal(run.Q[r], infolib.softmax(run.logits[r]))
        np.testing.assert_array_equal(
            run.train_loss[r],
            np.mean(infolib.cross_entropy_from_logits(run.logits[r], data.y, base=np.e)),
        )


def test_diverging_training_is_a_clear_error_not_nan():
    # Features of size 1e300: the first step makes weights of about 1e299, so the next logits
    # (about 1e599) overflow float64. That used to fill the run with NaN silently.
    data = make_softmax_data(20, seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(
            ValueError, match=r"training diverged at epoch 1: .* lower learning_rate"
        ):
            train_softmax_regression(data.X * 1e300, data.y, epochs=3)


def test_confident_models_survive_errstate_raise_and_leak_no_warning():
    # Weights 400 times the default make the true probabilities of most classes underflow to
    # 0 (logit gaps above 745): intended, so no FloatingPointError and no warning.
    W = 400 * DEFAULT_TRUE_WEIGHTS
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        data = make_softmax_data(200, true_weights=W, seed=1)
        run = train_softmax_regression(data.X, data.y, epochs=30, learning_rate=50.0)
        loss, _ = softmax_regression_loss_and_gradient(W, data.X, data.y)
        parts = decompose_loss(data.P, run.Q[[0, -1]], base=np.e)
    assert (data.P == 0).any()
    clean = special.softmax(with_bias(data.X) @ W, axis=1)
    np.testing.assert_allclose(data.P, clean, rtol=1e-13, atol=1e-300)
    assert loss == pytest.approx(mean_nll_scipy(W, data.X, data.y), rel=1e-13)
    assert np.isfinite(run.train_loss).all()
    assert parts.kl[-1] < parts.kl[0]


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (
            lambda: make_softmax_data(50, true_weights=np.full((3, 3), 1.7e308)),
            "true_weights",
        ),
        (
            lambda: softmax_regression_loss_and_gradient(
                np.full((3, 2), 1e300) * [1, -1], np.full((4, 2), 1e10), [0, 1, 0, 1]
            ),
            "weights",
        ),
    ],
)
def test_overflowing_logits_are_reported_by_the_callers_argument(call, name):
    # These logits overflow; the message used to name softmax's internal argument, z.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=rf"the logits \[X, 1\] @ {name} overflow") as err:
            call()
    assert not str(err.value).startswith("z ")


@pytest.mark.parametrize(
    ("seed", "error", "match"),
    [
        (-1, ValueError, "seed must be at least 0, got -1"),
        (1.5, TypeError, "seed must be an integer"),
    ],
)
def test_a_bad_seed_is_named_in_the_message(seed, error, match):
    # NumPy's own messages ("expected non-negative integer") did not say which argument.
    with pytest.raises(error, match=match):
        make_softmax_data(10, seed=seed)
    with pytest.raises(error, match=match):
        train_softmax_regression(X4, Y4, seed=seed)
