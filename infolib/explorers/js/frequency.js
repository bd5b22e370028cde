// FrequencyExplorer: n rolls of a fair or loaded die -> counts, frequencies and the largest gap
// between a frequency and its probability. The seeded rolls' counts are precomputed for every n
// (the synced "counts" table); the page divides them by n and draws the bars.
import {
  fmt,
  fmtInt,
  guarded,
  h,
  num,
  numInt,
  onWidthChange,
  plotFrame,
  rowTable,
  s,
  seededControls,
  shell,
  ticks,
} from "./core.js";

const FACES = ["1", "2", "3", "4", "5", "6"];

function numbers(counts, n, p) {
  const frequency = counts.map((c) => c / n);
  let gap = 0;
  frequency.forEach((f, x) => {
    gap = Math.max(gap, Math.abs(f - p[x]));
  });
  return { frequency, gap };
}

function table(counts, frequency, p) {
  const rows = FACES.map((face, x) => [
    face,
    num(`p.${x}`, p[x], 3),
    numInt(`count.${x}`, counts[x]),
    num(`frequency.${x}`, frequency[x], 3),
  ]);
  return rowTable(["face x", "p(x)", "count", "frequency"], rows);
}

function draw(container, { n, die, p, frequency, gap }) {
  const list = (values) => FACES.map((face, x) => `${face}: ${fmt(values[x], 3)}`).join(", ");
  const alt =
    `Bar chart of the ${die} die, faces 1 to 6. Probabilities: ${list(p)}. ` +
    `Frequencies in ${fmtInt(n)} rolls beside them: ${list(frequency)}. Largest gap ${fmt(gap, 3)}.`;
  const yMax = Math.max(0.6, Math.max(...frequency) * 1.1);
  const { svg, left, plotW, sy } = plotFrame(container, {
    height: 290,
    alt,
    top: 48,
    yMin: 0,
    yMax,
    yTicks: ticks(0, yMax, 4),
    yLabel: "probability or frequency",
    xLabel: "face x",
  });
  const slot = plotW / 6;
  const bar = Math.min(28, slot * 0.36);
  FACES.forEach((face, x) => {
    const cx = left + slot * (x + 0.5);
    svg.append(
      s("rect", { x: cx - bar - 1, y: sy(p[x]), width: bar, height: sy(0) - sy(p[x]), class: "ix-p" }),
      s("rect", {
        x: cx + 1,
        y: sy(frequency[x]),
        width: bar,
        height: sy(0) - sy(frequency[x]),
        class: "ix-accent",
      }),
      s("text", { x: cx, y: sy(0) + 18, "text-anchor": "middle", class: "ix-tick" }, face),
    );
  });
  // Title and legend above the plot, where no bar reaches.
  svg.append(
    s(
      "text",
      { x: left + plotW / 2, y: 14, "text-anchor": "middle", class: "ix-label" },
      `${fmtInt(n)} rolls of the ${die} die`,
    ),
    s("rect", { x: left, y: 26, width: 12, height: 12, class: "ix-p" }),
    s("text", { x: left + 17, y: 36, class: "ix-tick" }, "probability p(x)"),
    s("rect", { x: left + 130, y: 26, width: 12, height: 12, class: "ix-accent" }),
    s("text", { x: left + 147, y: 36, class: "ix-tick" }, "frequency in n rolls"),
  );
}

function render({ model, el, staticPage }) {
  const sizes = model.get("sizes");
  const parts = shell(el, { title: "Frequency explorer: roll a die n times", staticPage });
  const update = guarded(parts, () => {
    const k = model.get("size_index");
    const die = model.get("die");
    const n = sizes[k];
    const p = model.get("probabilities")[die];
    const counts = model.get("counts")[die][k];
    const { frequency, gap } = numbers(counts, n, p);
    parts.message.textContent = "";
    parts.readout.replaceChildren(
      h(
        "p",
        { class: "ix-result" },
        numInt("n", n),
        ` rolls of the ${die} die: the largest gap between a frequency and its probability is `,
        h("b", {}, num("largest_gap", gap, 3)),
        ".",
      ),
      table(counts, frequency, p),
    );
    draw(parts.figure, { n, die, p, frequency, gap });
  });
  const unfollow = seededControls(model, parts, {
    sizeLabel: "rolls n",
    key: "die",
    legend: "die",
    table: "counts",
    precomputed: () =>
      `Precomputed: one seeded sequence of ${fmtInt(sizes[sizes.length - 1])} rolls per die ` +
      `(seed ${model.get("seed")}), counted when the notebook ran; a larger n extends the same sequence.`,
    update,
  });
  onWidthChange(parts.figure, update);
  update();
  return unfollow;
}

export default { render };
