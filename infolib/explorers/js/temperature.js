// TemperatureExplorer: a teacher's and a student's logits divided by a temperature T before the
// softmax -> the soft targets p_T and the student's q_T as paired bars, the entropy H(p_T) in
// bits, the soft-target loss above its floor D(p_T || q_T) in nats, and the largest gradient
// on a student logit, |q_i - p_i| / T, with and without distillation's factor T². Everything is
// computed in the page (closed forms in core.js).
import {
  entropy,
  figureSvg,
  fmt,
  follow,
  guarded,
  h,
  klDivergence,
  legend,
  num,
  onWidthChange,
  pairedBars,
  shell,
  slider,
  softmax,
} from "./core.js";

function table(labels, p, q) {
  const row = (head, values, key) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, head),
      ...values.map((x, i) => h("td", {}, num(`${key}.${i}`, x, 3))),
    );
  return h(
    "table",
    { class: "ix-table" },
    h("tr", {}, h("th", { scope: "col" }, "class"), ...labels.map((l) => h("th", { scope: "col" }, l))),
    row("teacher p_T (soft targets)", p, "p"),
    row("student q_T", q, "q"),
  );
}

function results(t, hBits, ceiling, kl, grad, scaled) {
  return [
    h(
      "p",
      { class: "ix-result" },
      `At T = ${fmt(t, 2)} the soft targets have entropy H(p_T) = `,
      h("b", {}, num("entropy", hBits, 3, "bits")),
      " (at most log₂ K = ",
      num("ceiling", ceiling, 3, "bits"),
      ", approached as T grows without bound).",
    ),
    h(
      "p",
      { class: "ix-result" },
      "Soft-target loss above its floor: D",
      h("sub", {}, "KL"),
      "(p_T ‖ q_T) = ",
      h("b", {}, num("kl", kl, 4, "nats")),
      ".",
    ),
    h(
      "p",
      { class: "ix-result" },
      "Largest gradient on a student logit, |q_i − p_i| / T = ",
      h("b", {}, num("grad", grad, 4)),
      "; times T² = ",
      h("b", {}, num("scaled", scaled, 4)),
      " (nats per unit of logit).",
    ),
  ];
}

function draw(container, labels, p, q, t) {
  const listed = (v) => labels.map((l, i) => `${l} ${fmt(v[i], 3)}`).join(", ");
  const alt =
    `Paired bars at temperature T = ${fmt(t, 2)}: the teacher's soft targets p_T (${listed(p)}) ` +
    `and the student's q_T (${listed(q)}).`;
  const { svg, width } = figureSvg(container, { height: 270, alt });
  const left = 52;
  legend(svg, left, 16, [
    ["ix-p", "teacher p_T"],
    ["ix-q", "student q_T"],
  ]);
  pairedBars(svg, {
    x: left,
    y: 36,
    w: width - left - 16,
    hgt: 190,
    labels,
    first: p,
    second: q,
    classes: ["ix-p", "ix-q"],
    yLabel: "probability",
  });
}

function render({ model, el, staticPage }) {
  const labels = model.get("labels");
  const parts = shell(el, { title: "Temperature explorer: soften a teacher's predictions", staticPage });
  const ceiling = Math.log2(labels.length);
  const update = guarded(parts, () => {
    const t = model.get("temperature");
    const p = softmax(model.get("teacher"), t);
    const q = softmax(model.get("student"), t);
    let largest = 0;
    for (let i = 0; i < p.length; i += 1) largest = Math.max(largest, Math.abs(q[i] - p[i]));
    const grad = largest / t;
    parts.message.textContent = "";
    parts.readout.replaceChildren(
      table(labels, p, q),
      ...results(t, entropy(p), ceiling, klDivergence(p, q, Math.E), grad, t * t * grad),
    );
    draw(parts.figure, labels, p, q, t);
  });
  const control = slider({
    label: "temperature T",
    key: "temperature",
    min: 0.25,
    max: 10,
    step: 0.25,
    value: model.get("temperature"),
    format: (v) => fmt(v, 2),
    onInput: (v) => {
      model.set("temperature", v);
      model.save_changes();
    },
  });
  parts.controls.append(control.el);
  const sync = () => control.set(model.get("temperature"));
  const unfollow = follow(model, ["temperature"], sync, update);
  onWidthChange(parts.figure, update);
  update();
  return unfollow;
}

export default { render };
