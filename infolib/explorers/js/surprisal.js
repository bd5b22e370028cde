// SurprisalExplorer: move p, see I = -log p on its curve, in bits or nats. Computed in the page.
import {
  axes,
  choice,
  figureSvg,
  fmt,
  guarded,
  h,
  num,
  onWidthChange,
  s,
  shell,
  slider,
  tickLabel,
  ticks,
} from "./core.js";

const P_MIN = 0.001;
const BASES = { bits: 2, nats: Math.E };
const LOG = { bits: "log₂", nats: "ln" };

// "+ 0" turns the -0 of p = 1 into 0: a certain event carries nothing, not "-0.000".
const surprisal = (p, unit) => -Math.log(p) / Math.log(BASES[unit]) + 0;

function draw(container, p, unit) {
  const value = surprisal(p, unit);
  const top = surprisal(P_MIN, unit);
  const alt =
    `Surprisal curve I(p) = -log p in ${unit}, falling from ${fmt(top, 1)} ${unit} at p = 0.001 ` +
    `to 0 at p = 1; the marker is at p = ${fmt(p, 3)}, I = ${fmt(value, 3)} ${unit}.`;
  const { svg, width, height } = figureSvg(container, { height: 260, alt });
  const left = 56;
  const right = 16;
  const top0 = 14;
  const plotW = width - left - right;
  const plotH = height - top0 - 50;
  const yMax = top * 1.05;
  const sy = axes(svg, {
    x: left,
    y: top0,
    w: plotW,
    hgt: plotH,
    yMin: 0,
    yMax,
    yLabel: `surprisal I = −log p (${unit})`,
    xLabel: "probability p",
  });
  const sx = (x) => left + x * plotW;
  for (const t of ticks(0, 1, 5)) {
    svg.append(
      s("text", { x: sx(t), y: top0 + plotH + 18, "text-anchor": "middle", class: "ix-tick" }, tickLabel(t)),
    );
  }
  const points = [];
  for (let i = 0; i <= 240; i += 1) {
    const x = P_MIN * (1 / P_MIN) ** (i / 240); // geometric: dense where the curve is steep
    points.push(`${sx(x).toFixed(1)},${sy(surprisal(x, unit)).toFixed(1)}`);
  }
  svg.append(
    s("polyline", { points: points.join(" "), class: "ix-line-p" }),
    s("polyline", {
      points: `${sx(p)},${sy(0)} ${sx(p)},${sy(value)} ${sx(0)},${sy(value)}`,
      class: "ix-line-muted",
      "stroke-dasharray": "3 3",
    }),
    s("circle", { cx: sx(p), cy: sy(value), r: 7, class: "ix-accent", stroke: "currentColor" }),
  );
}

function render({ model, el, staticPage }) {
  const parts = shell(el, { title: "Surprisal explorer: move the probability p", staticPage });
  const update = guarded(parts, () => {
    const p = model.get("p");
    const unit = model.get("unit");
    const value = surprisal(p, unit);
    parts.readout.replaceChildren(
      h(
        "p",
        { class: "ix-result" },
        "p = ",
        num("p", p, 3),
        ` → I = −${LOG[unit]} ${fmt(p, 3)} = `,
        h("b", {}, num("surprisal", value, 3, unit)),
        " (as surprising as ",
        num("coins", surprisal(p, "bits"), 2),
        " fair coins all landing heads).",
      ),
      h(
        "p",
        { class: "ix-result" },
        "The curve falls from ",
        num("top", surprisal(P_MIN, unit), 3, unit),
        " at p = 0.001 to 0 at p = 1: rarer events are more surprising, a certain one carries nothing.",
      ),
    );
    draw(parts.figure, p, unit);
  });
  const pSlider = slider({
    label: "probability p",
    key: "p",
    min: P_MIN,
    max: 1,
    step: 0.001,
    value: model.get("p"),
    format: (v) => fmt(v, 3),
    onInput: (v) => {
      model.set("p", v);
      model.save_changes();
    },
  });
  const unitChoice = choice({
    legend: "unit",
    key: "unit",
    options: ["bits", "nats"],
    value: model.get("unit"),
    onChange: (v) => {
      model.set("unit", v);
      model.save_changes();
    },
  });
  parts.controls.append(pSlider.el, unitChoice.el);
  const onP = () => {
    pSlider.set(model.get("p"));
    update();
  };
  const onUnit = () => {
    unitChoice.set(model.get("unit"));
    update();
  };
  model.on("change:p", onP);
  model.on("change:unit", onUnit);
  onWidthChange(parts.figure, update);
  update();
  return () => {
    model.off("change:p", onP);
    model.off("change:unit", onUnit);
  };
}

export default { render };
