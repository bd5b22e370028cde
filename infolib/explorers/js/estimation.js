// EstimationExplorer: samples of size n from a known distribution of 8 outcomes -> the mean and
// spread of the plug-in and Miller-Madow entropy estimates against the true entropy. The seeded
// estimates are summarised in Python (the synced "table"); the page computes the true entropy,
// the biases and the first-order bias -(m - 1) / (2 n ln 2) bits.
import {
  entropy,
  fmt,
  fmtInt,
  guarded,
  h,
  legend,
  num,
  numInt,
  onWidthChange,
  plotFrame,
  rowTable,
  s,
  seededControls,
  shell,
} from "./core.js";

const COLUMNS = ["plugin.mean", "plugin.sd", "miller_madow.mean", "miller_madow.sd", "seen.mean"];
const ESTIMATORS = [
  ["plugin", "plug-in H(p̂)", "ix-p", "ix-line-p"],
  ["miller_madow", "Miller-Madow", "ix-q", "ix-line-q"],
];

function row(table, k) {
  return Object.fromEntries(COLUMNS.map((c, i) => [c, table[k][i]]));
}

function numbers(p, table, k, n) {
  const r = row(table, k);
  const hTrue = entropy(p);
  const m = p.filter((x) => x > 0).length;
  r.entropy = hTrue;
  r["plugin.bias"] = r["plugin.mean"] - hTrue;
  r["miller_madow.bias"] = r["miller_madow.mean"] - hTrue;
  r.first_order_bias = -(m - 1) / (2 * n * Math.LN2);
  return r;
}

function readout(n, name, r, repeats) {
  return [
    h(
      "p",
      { class: "ix-result" },
      `${fmtInt(repeats)} samples of n = `,
      numInt("n", n),
      ` from the ${name} distribution (true entropy `,
      h("b", {}, num("entropy", r.entropy, 3, "bits")),
      "). First-order bias of the plug-in estimate −(m − 1)/(2n ln 2): ",
      num("first_order_bias", r.first_order_bias, 3, "bits"),
      "; outcomes seen per sample, on average: ",
      num("seen.mean", r["seen.mean"], 2),
      " of 8.",
    ),
    rowTable(
      ["estimator", "mean (bits)", "spread (sd)", "bias (bits)"],
      ESTIMATORS.map(([key, label]) => [
        label,
        num(`${key}.mean`, r[`${key}.mean`], 3),
        num(`${key}.sd`, r[`${key}.sd`], 3),
        num(`${key}.bias`, r[`${key}.bias`], 3),
      ]),
    ),
  ];
}

function draw(container, { sizes, k, name, table, r }) {
  const alt =
    `Chart of entropy estimates in bits against the sample size n from ${sizes[0]} to ` +
    `${fmtInt(sizes[sizes.length - 1])}, for the ${name} distribution with true entropy ` +
    `${fmt(r.entropy, 3)} bits. At n = ${fmtInt(sizes[k])} the plug-in estimates average ` +
    `${fmt(r["plugin.mean"], 3)} bits and the Miller-Madow estimates ${fmt(r["miller_madow.mean"], 3)} bits.`;
  const { svg, width, left, top, plotW, plotH, sy } = plotFrame(container, {
    height: 300,
    alt,
    top: 44,
    yMin: 0,
    yMax: 3.5,
    yTicks: [0, 1, 2, 3],
    yLabel: "estimate (bits)",
    xLabel: "sample size n",
  });
  const slot = plotW / sizes.length;
  const cx = (j) => left + slot * (j + 0.5);
  svg.append(
    s("line", { x1: cx(k) - slot / 2, x2: cx(k) - slot / 2, y1: top, y2: top + plotH, class: "ix-dotted" }),
    s("line", { x1: cx(k) + slot / 2, x2: cx(k) + slot / 2, y1: top, y2: top + plotH, class: "ix-dotted" }),
    s("line", { x1: left, x2: left + plotW, y1: sy(r.entropy), y2: sy(r.entropy), class: "ix-line-good" }),
  );
  const narrow = slot < 40;
  sizes.forEach((n, j) => {
    if (!narrow || j % 2 === 0 || j === k) {
      svg.append(
        s("text", { x: cx(j), y: top + plotH + 18, "text-anchor": "middle", class: "ix-tick" }, fmtInt(n)),
      );
    }
    const values = row(table, j);
    ESTIMATORS.forEach(([key, , fill, stroke], e) => {
      const x = cx(j) + (e === 0 ? -1 : 1) * Math.min(6, slot * 0.15);
      const mean = values[`${key}.mean`];
      const sd = values[`${key}.sd`];
      svg.append(
        s("line", { x1: x, x2: x, y1: sy(mean - sd), y2: sy(mean + sd), class: stroke }),
        s("circle", { cx: x, cy: sy(mean), r: 4, class: fill }),
      );
    });
  });
  const end = legend(svg, left, 18, [
    ["ix-line-good", "true H(p)", "line"],
    ["ix-p", "plug-in", "box"],
  ]);
  const mmWidth = 27 + 7.2 * "Miller-Madow".length + 14;
  const oneRow = end + mmWidth <= width;
  legend(svg, oneRow ? end : left, oneRow ? 18 : 36, [["ix-q", "Miller-Madow", "box"]]);
  const noteX = oneRow ? left : left + mmWidth;
  svg.append(s("text", { x: noteX, y: 36, class: "ix-tick" }, "mean ± 1 sd"));
}

function render({ model, el, staticPage }) {
  const sizes = model.get("sizes");
  const parts = shell(el, { title: "Estimation explorer: entropy from n samples", staticPage });
  const update = guarded(parts, () => {
    const k = model.get("size_index");
    const name = model.get("distribution");
    const n = sizes[k];
    const p = model.get("probabilities")[name];
    const table = model.get("table")[name];
    const r = numbers(p, table, k, n);
    parts.message.textContent = "";
    parts.readout.replaceChildren(...readout(n, name, r, model.get("repeats")));
    draw(parts.figure, { sizes, k, name, table, r });
  });
  const unfollow = seededControls(model, parts, {
    sizeLabel: "sample size n",
    key: "distribution",
    legend: "true distribution",
    table: "table",
    precomputed: () =>
      `Precomputed: ${fmtInt(model.get("repeats"))} seeded samples for each n and distribution ` +
      `(seed ${model.get("seed")}), summarised when the notebook ran.`,
    update,
  });
  onWidthChange(parts.figure, update);
  update();
  return unfollow;
}

export default { render };
