"""infolib: the measures, figures and explorers of the course on entropy and KL divergence.

Every number in the course is computed here. ``p`` is always the true distribution and ``q``
the model's; the logarithm base is a keyword, 2 (bits) by default.
"""

from .coding import (
    PrefixCode,
    block_distribution,
    huffman_code,
    kraft_sum,
    prefix_code_from_lengths,
    shannon_code_lengths,
)
from .continuous import differential_entropy
from .datasets import alice_text
from .estimation import (
    bigram_cross_entropy,
    counts_from_samples,
    exact_expected_plugin_entropy,
    letters_and_spaces,
    miller_madow_entropy,
    plugin_entropy,
    plugin_kl,
)
from .fitting import (
    GaussianFit,
    discretized_gaussian,
    fit_gaussian,
    gaussian_kl,
    gaussian_mixture,
)
from .frameworks import torch_kl_div
from .joint import conditional_entropy, joint_entropy, marginals, mutual_information
from .logits import (
    binary_cross_entropy,
    binary_cross_entropy_from_logits,
    cross_entropy_from_logits,
    log_sigmoid,
    log_softmax,
    sigmoid,
    softmax,
    softmax_at_temperature,
)
from .measures import (
    binary_entropy,
    cross_entropy,
    entropy,
    information_content,
    js_divergence,
    kl_divergence,
    normalize,
    perplexity,
)
from .training import (
    LabelledData,
    LossDecomposition,
    SoftmaxRun,
    decompose_loss,
    make_softmax_data,
    numerical_gradient,
    softmax_regression_loss_and_gradient,
    train_softmax_regression,
)

__version__ = "0.1.0"

__all__ = [
    "GaussianFit",
    "LabelledData",
    "LossDecomposition",
    "PrefixCode",
    "SoftmaxRun",
    "alice_text",
    "bigram_cross_entropy",
    "binary_cross_entropy",
    "binary_cross_entropy_from_logits",
    "binary_entropy",
    "block_distribution",
    "conditional_entropy",
    "counts_from_samples",
    "cross_entropy",
    "cross_entropy_from_logits",
    "decompose_loss",
    "differential_entropy",
    "discretized_gaussian",
    "entropy",
    "exact_expected_plugin_entropy",
    "fit_gaussian",
    "gaussian_kl",
    "gaussian_mixture",
    "huffman_code",
    "information_content",
    "joint_entropy",
    "js_divergence",
    "kl_divergence",
    "kraft_sum",
    "letters_and_spaces",
    "log_sigmoid",
    "log_softmax",
    "make_softmax_data",
    "marginals",
    "miller_madow_entropy",
    "mutual_information",
    "normalize",
    "numerical_gradient",
    "perplexity",
    "plugin_entropy",
    "plugin_kl",
    "prefix_code_from_lengths",
    "shannon_code_lengths",
    "sigmoid",
    "softmax",
    "softmax_at_temperature",
    "softmax_regression_loss_and_gradient",
    "torch_kl_div",
    "train_softmax_regression",
]
