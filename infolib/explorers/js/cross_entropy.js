// CrossEntropyExplorer: a fixed truth p, a model q = weights / total, and H(p) beside H(p, q)
// with the gap between them hatched. Everything is computed in the page (closed forms in
// core.js); an outcome p can produce and q rules out makes H(p, q) infinite, and is named.
import {
  axes,
  crossEntropy,
  entropy,
  figureSvg,
  fmt,
  follow,
  guarded,
  h,
  hatchPattern,
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

const WEIGHTS = { min: 0, max: 10, step: 0.1 };
const INF = Number.POSITIVE_INFINITY;

function names(labels, indices) {
  return indices.map((i) => labels[i]).join(", ");
}

function table(labels, p, weights, total, q) {
  const row = (head, cells) => h("tr", {}, h("th", { scope: "row" }, ...[head].flat()), ...cells);
  return h(
    "table",
    { class: "ix-table" },
    h("tr", {}, h("th", { scope: "col" }, "outcome"), ...labels.map((l) => h("th", { scope: "col" }, l))),
    row(
      "truth p(x)",
      p.map((x, i) => h("td", {}, num(`p.${i}`, x, 3))),
    ),
    row(
      "weight",
      weights.map((w, i) => h("td", {}, num(`weight.${i}`, w, 1))),
    ),
    q
      ? row(
          ["q(x) = weight / ", num("total", total, 1)],
          q.map((x, i) => h("td", {}, num(`q.${i}`, x, 3))),
        )
      : row(
          "q(x) = weight / total",
          labels.map(() => h("td", {}, "–")),
        ),
  );
}

function verdict(labels, hp, q, ce, gap, missed) {
  const hText = ["H(p) = ", h("b", {}, num("entropy", hp, 3, "bits"))];
  if (!q) {
    return h(
      "p",
      { class: "ix-result" },
      ...hText,
      ". Every weight is 0, so there is no model q to compare: raise at least one weight.",
    );
  }
  if (ce === INF) {
    return h(
      "p",
      { class: "ix-result" },
      ...hText,
      "; H(p, q) = ",
      h("b", {}, num("cross_entropy", ce, 3), " (infinite)"),
      `: q gives probability 0 to ${names(labels, missed)}, which p can produce. A code built for q has no ` +
        "codeword for it, so the gap H(p, q) − H(p) is ",
      num("gap", gap, 3),
      " too.",
    );
  }
  return h(
    "p",
    { class: "ix-result" },
    ...hText,
    "; H(p, q) = ",
    h("b", {}, num("cross_entropy", ce, 3, "bits")),
    "; the gap H(p, q) − H(p) = ",
    h("b", {}, num("gap", gap, 3, "bits")),
    " (chapter 5 names it).",
  );
}

function altText(labels, p, q, hp, ce, gap, missed) {
  const listed = (values) => labels.map((l, i) => `${l} ${fmt(values[i], 3)}`).join(", ");
  const text = `Left: bar chart of the true distribution p (${listed(p)})`;
  const hText = `H(p) = ${fmt(hp, 3)} bits`;
  if (!q) return `${text}; every model weight is 0, so there is no model q. Right: ${hText}.`;
  const start = `${text} beside the model q (${listed(q)}). Right: ${hText} `;
  if (ce === INF) {
    return (
      `${start}beside an infinite H(p, q): q gives probability 0 to ${names(labels, missed)} (marked with a ` +
      "cross), which p can produce."
    );
  }
  return `${start}beside H(p, q) = ${fmt(ce, 3)} bits; the gap of ${fmt(gap, 3)} bits between them is hatched.`;
}

/** H(p) beside H(p, q) on a bits axis; the gap hatched; off-scale values capped and labelled. */
function gapBars(svg, { x, y, w, hgt, top, hp, ce, gap }) {
  const sy = axes(svg, { x, y, w, hgt, yMin: 0, yMax: top });
  yLabelAt(svg, x - 34, y + hgt / 2, "average code length (bits)");
  const cap = 0.88 * top;
  const bar = Math.min(48, w * 0.25);
  const cx = [x + w * 0.22, x + w * 0.64];
  const place = (value) => Math.min(value, cap);
  const label = (value) => {
    if (value === INF) return "∞ (infinite)";
    return value <= cap ? fmt(value, 3) : `↑ ${fmt(value, 3)}`;
  };
  const hShown = place(hp);
  svg.append(
    s("rect", {
      x: cx[0] - bar / 2,
      y: sy(hShown),
      width: bar,
      height: sy(0) - sy(hShown),
      class: "ix-p ix-outline",
    }),
    s("text", { x: cx[0], y: sy(0) + 18, "text-anchor": "middle", class: "ix-tick" }, "H(p)"),
    s("text", { x: cx[1], y: sy(0) + 18, "text-anchor": "middle", class: "ix-tick" }, "H(p, q)"),
  );
  const texts = [[cx[0], sy(hShown) - 5, label(hp)]];
  if (ce === null) {
    texts.push([cx[1], sy(0) - 5, "no model"]);
  } else {
    const ceShown = place(ce);
    svg.append(
      s("rect", {
        x: cx[1] - bar / 2,
        y: sy(ceShown),
        width: bar,
        height: sy(0) - sy(ceShown),
        class: "ix-q ix-outline",
      }),
    );
    if (ceShown > hShown) {
      svg.append(
        s("rect", {
          x: cx[1] - bar / 2,
          y: sy(ceShown),
          width: bar,
          height: sy(hShown) - sy(ceShown),
          fill: hatchPattern(svg),
        }),
      );
    }
    const gx = cx[1] + bar / 2 + 6;
    const gy = (sy(hShown) + sy(ceShown)) / 2;
    svg.append(
      s("text", { x: gx, y: gy - 2, class: "ix-tick" }, "gap"),
      s("text", { x: gx, y: gy + 13, class: "ix-tick" }, gap === INF ? "∞" : `${fmt(gap, 3)} bits`),
    );
    texts.push([cx[1], sy(ceShown) - 5, label(ce)]);
  }
  // The level of H(p), dashed across both bars, so the gap reads as the part above it.
  const level = sy(hShown);
  const [x1, x2] = [cx[0] - bar / 2 - 6, cx[1] + bar / 2 + 4];
  svg.append(s("line", { x1, x2, y1: level, y2: level, class: "ix-ceiling" }));
  for (const [tx, ty, text] of texts) {
    svg.append(s("text", { x: tx, y: ty, "text-anchor": "middle", class: "ix-tick ix-strong" }, text));
  }
}

function draw(container, labels, p, q, hp, ce, gap, missed, alt) {
  const narrow = (container.clientWidth || 640) < 560;
  const { svg, width } = figureSvg(container, { height: narrow ? 560 : 300, alt });
  const left = 52;
  const top = 40;
  const panelH = narrow ? 200 : 212;
  const barsW = narrow ? width - left - 10 : Math.floor((width - left) * 0.5);
  legend(svg, left, 16, [
    ["ix-p", "truth p"],
    ["ix-q", "model q"],
  ]);
  const { sy, centres } = pairedBars(svg, {
    x: left,
    y: top,
    w: barsW,
    hgt: panelH,
    labels,
    first: p,
    second: q,
    classes: ["ix-p", "ix-q"],
    yLabel: "probability",
    unlabelled: missed,
  });
  // A cross on each outcome that p can produce and q rules out.
  for (const i of missed) {
    const cx = centres[i];
    const cy = sy(0) - 8;
    svg.append(
      s("line", { x1: cx - 6, x2: cx + 6, y1: cy - 6, y2: cy + 6, class: "ix-cross" }),
      s("line", { x1: cx - 6, x2: cx + 6, y1: cy + 6, y2: cy - 6, class: "ix-cross" }),
    );
  }
  const gapBox = narrow
    ? { x: left, y: top + panelH + 70, w: width - left - 90, hgt: panelH }
    : { x: left + barsW + 70, y: top, w: width - left - barsW - 70 - 86, hgt: panelH };
  const ceiling = Math.log2(labels.length);
  gapBars(svg, { ...gapBox, top: 2 * ceiling + 0.5, hp, ce: q ? ce : null, gap });
}

function render({ model, el, staticPage }) {
  const labels = model.get("labels");
  const parts = shell(el, {
    title: "Cross-entropy explorer: move the model q, the truth p stays",
    staticPage,
  });
  const update = guarded(parts, () => {
    const p = model.get("p"); // fixed for the reader; a kernel user may set it
    const hp = entropy(p);
    const weights = model.get("weights");
    const q = normalize(weights);
    const total = weights.reduce((a, b) => a + b, 0);
    const ce = q ? crossEntropy(p, q) : null;
    // The gap H(p, q) - H(p) is D(p || q), computed as such: never negative (Gibbs), where the
    // difference of two rounded numbers could print "-0.000".
    const gap = q ? klDivergence(p, q) : null;
    const missed = q ? ruledOut(p, q) : [];
    parts.readout.replaceChildren(
      table(labels, p, weights, total, q),
      verdict(labels, hp, q, ce, gap, missed),
    );
    parts.message.textContent = q ? "" : "No model: every weight is 0.";
    draw(parts.figure, labels, p, q, hp, ce, gap, missed, altText(labels, p, q, hp, ce, gap, missed));
  });
  const sliders = labels.map((label, i) =>
    slider({
      label: `weight of ${label}`,
      key: `weights.${i}`,
      ...WEIGHTS,
      value: model.get("weights")[i],
      format: (v) => fmt(v, 1),
      onInput: (v) => {
        const weights = model.get("weights").slice();
        weights[i] = v;
        model.set("weights", weights);
        model.save_changes();
      },
    }),
  );
  parts.controls.append(...sliders.map((c) => c.el));
  // A new truth p (set from a kernel) has no control of its own to move: it only redraws.
  const sync = (trait) => {
    if (trait !== "weights") return;
    model.get("weights").forEach((w, i) => {
      sliders[i].set(w);
    });
  };
  const unfollow = follow(model, ["weights", "p"], sync, update);
  onWidthChange(parts.figure, update);
  update();
  return unfollow;
}

export default { render };
