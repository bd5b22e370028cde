"""Tests of the public API of infolib: what it exports, the signatures, the docstrings."""

import doctest
import inspect
import re
import subprocess
import sys

import pytest

import infolib

# Written by hand: the public API. A name added to infolib must be added here on purpose.
PUBLIC_API = {
    # measures
    "binary_entropy",
    "cross_entropy",
    "entropy",
    "information_content",
    "js_divergence",
    "kl_divergence",
    "normalize",
    "perplexity",
    # logits
    "cross_entropy_from_logits",
    "log_softmax",
    "softmax",
    # logits, the binary case and temperature (chapter 8)
    "binary_cross_entropy",
    "binary_cross_entropy_from_logits",
    "log_sigmoid",
    "sigmoid",
    "softmax_at_temperature",
    # coding
    "PrefixCode",
    "block_distribution",
    "huffman_code",
    "kraft_sum",
    "prefix_code_from_lengths",
    "shannon_code_lengths",
    # fitting
    "GaussianFit",
    "discretized_gaussian",
    "fit_gaussian",
    "gaussian_kl",
    "gaussian_mixture",
    # continuous (chapter 5)
    "differential_entropy",
    # training (chapter 7)
    "LabelledData",
    "LossDecomposition",
    "SoftmaxRun",
    "decompose_loss",
    "make_softmax_data",
    "numerical_gradient",
    "softmax_regression_loss_and_gradient",
    "train_softmax_regression",
    # frameworks (chapter 7)
    "torch_kl_div",
    # joint (chapter 6)
    "conditional_entropy",
    "joint_entropy",
    "marginals",
    "mutual_information",
    # estimation (chapter 9)
    "bigram_cross_entropy",
    "counts_from_samples",
    "exact_expected_plugin_entropy",
    "letters_and_spaces",
    "miller_madow_entropy",
    "plugin_entropy",
    "plugin_kl",
    # datasets (the text chapter 9 models)
    "alice_text",
}

# The contract's signatures (keyword-only base and axis, their defaults).
CONTRACT_SIGNATURES = {
    "information_content": "(p, *, base=2)",
    "entropy": "(p, *, base=2, axis=-1)",
    "cross_entropy": "(p, q, *, base=2, axis=-1)",
    "kl_divergence": "(p, q, *, base=2, axis=-1)",
    "js_divergence": "(p, q, *, base=2, axis=-1)",
    "binary_entropy": "(p, *, base=2)",
    "perplexity": "(p, *, axis=-1)",
    "normalize": "(counts, *, axis=-1)",
    "softmax": "(z, *, axis=-1)",
    "log_softmax": "(z, *, axis=-1)",
    "cross_entropy_from_logits": "(z, target, *, base=2, axis=-1)",
}


def test_all_lists_exactly_the_public_api():
    assert len(infolib.__all__) == len(set(infolib.__all__)), "duplicates in __all__"
    assert set(infolib.__all__) == PUBLIC_API


def test_every_public_name_in_the_namespace_is_in_all():
    # Submodules (infolib.measures, ...) become attributes on import; they are not the API.
    public = {
        name
        for name, obj in vars(infolib).items()
        if not name.startswith("_") and not inspect.ismodule(obj)
    }
    assert public == set(infolib.__all__)


def test_star_import_gives_exactly_all():
    namespace = {}
    exec("from infolib import *", namespace)
    assert set(namespace) - {"__builtins__"} == PUBLIC_API


@pytest.mark.parametrize("name", sorted(PUBLIC_API))
def test_public_names_come_from_public_modules(name):
    obj = getattr(infolib, name)
    assert callable(obj)
    module = obj.__module__
    assert module.startswith("infolib.") and not module.split(".")[-1].startswith("_")
    assert name in sys.modules[module].__all__


@pytest.mark.parametrize("name", sorted(CONTRACT_SIGNATURES))
def test_signature_follows_the_contract(name):
    sig = inspect.signature(getattr(infolib, name))
    bare = sig.replace(
        parameters=[p.replace(annotation=p.empty) for p in sig.parameters.values()],
        return_annotation=sig.empty,
    )
    assert str(bare) == CONTRACT_SIGNATURES[name]


@pytest.mark.parametrize("name", sorted(CONTRACT_SIGNATURES))
def test_signature_is_type_hinted(name):
    sig = inspect.signature(getattr(infolib, name))
    assert all(p.annotation is not p.empty for p in sig.parameters.values())
    assert sig.return_annotation in ("float | np.ndarray", "np.ndarray")


def sections(doc):
    """numpydoc section titles: a line underlined by dashes of the same length."""
    return {
        m.group(1): m.start()
        for m in re.finditer(r"^(\w[\w ]*)\n(-+)$", doc, re.M)
        if len(m.group(1)) == len(m.group(2))
    }


def documented_names(doc, section):
    """Names documented in a section ("p, q : array_like" documents both)."""
    block = re.search(rf"^{section}\n-+\n(.*?)(?:^\w[\w ]*\n-+$|\Z)", doc, re.M | re.S)
    names = set()
    for line in block.group(1).splitlines() if block else []:
        m = re.match(r"^(\w+(?:, \w+)*) :", line)
        if m:
            names.update(m.group(1).split(", "))
    return names


FUNCTIONS = sorted(name for name in PUBLIC_API if inspect.isfunction(getattr(infolib, name, None)))
CLASSES = sorted(name for name in PUBLIC_API if inspect.isclass(getattr(infolib, name, None)))
WITH_EXAMPLES = sorted(
    name for name in PUBLIC_API if ">>>" in (inspect.getdoc(getattr(infolib, name, None)) or "")
)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_public_function_has_a_numpydoc_docstring(name):
    obj = getattr(infolib, name)
    doc = inspect.getdoc(obj)
    assert doc, f"{name} has no docstring"
    found = sections(doc)
    parameters = set(inspect.signature(obj).parameters)
    # numpydoc: a function without parameters has no Parameters section.
    required = ["Parameters", "Returns", "Examples"] if parameters else ["Returns", "Examples"]
    for title in required:
        assert title in found, f"{name}: no {title} section"
    order = [found[t] for t in required]
    assert order == sorted(order), f"{name}: sections out of numpydoc order"
    assert ">>>" in doc[found["Examples"] :], f"{name}: Examples has no doctest"
    if parameters:
        assert documented_names(doc, "Parameters") == parameters
    else:
        assert "Parameters" not in found, f"{name}: a Parameters section, but no parameters"


@pytest.mark.parametrize("name", CLASSES)
def test_public_class_documents_its_fields(name):
    # A class documents its constructor's arguments under Parameters or, for a result
    # record such as GaussianFit, under Attributes.
    obj = getattr(infolib, name)
    doc = inspect.getdoc(obj)
    assert doc, f"{name} has no docstring"
    documented = documented_names(doc, "Parameters") | documented_names(doc, "Attributes")
    assert documented == set(inspect.signature(obj).parameters)


def test_every_public_function_has_runnable_examples():
    assert set(FUNCTIONS) <= set(WITH_EXAMPLES)


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples_run(name):
    # Also run by --doctest-modules; here so that this file checks them on its own.
    obj = getattr(infolib, name)
    globs = vars(sys.modules[obj.__module__]).copy()
    tests = doctest.DocTestFinder(recurse=False).find(obj, name, globs=globs)
    assert tests and tests[0].examples, f"{name} has no examples"
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_import_does_not_load_plotting_or_widgets():
    code = (
        "import sys, infolib; "
        "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'anywidget') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
