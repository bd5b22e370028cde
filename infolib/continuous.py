"""Differential entropy of the continuous families the course meets, in closed form.

A real-valued outcome takes infinitely many bits to write down, so a density has no entropy in
the sense of chapter 3. What survives is the **differential entropy**
:math:`h(f) = -\\int f(x) \\log f(x)\\, dx`: the entropy of the density made discrete on a grid
of step :math:`\\Delta`, plus :math:`\\log \\Delta`, in the limit of a fine grid. Unlike an
entropy it can be negative, and it changes when the variable is rescaled; differences of
differential entropies, KL divergences and mutual information do not have these defects.

Every family here is parameterised by its standard deviation, so that families of equal
variance can be compared: :math:`h = c + \\ln \\sigma` nats, with a constant :math:`c` per
family, largest for the Gaussian (Cover and Thomas, theorem 8.6.5).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from . import _validate as v

__all__ = ["FAMILIES", "differential_entropy"]

# h = c + ln(std) nats, with c for a distribution of standard deviation 1:
# Gaussian: (1/2) ln(2 pi e); uniform of width sqrt(12): ln sqrt(12); Laplace of scale
# 1/sqrt(2): 1 + ln(2 / sqrt(2)) = 1 + (1/2) ln 2.
_CONSTANT_NATS = {
    "gaussian": 0.5 * math.log(2 * math.pi * math.e),
    "laplace": 1.0 + 0.5 * math.log(2.0),
    "uniform": 0.5 * math.log(12.0),
}
FAMILIES = tuple(sorted(_CONSTANT_NATS))


def differential_entropy(family: str, std: ArrayLike, *, base: float = 2) -> float | np.ndarray:
    r"""Differential entropy of a Gaussian, Laplace or uniform density with a given spread.

    .. math::

       h(f) = -\int f(x) \log f(x) \, dx = c_{\text{family}} + \ln \sigma \quad \text{nats,}

    with :math:`c = \tfrac12 \ln(2\pi e)` for the Gaussian, :math:`1 + \tfrac12 \ln 2` for the
    Laplace density and :math:`\tfrac12 \ln 12` for the uniform density (of width
    :math:`\sqrt{12}\,\sigma`). The location does not matter.

    Parameters
    ----------
    family : {"gaussian", "laplace", "uniform"}
        The shape of the density.
    std : array_like
        Its standard deviation, finite and positive; arrays give one value per entry.
    base : float, optional
        Logarithm base: 2 for bits (default), ``np.e`` for nats.

    Returns
    -------
    float or ndarray
        The differential entropy. It is negative for a narrow enough density (a Gaussian with
        :math:`\sigma < 1/\sqrt{2\pi e} \approx 0.242`, a uniform density narrower than 1).

    Raises
    ------
    TypeError
        If ``family`` is not a string or ``std`` not numbers.
    ValueError
        If ``family`` is not one of ``FAMILIES``, or ``std`` is not finite and positive.

    Examples
    --------
    >>> import numpy as np
    >>> from infolib import differential_entropy
    >>> round(differential_entropy("gaussian", 1.0), 4)  # (1/2) log2(2 pi e) bits
    2.0471
    >>> round(differential_entropy("uniform", 1 / np.sqrt(12) / 2), 12)  # width 1/2: -1 bit
    -1.0
    >>> [round(float(h), 3) for h in differential_entropy("gaussian", [0.1, 10.0])]
    [-1.275, 5.369]
    """
    family = v.check_choice(family, "family", FAMILIES)
    ln_b = v.check_base(base)
    sigma = v.positive_values(std, "std")
    h = (_CONSTANT_NATS[family] + np.log(sigma)) / ln_b
    return v.scalar_or_array(h + 0.0)
