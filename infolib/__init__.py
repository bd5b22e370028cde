"""infolib: the measures, figures and explorers of the course on entropy and KL divergence.

Every number in the course is computed here. ``p`` is always the true distribution and ``q``
the model's; the logarithm base is a keyword, 2 (bits) by default.
"""

from .coding import (
    PrefixCode,
    block_distribution,
    huffman_code,
    kraft_sum,
    shannon_code_lengths,
)
from .logits import cross_entropy_from_logits, log_softmax, softmax
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

__version__ = "0.1.0"

__all__ = [
    "PrefixCode",
    "binary_entropy",
    "block_distribution",
    "cross_entropy",
    "cross_entropy_from_logits",
    "entropy",
    "huffman_code",
    "information_content",
    "js_divergence",
    "kl_divergence",
    "kraft_sum",
    "log_softmax",
    "normalize",
    "perplexity",
    "shannon_code_lengths",
    "softmax",
]
