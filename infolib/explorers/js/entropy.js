// EntropyExplorer: a weight per outcome -> the distribution p, its entropy H(p) in bits and
// the log2 n ceiling. Everything is computed in the page (closed forms in core.js).
import {
  axes,
  entropy,
  figureSvg,
  fmt,
  follow,
  guarded,
  h,
  normalize,
  num,
  onWidthChange,
  s,
  shell,
  slider,
} from "./core.js";

function table(labels, weights, p) {
  const total = weights.reduce((a, b) => a + b, 0);
  const row = (head, cells) => h("tr", {}, h("th", { scope: "row" }, head), ...cells);
  return h(
    "table",
    { class: "ix-table" },
    h("tr", {}, h("th", { scope: "col" }, "outcome"), ...labels.map((l) => h("th", { scope: "col" }, l))),
    row(
      "weight",
      weights.map((w, i) => h("td", {}, num(`weight.${i}`, w, 1))),
    ),
    p
      ? row(
          `p(x) = weight / ${fmt(total, 1)}`,
          p.map((x, i) => h("td", {}, num(`p.${i}`, x, 3))),
        )
      : row(
          "p(x)",
          labels.map(() => h("td", {}, "–")),
        ),
  );
}

function draw(container, labels, p, hBits, ceiling) {
  const n = labels.length;
  const alt = p
    ? `Bar chart of the distribution p: ${labels.map((l, i) => `${l} ${fmt(p[i], 3)}`).join(", ")}. ` +
      `Beside it, the entropy H = ${fmt(hBits, 3)} bits as a bar under a dashed ceiling at ` +
      `log2 ${n} = ${fmt(ceiling, 3)} bits.`
    : "Every weight is 0: no distribution is shown.";
  const { svg, width, height } = figureSvg(container, { height: 260, alt });
  const top = 24;
  const plotH = height - top - 48;
  const narrow = width < 480;
  const gaugeW = narrow ? 56 : 70;
  const left = narrow ? 44 : 52;
  const barsW = width - left - gaugeW - (narrow ? 24 : 70);
  const sy = axes(svg, { x: left, y: top, w: barsW, hgt: plotH, yMin: 0, yMax: 1, yLabel: "p(x)" });
  const slot = barsW / n;
  labels.forEach((label, i) => {
    const cx = left + slot * (i + 0.5);
    const value = p ? p[i] : 0;
    svg.append(
      s("rect", {
        x: cx - slot * 0.3,
        y: sy(value),
        width: slot * 0.6,
        height: sy(0) - sy(value),
        class: "ix-p",
      }),
      s("text", { x: cx, y: sy(0) + 18, "text-anchor": "middle", class: "ix-tick" }, label),
    );
    if (p)
      svg.append(
        s("text", { x: cx, y: sy(value) - 5, "text-anchor": "middle", class: "ix-tick" }, fmt(value, 2)),
      );
  });
  svg.append(
    s(
      "text",
      { x: left + barsW / 2, y: 14, "text-anchor": "middle", class: "ix-label" },
      "distribution p = weights / total",
    ),
  );
  // The gauge: H(p) in bits on its own axis, up to a little above log2 n.
  const gx = width - gaugeW - 10;
  const gTop = Math.max(1, Math.ceil(ceiling * 1.15 * 2) / 2);
  const gy = axes(svg, { x: gx, y: top, w: gaugeW - 20, hgt: plotH, yMin: 0, yMax: gTop, yTicks: [] });
  const hv = p ? hBits : 0;
  svg.append(
    s("rect", { x: gx + 10, y: gy(hv), width: gaugeW - 40, height: gy(0) - gy(hv), class: "ix-accent" }),
    s("line", { x1: gx, x2: gx + gaugeW - 20, y1: gy(ceiling), y2: gy(ceiling), class: "ix-ceiling" }),
    s(
      "text",
      { x: gx + (gaugeW - 20) / 2, y: gy(ceiling) - 6, "text-anchor": "middle", class: "ix-tick" },
      `log₂ ${n}`,
    ),
    s(
      "text",
      { x: gx + (gaugeW - 20) / 2, y: sy(0) + 18, "text-anchor": "middle", class: "ix-tick" },
      "H(p)",
    ),
  );
  if (p) {
    svg.append(
      s(
        "text",
        {
          x: gx + (gaugeW - 20) / 2,
          y: gy(hv) - 6 - (Math.abs(gy(hv) - gy(ceiling)) < 16 ? 14 : 0),
          "text-anchor": "middle",
          class: "ix-tick ix-strong",
        },
        fmt(hv, 3),
      ),
    );
  }
}

function render({ model, el, staticPage }) {
  const labels = model.get("labels");
  const parts = shell(el, { title: "Entropy explorer: set a weight for each outcome", staticPage });
  const ceiling = Math.log2(labels.length);
  const update = guarded(parts, () => {
    const weights = model.get("weights");
    const p = normalize(weights);
    if (!p) {
      parts.readout.replaceChildren(
        table(labels, weights, null),
        h(
          "p",
          {},
          "Every weight is 0, so there is no distribution to divide out: raise at least one weight.",
        ),
      );
      parts.message.textContent = "No distribution: every weight is 0.";
      draw(parts.figure, labels, null, 0, ceiling);
      return;
    }
    parts.message.textContent = "";
    const hBits = entropy(p);
    parts.readout.replaceChildren(
      table(labels, weights, p),
      h(
        "p",
        { class: "ix-result" },
        "H(p) = ",
        h("b", {}, num("entropy", hBits, 3, "bits")),
        ", under the ceiling log₂ ",
        String(labels.length),
        " = ",
        num("ceiling", ceiling, 3, "bits"),
        " (reached only when every weight is equal).",
      ),
    );
    draw(parts.figure, labels, p, hBits, ceiling);
  });
  const sliders = labels.map((label, i) =>
    slider({
      label: `weight of ${label}`,
      key: `weights.${i}`,
      min: 0,
      max: 10,
      step: 0.5,
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
  const sync = () => {
    model.get("weights").forEach((w, i) => {
      sliders[i].set(w);
    });
  };
  const unfollow = follow(model, ["weights"], sync, update);
  onWidthChange(parts.figure, update);
  update();
  return unfollow;
}

export default { render };
