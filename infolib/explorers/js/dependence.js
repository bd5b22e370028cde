// DependenceExplorer: four cell weights -> a 2 x 2 joint table p(x, y) (rows x, columns y), its
// marginals, H(X), H(Y), H(X, Y), H(Y | X), H(X | Y), I(X; Y) and H(Y | X = x) in bits, and the
// two-variable information diagram. Everything is computed in the page (closed forms in core.js).
import {
  entropy,
  figureSvg,
  fmt,
  follow,
  guarded,
  h,
  klDivergence,
  legend,
  normalize,
  num,
  onWidthChange,
  s,
  shell,
  slider,
  tickLabel,
  ticks,
} from "./core.js";

const WEIGHTS = { min: 0, max: 10, step: 0.5 };
/** The largest joint entropy of a 2 x 2 table: log2 4 bits, the end of the diagram's axis. */
const TOP = 2;

/** Every measure of the table `p` (four cells, row by row). */
function measures(p) {
  const rows = [
    [p[0], p[1]],
    [p[2], p[3]],
  ];
  const px = [p[0] + p[1], p[2] + p[3]];
  const py = [p[0] + p[2], p[1] + p[3]];
  // H(Y | X = x) for each row that can happen; a row of zeros has no conditional distribution.
  const hYat = px.map((m, i) => (m > 0 ? entropy(rows[i].map((c) => c / m)) : null));
  const hXat = py.map((m, j) => (m > 0 ? entropy([rows[0][j] / m, rows[1][j] / m]) : null));
  const average = (weights, values) => weights.reduce((acc, w, i) => (w > 0 ? acc + w * values[i] : acc), 0);
  const product = [px[0] * py[0], px[0] * py[1], px[1] * py[0], px[1] * py[1]];
  return {
    rows,
    px,
    py,
    hYat,
    hX: entropy(px),
    hY: entropy(py),
    hXY: entropy(p),
    hYgX: average(px, hYat),
    hXgY: average(py, hXat),
    mi: klDivergence(p, product),
  };
}

function table(xLabels, yLabels, m) {
  const cell = (key, value) => h("td", {}, m ? num(key, value, 3) : "–");
  const header = h(
    "tr",
    {},
    h("th", { scope: "col" }, "p(x, y)"),
    ...yLabels.map((y) => h("th", { scope: "col" }, `Y = ${y}`)),
    h("th", { scope: "col" }, "p(x)"),
    h("th", { scope: "col" }, "H(Y | X = x)"),
  );
  const rows = xLabels.map((x, i) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, `X = ${x}`),
      ...yLabels.map((_, j) => cell(`p.${i}.${j}`, m?.rows[i][j])),
      cell(`px.${i}`, m?.px[i]),
      h("td", {}, m && m.hYat[i] !== null ? num(`h_y_at.${i}`, m.hYat[i], 3, "bits") : "–"),
    ),
  );
  const margin = h(
    "tr",
    {},
    h("th", { scope: "row" }, "p(y)"),
    ...yLabels.map((_, j) => cell(`py.${j}`, m?.py[j])),
    h("td", {}),
    h("td", {}),
  );
  return h("table", { class: "ix-table" }, header, ...rows, margin);
}

function results(xLabels, m) {
  const raised = xLabels.filter((_, i) => m.hYat[i] !== null && m.hYat[i] > m.hY);
  const pointwise = raised.length
    ? `Learning X = ${raised.join(" or ")} leaves Y more uncertain than it was before: its row's ` +
      "H(Y | X = x) is above H(Y). On average, learning X never does that."
    : "No row leaves Y more uncertain than H(Y).";
  return [
    h(
      "p",
      { class: "ix-result" },
      "H(X) = ",
      num("h_x", m.hX, 3, "bits"),
      ", H(Y) = ",
      num("h_y", m.hY, 3, "bits"),
      ", H(X, Y) = ",
      h("b", {}, num("h_xy", m.hXY, 3, "bits")),
      ".",
    ),
    h(
      "p",
      { class: "ix-result" },
      "H(Y | X) = ",
      num("h_y_given_x", m.hYgX, 3, "bits"),
      ", H(X | Y) = ",
      num("h_x_given_y", m.hXgY, 3, "bits"),
      ", I(X; Y) = H(Y) − H(Y | X) = ",
      h("b", {}, num("mi", m.mi, 3, "bits")),
      ".",
    ),
    h("p", {}, pointwise),
  ];
}

function altText(m) {
  if (!m) return "Every weight is 0: there is no joint distribution, so no bars are drawn.";
  return (
    `Information diagram in bits. Top bar: H(X, Y) = ${fmt(m.hXY, 3)}. Middle bar: H(X) = ` +
    `${fmt(m.hX, 3)}, split into H(X | Y) = ${fmt(m.hXgY, 3)} and I(X; Y) = ${fmt(m.mi, 3)}. ` +
    `Bottom bar: H(Y) = ${fmt(m.hY, 3)}, split into I(X; Y) = ${fmt(m.mi, 3)} and H(Y | X) = ` +
    `${fmt(m.hYgX, 3)}. The shared part I(X; Y) lines up in the two lower bars.`
  );
}

/** The diagram: H(X, Y) on top; H(X) and H(Y) below, overlapping in I(X; Y). */
function draw(container, m) {
  const { svg, width } = figureSvg(container, { height: 230, alt: altText(m) });
  const left = 66;
  const right = 56;
  const top = 44;
  const rowH = 30;
  const gap = 14;
  const w = width - left - right;
  const sx = (v) => left + (v / TOP) * w;
  legend(svg, 8, 18, [
    ["ix-accent", "H(X|Y)"],
    ["ix-good", "I(X;Y)"],
    ["ix-extra", "H(Y|X)"],
  ]);
  const bottom = top + 3 * rowH + 2 * gap;
  for (const t of ticks(0, TOP, 4)) {
    svg.append(
      s("line", { x1: sx(t), x2: sx(t), y1: top - 4, y2: bottom, class: "ix-grid" }),
      s("text", { x: sx(t), y: bottom + 16, "text-anchor": "middle", class: "ix-tick" }, tickLabel(t)),
    );
  }
  svg.append(
    s("line", { x1: left, x2: left + w, y1: bottom, y2: bottom, class: "ix-axis" }),
    s("text", { x: left + w / 2, y: bottom + 36, "text-anchor": "middle", class: "ix-label" }, "bits"),
  );
  const names = ["H(X, Y)", "H(X)", "H(Y)"];
  const ends = m ? [m.hXY, m.hX, m.hXY] : [0, 0, 0];
  const segments = m
    ? [
        [[0, m.hXY, "ix-p"]],
        [
          [0, m.hXgY, "ix-accent"],
          [m.hXgY, m.hXgY + m.mi, "ix-good"],
        ],
        [
          [m.hXgY, m.hXgY + m.mi, "ix-good"],
          [m.hXgY + m.mi, m.hXY, "ix-extra"],
        ],
      ]
    : [[], [], []];
  names.forEach((name, k) => {
    const y = top + k * (rowH + gap);
    svg.append(s("text", { x: left - 8, y: y + rowH / 2 + 4, "text-anchor": "end", class: "ix-tick" }, name));
    for (const [a, b, cls] of segments[k]) {
      if (b > a) {
        svg.append(
          s("rect", { x: sx(a), y, width: sx(b) - sx(a), height: rowH, class: `${cls} ix-outline` }),
        );
      }
    }
    if (m) {
      const value = k === 2 ? m.hY : ends[k];
      svg.append(
        s("text", { x: sx(ends[k]) + 6, y: y + rowH / 2 + 4, class: "ix-tick ix-strong" }, fmt(value, 3)),
      );
    }
  });
}

function render({ model, el, staticPage }) {
  const xLabels = model.get("x_labels");
  const yLabels = model.get("y_labels");
  const parts = shell(el, {
    title: "Dependence explorer: set the weight of each cell of the joint table",
    staticPage,
  });
  const update = guarded(parts, () => {
    const p = normalize(model.get("weights"));
    if (!p) {
      parts.readout.replaceChildren(
        table(xLabels, yLabels, null),
        h("p", {}, "Every weight is 0, so there is no joint distribution: raise at least one weight."),
      );
      parts.message.textContent = "No distribution: every weight is 0.";
      draw(parts.figure, null);
      return;
    }
    parts.message.textContent = "";
    const m = measures(p);
    parts.readout.replaceChildren(table(xLabels, yLabels, m), ...results(xLabels, m));
    draw(parts.figure, m);
  });
  const sliders = [];
  xLabels.forEach((x, i) => {
    const group = h("div", { class: "ix-group ix-half", role: "group", "aria-label": `row X = ${x}` });
    group.append(h("p", { class: "ix-group-title" }, `X = ${x}: weights`));
    yLabels.forEach((y, j) => {
      const k = 2 * i + j;
      const control = slider({
        label: `${x} and ${y}`,
        key: `weights.${k}`,
        ...WEIGHTS,
        value: model.get("weights")[k],
        format: (v) => fmt(v, 1),
        onInput: (v) => {
          const weights = model.get("weights").slice();
          weights[k] = v;
          model.set("weights", weights);
          model.save_changes();
        },
      });
      sliders.push(control);
      group.append(control.el);
    });
    parts.controls.append(group);
  });
  const sync = () => {
    model.get("weights").forEach((w, k) => {
      sliders[k].set(w);
    });
  };
  const unfollow = follow(model, ["weights"], sync, update);
  onWidthChange(parts.figure, update);
  update();
  return unfollow;
}

export default { render };
