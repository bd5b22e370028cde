// DivergenceExplorer: weights for a truth p and a model q -> D(p || q), D(q || p) and JS(p, q)
// in bits, as numbers and bars. Everything is computed in the page (closed forms in core.js);
// an infinite KL is explained by naming the outcomes that make it so.
import {
  axes,
  figureSvg,
  fmt,
  follow,
  guarded,
  h,
  hatchPattern,
  jsDivergence,
  klDivergence,
  legend,
  normalize,
  num,
  onWidthChange,
  pairedBars,
  ruledOut,
  s,
  shell,
  slider,
  yLabelAt,
} from "./core.js";

const WEIGHTS = { min: 0, max: 10, step: 0.5 };
/** Top of the divergence axis in bits: a larger value (or ∞) fills it, hatched. */
const TOP = 4;
const INF = Number.POSITIVE_INFINITY;

function names(labels, indices) {
  return indices.map((i) => labels[i]).join(", ");
}

function table(labels, p, q) {
  const row = (head, values, key) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, head),
      ...labels.map((_, i) => h("td", {}, values ? num(`${key}.${i}`, values[i], 3) : "–")),
    );
  return h(
    "table",
    { class: "ix-table" },
    h("tr", {}, h("th", { scope: "col" }, "outcome"), ...labels.map((l) => h("th", { scope: "col" }, l))),
    row("truth p(x)", p, "p"),
    row("model q(x)", q, "q"),
  );
}

/** One KL value for the readout: bits, or ∞ with the outcomes that make it infinite. */
function klValue(key, d, first, second, missed) {
  if (d !== INF) return [h("b", {}, num(key, d, 3, "bits"))];
  return [
    h("b", {}, num(key, d, 3)),
    ` (${second} gives probability 0 to ${missed}, which ${first} can produce)`,
  ];
}

function results(labels, p, q) {
  const klPQ = klDivergence(p, q);
  const klQP = klDivergence(q, p);
  const js = jsDivergence(p, q);
  const missedPQ = names(labels, ruledOut(p, q));
  const missedQP = names(labels, ruledOut(q, p));
  const text = h(
    "p",
    { class: "ix-result" },
    "D",
    h("sub", {}, "KL"),
    "(p ‖ q) = ",
    ...klValue("kl_pq", klPQ, "p", "q", missedPQ),
    "; D",
    h("sub", {}, "KL"),
    "(q ‖ p) = ",
    ...klValue("kl_qp", klQP, "q", "p", missedQP),
    "; JS(p, q) = ",
    h("b", {}, num("js", js, 3, "bits")),
    " (never above 1 bit).",
  );
  return { klPQ, klQP, js, text };
}

function altText(labels, p, q, values, empty) {
  const listed = (v) => labels.map((l, i) => `${l} ${fmt(v[i], 3)}`).join(", ");
  if (empty) {
    // Say what is still drawn: the one distribution that exists, if any.
    const shown = p
      ? ` Only the truth p is drawn (${listed(p)}).`
      : q
        ? ` Only the model q is drawn (${listed(q)}).`
        : "";
    return `Every weight of ${empty} is 0, so no divergence is shown.${shown}`;
  }
  const spoken = (d) => (d === INF ? "infinite" : `${fmt(d, 3)} bits`);
  const [klPQ, klQP, js] = values;
  return (
    `Paired bars of the truth p (${listed(p)}) and the model q (${listed(q)}). Beside them, three bars: ` +
    `D(p||q) = ${spoken(klPQ)}, D(q||p) = ${spoken(klQP)}, JS = ${fmt(js, 3)} bits; a dotted line marks ` +
    "JS's ceiling of 1 bit."
  );
}

/** Three bars on a bits axis; a value above TOP (or ∞) fills the axis, hatched. */
function divergenceBars(svg, { x, y, w, hgt, values }) {
  const sy = axes(svg, { x, y, w, hgt, yMin: 0, yMax: TOP * 1.12, yTicks: [0, 1, 2, 3, 4] });
  yLabelAt(svg, x - 30, y + hgt / 2, "bits");
  const names3 = ["D(p‖q)", "D(q‖p)", "JS"];
  const classes = ["ix-q", "ix-extra", "ix-good"];
  const slot = w / 3;
  const bar = Math.min(48, slot * 0.6);
  const hatch = hatchPattern(svg);
  values.forEach((value, i) => {
    const cx = x + slot * (i + 0.5);
    const shown = value === null ? 0 : Math.min(value, TOP);
    const box = { x: cx - bar / 2, y: sy(shown), width: bar, height: sy(0) - sy(shown) };
    svg.append(
      s("rect", { ...box, class: `${classes[i]} ix-outline` }),
      s("text", { x: cx, y: sy(0) + 18, "text-anchor": "middle", class: "ix-tick" }, names3[i]),
    );
    if (value !== null && value > TOP) svg.append(s("rect", { ...box, fill: hatch }));
    if (value !== null) {
      const label = value === INF ? "∞" : fmt(value, 3);
      svg.append(
        s("text", { x: cx, y: sy(shown) - 5, "text-anchor": "middle", class: "ix-tick ix-strong" }, label),
      );
    }
  });
  // JS's ceiling, labelled in the margin right of the plot, clear of the bars and their values.
  svg.append(
    s("line", { x1: x, x2: x + w + 4, y1: sy(1), y2: sy(1), class: "ix-dotted" }),
    s("text", { x: x + w + 8, y: sy(1) - 3, class: "ix-tick" }, "JS ceiling"),
    s("text", { x: x + w + 8, y: sy(1) + 13, class: "ix-tick" }, "1 bit"),
  );
}

function draw(container, labels, p, q, values, alt) {
  const narrow = (container.clientWidth || 640) < 560;
  const { svg, width } = figureSvg(container, { height: narrow ? 540 : 290, alt });
  const left = 52;
  const top = 40;
  const panelH = 200;
  const barsW = narrow ? width - left - 10 : Math.floor((width - left) * 0.52);
  legend(svg, left, 16, [
    ["ix-p", "truth p"],
    ["ix-q", "model q"],
  ]);
  const classes = ["ix-p", "ix-q"];
  const box = { x: left, y: top, w: barsW, hgt: panelH };
  pairedBars(svg, { ...box, labels, first: p, second: q, classes, yLabel: "probability" });
  const side = narrow
    ? { x: left, y: top + panelH + 70, w: width - left - 76, hgt: panelH }
    : { x: left + barsW + 60, y: top, w: width - left - barsW - 136, hgt: panelH };
  divergenceBars(svg, { ...side, values });
}

function render({ model, el, staticPage }) {
  const labels = model.get("labels");
  const parts = shell(el, {
    title: "Divergence explorer: set weights for p and q, see both directions",
    staticPage,
  });
  const update = guarded(parts, () => {
    const p = normalize(model.get("p_weights"));
    const q = normalize(model.get("q_weights"));
    if (!p || !q) {
      const empty = !p && !q ? "p and of q" : !p ? "p" : "q";
      const which =
        !p && !q ? "neither p nor q is a distribution" : `${!p ? "p" : "q"} is not a distribution`;
      parts.readout.replaceChildren(
        table(labels, p, q),
        h("p", {}, `Every weight of ${empty} is 0, so ${which}: raise at least one of its weights.`),
      );
      parts.message.textContent = `No divergence: every weight of ${empty} is 0.`;
      draw(parts.figure, labels, p, q, [null, null, null], altText(labels, p, q, [], empty));
      return;
    }
    parts.message.textContent = "";
    const { klPQ, klQP, js, text } = results(labels, p, q);
    parts.readout.replaceChildren(table(labels, p, q), text);
    draw(parts.figure, labels, p, q, [klPQ, klQP, js], altText(labels, p, q, [klPQ, klQP, js], null));
  });
  const controls = {};
  for (const trait of ["p_weights", "q_weights"]) {
    const who = trait[0];
    const group = h("div", { class: "ix-group ix-half", role: "group", "aria-label": `weights of ${who}` });
    group.append(h("p", { class: "ix-group-title" }, who === "p" ? "truth p: weights" : "model q: weights"));
    controls[trait] = labels.map((label, i) =>
      slider({
        label: `${who}(${label})`,
        key: `${trait}.${i}`,
        ...WEIGHTS,
        value: model.get(trait)[i],
        format: (v) => fmt(v, 1),
        onInput: (v) => {
          const weights = model.get(trait).slice();
          weights[i] = v;
          model.set(trait, weights);
          model.save_changes();
        },
      }),
    );
    group.append(...controls[trait].map((c) => c.el));
    parts.controls.append(group);
  }
  const sync = (trait) => {
    model.get(trait).forEach((w, i) => {
      controls[trait][i].set(w);
    });
  };
  const unfollow = follow(model, ["p_weights", "q_weights"], sync, update);
  onWidthChange(parts.figure, update);
  update();
  return unfollow;
}

export default { render };
