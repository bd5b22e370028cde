// MisconceptionExplorer: a truth p and a model q from weights -> H(p), H(q), both cross-entropies,
// both KL divergences (bits) and six popular claims checked on the pair. Everything is computed
// in the page; checkClaims mirrors infolib.readouts.misconception.check_claims exactly.
import {
  axes,
  crossEntropy,
  entropy,
  figureSvg,
  fmt,
  follow,
  guarded,
  h,
  klDivergence,
  normalize,
  num,
  onWidthChange,
  s,
  shell,
  slider,
  uniqueId,
} from "./core.js";

const RTOL = 1e-9;
const ATOL = 1e-12;
/** Top of the cross-entropy axis, in bits; larger totals are drawn off the scale. */
const TOP_BITS = 5;

/** numpy.isclose(a, b, rtol=1e-9, atol=1e-12): two infinities of the same sign are equal. */
function same(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= ATOL + RTOL * Math.abs(b);
}

function measures(p, q) {
  const m = p.map((x, i) => (x + q[i]) / 2);
  return {
    entropy_p: entropy(p),
    entropy_q: entropy(q),
    cross_entropy_pq: crossEntropy(p, q),
    cross_entropy_qp: crossEntropy(q, p),
    kl_pq: klDivergence(p, q),
    kl_qp: klDivergence(q, p),
    kl_through_mixture: klDivergence(p, m) + klDivergence(m, q),
  };
}

function checkClaims(v) {
  return {
    perfect_model_scores_zero: v.entropy_p === 0,
    kl_symmetric: same(v.kl_pq, v.kl_qp),
    names_interchangeable: same(v.cross_entropy_pq, v.cross_entropy_qp),
    // A distance is never infinite, so an infinite D(p‖q) fails the claim (inf <= inf would
    // pass). By convexity the detour through m is never longer than the direct way, so with
    // p != q and finite divergences the check always fails.
    triangle_inequality: Number.isFinite(v.kl_pq) && v.kl_pq <= v.kl_through_mixture * (1 + RTOL) + ATOL,
    finite_cost: Number.isFinite(v.kl_pq),
    decomposition: same(v.cross_entropy_pq, v.entropy_p + v.kl_pq),
  };
}

/** The numbers behind each verdict, in bits (each a data-key span). */
function evidence(v) {
  const b = (key) => num(key, v[key], 3);
  return {
    perfect_model_scores_zero: ["even q = p scores H(p, p) = H(p) = ", b("entropy_p")],
    kl_symmetric: ["D(p‖q) = ", b("kl_pq"), ", D(q‖p) = ", b("kl_qp")],
    names_interchangeable: ["H(p, q) = ", b("cross_entropy_pq"), ", H(q, p) = ", b("cross_entropy_qp")],
    triangle_inequality: Number.isFinite(v.kl_pq)
      ? ["D(p‖q) = ", b("kl_pq"), ", through m: ", b("kl_through_mixture")]
      : [
          "D(p‖q) = ",
          b("kl_pq"),
          " (through m: ",
          b("kl_through_mixture"),
          "): a distance is never infinite",
        ],
    finite_cost: Number.isFinite(v.kl_pq)
      ? ["D(p‖q) = ", b("kl_pq")]
      : ["D(p‖q) = ", b("kl_pq"), ": q gives probability 0 to an outcome p produces"],
    decomposition: [
      b("cross_entropy_pq"),
      " = ",
      b("entropy_p"),
      " + ",
      b("kl_pq"),
      " (to rounding); H(p) does not involve q",
    ],
  };
}

function readout(labels, p, q, v, claims, claimTexts) {
  const row = (name, values) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, name),
      ...values.map((x, i) => h("td", {}, num(`${name}.${i}`, x, 3))),
    );
  const dist = h(
    "table",
    { class: "ix-table" },
    h("tr", {}, h("th", { scope: "col" }, "outcome"), ...labels.map((l) => h("th", { scope: "col" }, l))),
    row("p", p),
    row("q", q),
  );
  const line = h(
    "p",
    { class: "ix-result" },
    "In bits: H(p) = ",
    num("entropy_p", v.entropy_p, 3),
    ", H(q) = ",
    num("entropy_q", v.entropy_q, 3),
    ", H(p, q) = ",
    h("b", {}, num("cross_entropy_pq", v.cross_entropy_pq, 3)),
    ", H(q, p) = ",
    num("cross_entropy_qp", v.cross_entropy_qp, 3),
    ", D(p‖q) = ",
    h("b", {}, num("kl_pq", v.kl_pq, 3)),
    ", D(q‖p) = ",
    num("kl_qp", v.kl_qp, 3),
    ".",
  );
  const why = evidence(v);
  const chip = (key) =>
    h(
      "span",
      { class: claims[key] ? "ix-holds" : "ix-fails", "data-claim": key, "data-holds": String(claims[key]) },
      claims[key] ? "✔ holds" : "✘ fails",
    );
  const rows = claimTexts.map(([key, claim]) =>
    h(
      "tr",
      {},
      h("td", { class: "ix-text" }, claim, h("br"), h("span", { class: "ix-evidence" }, ...why[key])),
      h("td", {}, chip(key)),
    ),
  );
  const table = h(
    "table",
    { class: "ix-table ix-claims" },
    h(
      "tr",
      {},
      h("th", { scope: "col", class: "ix-text" }, "claim, and this pair's numbers in bits"),
      h("th", { scope: "col" }, "verdict"),
    ),
    ...rows,
  );
  return [dist, line, table];
}

/** A legend entry: a swatch (class) and its text, at (x, y); returns its width. */
function legendItem(svg, x, y, cls, text, fill) {
  svg.append(
    s("rect", { x, y: y - 10, width: 12, height: 12, class: cls, fill }),
    s("text", { x: x + 16, y, class: "ix-tick" }, text),
  );
  return 22 + text.length * 7;
}

/** A panel's vertical axis title, turned to read upwards, left of the panel. */
function yLabel(svg, box, text) {
  const y = box.y + box.h / 2;
  const turn = `rotate(-90 ${box.labelX} ${y})`;
  svg.append(
    s("text", { x: box.labelX, y, transform: turn, "text-anchor": "middle", class: "ix-label" }, text),
  );
}

function distributionPanel(svg, box, labels, p, q) {
  const sy = axes(svg, { x: box.x, y: box.y, w: box.w, hgt: box.h, yMin: 0, yMax: 1 });
  yLabel(svg, box, "probability");
  const slot = box.w / labels.length;
  const bar = Math.min(30, slot * 0.34);
  labels.forEach((label, i) => {
    const cx = box.x + slot * (i + 0.5);
    const pv = p ? p[i] : 0;
    const qv = q ? q[i] : 0;
    svg.append(
      s("rect", { x: cx - bar - 1, y: sy(pv), width: bar, height: sy(0) - sy(pv), class: "ix-p" }),
      s("rect", { x: cx + 1, y: sy(qv), width: bar, height: sy(0) - sy(qv), class: "ix-q" }),
      s("text", { x: cx, y: sy(0) + 18, "text-anchor": "middle", class: "ix-tick" }, label),
    );
  });
  const lx = box.x + 4;
  const used = legendItem(svg, lx, box.y - 12, "ix-p", "truth p");
  legendItem(svg, lx + used, box.y - 12, "ix-q", "model q");
}

function chainPanel(svg, box, v, hatch) {
  const sy = axes(svg, { x: box.x, y: box.y, w: box.w, hgt: box.h, yMin: 0, yMax: TOP_BITS });
  yLabel(svg, box, "cross-entropy (bits)");
  const bars = v
    ? [
        { h: v.entropy_p, d: v.kl_pq, cls: "ix-p", name: "H(p, q)", sub: "data from p" },
        { h: v.entropy_q, d: v.kl_qp, cls: "ix-q", name: "H(q, p)", sub: "names swapped" },
      ]
    : [
        { h: 0, d: 0, cls: "ix-p", name: "H(p, q)", sub: "data from p" },
        { h: 0, d: 0, cls: "ix-q", name: "H(q, p)", sub: "names swapped" },
      ];
  // Off-scale bars stop short of the top, leaving room for their label.
  const cap = 0.86 * TOP_BITS;
  const slot = box.w / 2;
  const bar = Math.min(70, slot * 0.5);
  bars.forEach((b, i) => {
    const cx = box.x + slot * (i + 0.5);
    const total = b.h + b.d;
    const hShown = Math.min(b.h, cap);
    const shown = Math.min(total, cap);
    svg.append(
      s("rect", {
        x: cx - bar / 2,
        y: sy(hShown),
        width: bar,
        height: sy(0) - sy(hShown),
        class: `${b.cls} ix-edge`,
      }),
      s("rect", {
        x: cx - bar / 2,
        y: sy(shown),
        width: bar,
        height: sy(hShown) - sy(shown),
        fill: `url(#${hatch})`,
        class: "ix-edge",
      }),
      s("text", { x: cx, y: sy(0) + 18, "text-anchor": "middle", class: "ix-tick" }, b.name),
      s("text", { x: cx, y: sy(0) + 33, "text-anchor": "middle", class: "ix-tick" }, b.sub),
    );
    if (v) {
      let label = `${fmt(total, 3)} bits`;
      if (!Number.isFinite(total)) label = "∞ (infinite)";
      else if (total > cap) label = `↑ ${fmt(total, 3)} bits`;
      svg.append(
        s("text", { x: cx, y: sy(shown) - 5, "text-anchor": "middle", class: "ix-tick ix-strong" }, label),
      );
    }
  });
  let lx = box.x + 4;
  lx += legendItem(svg, lx, box.y - 12, "ix-p", "H(p)");
  lx += legendItem(svg, lx, box.y - 12, "ix-q", "H(q)");
  legendItem(svg, lx, box.y - 12, "ix-edge", "KL: the extra bits", `url(#${hatch})`);
}

function draw(container, { labels, p, q, v, holds, total, which }) {
  const width = Math.max(280, Math.min(720, Math.floor(container.clientWidth || 640)));
  const narrow = width < 560;
  const list = (d) => labels.map((l, i) => `${l} ${fmt(d[i], 3)}`).join(", ");
  const [first, second] = narrow ? ["Top", "Below it"] : ["Left", "Right"];
  const b = (x) => fmt(x, 3);
  const alt = v
    ? `${first}: bar chart of the truth p (${list(p)}) beside the model q (${list(q)}). ` +
      `${second}: two stacked bars. H(p, q) = ${b(v.cross_entropy_pq)} bits, made of H(p) = ${b(v.entropy_p)} ` +
      `and D(p‖q) = ${b(v.kl_pq)}; with the names swapped, H(q, p) = ${b(v.cross_entropy_qp)} bits, made of ` +
      `H(q) = ${b(v.entropy_q)} and D(q‖p) = ${b(v.kl_qp)}. ${holds} of the ${total} claims ${holds === 1 ? "holds" : "hold"} for this pair.`
    : `Every weight of ${which} is 0: no pair is shown.`;
  const panelH = 190;
  const { svg } = figureSvg(container, { height: narrow ? 2 * panelH + 120 : panelH + 90, alt });
  const hatch = uniqueId("hatch");
  svg.append(
    s(
      "defs",
      {},
      s(
        "pattern",
        { id: hatch, patternUnits: "userSpaceOnUse", width: 8, height: 8, patternTransform: "rotate(45)" },
        s("rect", { x: 0, y: 0, width: 8, height: 8, class: "ix-accent" }),
        s("line", { x1: 0, y1: 0, x2: 0, y2: 8, class: "ix-hatch-ink" }),
      ),
    ),
  );
  if (narrow) {
    const box = { x: 52, w: width - 64, h: panelH - 40, labelX: 12 };
    distributionPanel(svg, { ...box, y: 30 }, labels, p, q);
    chainPanel(svg, { ...box, y: panelH + 84 }, v, hatch);
  } else {
    const half = (width - 20) / 2;
    distributionPanel(svg, { x: 52, y: 30, w: half - 60, h: panelH, labelX: 12 }, labels, p, q);
    chainPanel(svg, { x: half + 72, y: 30, w: half - 60, h: panelH, labelX: half + 32 }, v, hatch);
  }
}

function render({ model, el, staticPage }) {
  const labels = model.get("labels");
  const claimTexts = model.get("claim_texts");
  const parts = shell(el, {
    title: "Misconception explorer: check popular claims on your own p and q",
    staticPage,
  });
  const update = guarded(parts, () => {
    const p = normalize(model.get("p_weights"));
    const q = normalize(model.get("q_weights"));
    if (!p || !q) {
      const which = p ? "the model q" : "the truth p";
      parts.readout.replaceChildren(
        h(
          "p",
          {},
          `Every weight of ${which} is 0, so there is no distribution to divide out: ` +
            "raise at least one of its weights.",
        ),
      );
      parts.message.textContent = `No pair: every weight of ${which} is 0.`;
      draw(parts.figure, { labels, p: null, q: null, v: null, which });
      return;
    }
    parts.message.textContent = "";
    const v = measures(p, q);
    const claims = checkClaims(v);
    parts.readout.replaceChildren(...readout(labels, p, q, v, claims, claimTexts));
    const holds = Object.values(claims).filter(Boolean).length;
    draw(parts.figure, { labels, p, q, v, holds, total: claimTexts.length });
  });
  const sliders = {};
  for (const [trait, name, title] of [
    ["p_weights", "p", "truth p: a weight for each outcome"],
    ["q_weights", "q", "model q: a weight for each outcome"],
  ]) {
    sliders[trait] = labels.map((label, i) =>
      slider({
        label: `${name}: ${label}`,
        key: `${trait}.${i}`,
        min: 0,
        max: 10,
        step: 0.5,
        value: model.get(trait)[i],
        format: (x) => fmt(x, 1),
        onInput: (x) => {
          const weights = model.get(trait).slice();
          weights[i] = x;
          model.set(trait, weights);
          model.save_changes();
        },
      }),
    );
    parts.controls.append(
      h(
        "div",
        { class: "ix-group" },
        h("p", { class: "ix-group-title" }, title),
        ...sliders[trait].map((c) => c.el),
      ),
    );
  }
  const sync = (trait) => {
    model.get(trait).forEach((w, i) => {
      sliders[trait][i].set(w);
    });
  };
  const unfollow = follow(model, Object.keys(sliders), sync, update);
  onWidthChange(parts.figure, update);
  update();
  return unfollow;
}

export default { render };
