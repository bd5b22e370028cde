// TrainingExplorer: learning rate, epochs and label noise -> the expected cross-entropy of a tiny
// softmax classifier split into its entropy floor and KL gap, and the loss on the sampled labels
// (nats). Training runs are precomputed for every setting (the synced "table"); the page looks
// them up and draws the curves.
import { axes, figureSvg, fmt, follow, guarded, h, num, onWidthChange, s, shell, slider } from "./core.js";

/** The run and the numbers for one setting of the controls. */
function lookup(table, rateIndex, epochs, noise) {
  const j = table.noises.findIndex((n) => Math.abs(n - noise) < 1e-9);
  const k = table.epochs.indexOf(epochs);
  if (j < 0 || k < 0) throw new Error(`no precomputed run for epochs ${epochs}, label noise ${noise}`);
  const run = table.runs[rateIndex][j];
  return {
    run,
    floor: table.floor[j],
    crossEntropy: run.cross_entropy[k],
    kl: run.kl[k],
    trainLoss: run.train_loss[k],
  };
}

function sentence(v) {
  return h(
    "p",
    { class: "ix-result" },
    "After ",
    num("epochs", v.epochs, 0),
    " epochs (learning rate ",
    num("learning_rate", v.rate, 2),
    ", label noise ",
    num("label_noise", v.noise, 1),
    "): expected cross-entropy ",
    h("b", {}, num("cross_entropy", v.crossEntropy, 3, "nats")),
    " = floor (mean entropy of p(·|x)) ",
    h("b", {}, num("floor", v.floor, 3, "nats")),
    " + KL gap ",
    h("b", {}, num("kl", v.kl, 3, "nats")),
    " (each rounded to 3 decimals, so the last digit may not add up). Loss on the sampled labels: ",
    num("train_loss", v.trainLoss, 3, "nats"),
    ".",
  );
}

/** The legend, in HTML so it wraps on a phone; each swatch is a tiny drawing of its line. */
function htmlLegend() {
  const swatch = (...shapes) =>
    s("svg", { width: 30, height: 12, "aria-hidden": "true", class: "ix-swatch" }, ...shapes);
  const line = (cls) => s("line", { x1: 1, x2: 29, y1: 6, y2: 6, class: cls });
  const items = [
    [swatch(line("ix-line-q")), "expected H(p, q)"],
    [swatch(line("ix-line-p ix-dashed")), "floor: mean H(p(·|x))"],
    [swatch(line("ix-line-good")), "KL gap, from 0"],
    [
      swatch(s("rect", { x: 1, y: 1, width: 28, height: 10, class: "ix-band-good" })),
      "KL gap, above the floor",
    ],
    [swatch(line("ix-line-muted ix-dotted")), "loss on the sampled labels"],
  ];
  return h(
    "ul",
    { class: "ix-legend", "aria-hidden": "true" },
    ...items.map(([sw, text]) => h("li", {}, sw, text)),
  );
}

function draw(container, table, v) {
  const cps = table.checkpoints.filter((e) => e <= v.epochs);
  const kl = v.run.curves[0].slice(0, cps.length);
  const loss = v.run.curves[1].slice(0, cps.length);
  let best = 0;
  kl.forEach((x, i) => {
    if (x < kl[best]) best = i;
  });
  const alt =
    `Training curves over ${v.epochs} epochs with learning rate ${fmt(v.rate, 2)} ` +
    `and label noise ${fmt(v.noise, 1)}. ` +
    `The expected cross-entropy (vermillion) falls from ${fmt(v.run.start[0], 3)} to ${fmt(v.crossEntropy, 3)} nats ` +
    `towards the dashed blue entropy floor at ${fmt(v.floor, 3)} nats; the KL gap (green) goes from ` +
    `${fmt(v.run.start[1], 3)} to ${fmt(v.kl, 3)} nats, smallest (${fmt(kl[best], 4)} nats) at epoch ${cps[best]}; ` +
    `the loss on the sampled labels (dotted grey) ends at ${fmt(v.trainLoss, 3)} nats.`;
  const { svg, width, height } = figureSvg(container, { height: 280, alt });
  const left = 56;
  const top = 12;
  const plotW = width - left - 16;
  const plotH = height - top - 52;
  const sy = axes(svg, {
    x: left,
    y: top,
    w: plotW,
    hgt: plotH,
    yMin: 0,
    yMax: table.top,
    yLabel: "average over examples (nats)",
    xLabel: "epoch",
  });
  const sx = (e) => left + (e / v.epochs) * plotW;
  // Whole epochs only: the step is a round number of epochs.
  const count = width < 480 ? 4 : 8;
  const step = [1, 2, 5, 10, 20, 25, 50].find((m) => v.epochs / m <= count) ?? 50;
  for (let t = 0; t <= v.epochs; t += step) {
    svg.append(
      s("line", { x1: sx(t), x2: sx(t), y1: sy(0), y2: sy(0) + 4, class: "ix-axis" }),
      s("text", { x: sx(t), y: sy(0) + 17, "text-anchor": "middle", class: "ix-tick" }, String(t)),
    );
  }
  const path = (ys) =>
    cps.map((e, i) => `${i ? "L" : "M"}${sx(e).toFixed(2)},${sy(ys[i]).toFixed(2)}`).join("");
  // The expected cross-entropy is floor + KL (decompose_loss): drawn from the stored KL curve.
  const ce = kl.map((x) => v.floor + x);
  const floorLine = cps.map(() => v.floor);
  const band = `${path(floorLine)}${cps
    .map((_e, i) => `L${sx(cps[cps.length - 1 - i]).toFixed(2)},${sy(ce[cps.length - 1 - i]).toFixed(2)}`)
    .join("")}Z`;
  svg.append(
    s("path", { d: band, class: "ix-band-good" }),
    s("path", { d: path(loss), class: "ix-line-muted ix-dotted" }),
    s("path", { d: path(kl), class: "ix-line-good" }),
    s("path", { d: path(floorLine), class: "ix-line-p ix-dashed" }),
    s("path", { d: path(ce), class: "ix-line-q" }),
  );
}

function render({ model, el, staticPage }) {
  const table = JSON.parse(model.get("table"));
  const parts = shell(el, { title: "Training explorer: train a softmax classifier", staticPage });
  const key = htmlLegend();
  parts.figure.after(key);
  const update = guarded(parts, () => {
    const rateIndex = model.get("rate_index");
    const epochs = model.get("epochs");
    const noise = model.get("label_noise");
    const found = lookup(table, rateIndex, epochs, noise);
    const v = { ...found, epochs, noise, rate: table.rates[rateIndex] };
    parts.message.textContent = "";
    parts.readout.replaceChildren(sentence(v));
    draw(parts.figure, table, v);
  });
  const save = (name) => (value) => {
    model.set(name, value);
    model.save_changes();
  };
  const controls = {
    rate_index: slider({
      label: "learning rate",
      key: "rate_index",
      min: 0,
      max: table.rates.length - 1,
      step: 1,
      value: model.get("rate_index"),
      format: (k) => fmt(table.rates[k], 2),
      onInput: save("rate_index"),
    }),
    epochs: slider({
      label: "epochs",
      key: "epochs",
      min: table.epochs[0],
      max: table.epochs[table.epochs.length - 1],
      step: table.epochs[1] - table.epochs[0],
      value: model.get("epochs"),
      format: (e) => String(e),
      onInput: save("epochs"),
    }),
    label_noise: slider({
      label: "label noise",
      key: "label_noise",
      min: 0,
      max: table.noises[table.noises.length - 1],
      step: 0.1,
      value: model.get("label_noise"),
      format: (x) => fmt(x, 1),
      onInput: save("label_noise"),
    }),
  };
  parts.controls.append(
    ...Object.values(controls).map((c) => c.el),
    h(
      "p",
      { class: "ix-precomputed" },
      `Precomputed when the notebook ran: one ${table.epochs[table.epochs.length - 1]}-epoch training run ` +
        `for each of the ${table.rates.length} learning rates and ${table.noises.length} noise levels ` +
        "(a shorter run is the start of a longer one). Your browser looks the numbers up and draws the curves.",
    ),
  );
  const sync = (name) => controls[name].set(model.get(name));
  const unfollow = follow(model, Object.keys(controls), sync, update);
  onWidthChange(parts.figure, update);
  update();
  return unfollow;
}

export default { render };
