// GaussianFitExplorer: a two-bump truth p (separation d, left weight w) and the Gaussians that
// minimise D(p || q) (forward) and D(q || p) (reverse). infolib computed both fits for every
// state of the sliders when the notebook ran (the "fits" trait: eight numbers a state): the
// forward fit matches p's mean and standard deviation, the reverse fit is searched. The page
// looks them up, and computes the mixture's moments and the three curves itself.
import {
  axes,
  figureSvg,
  fmt,
  follow,
  guarded,
  h,
  legend,
  num,
  onWidthChange,
  s,
  shell,
  slider,
  tickLabel,
  ticks,
} from "./core.js";

const SEPARATION = { min: 0, max: 8, step: 0.25 };
const WEIGHT = { min: 0.1, max: 0.9, step: 0.05 };
const FIELDS = 8; // forward mean, std, D(p||q), D(q||p); reverse mean, std, D(p||q), D(q||p)
const X_RANGE = [-9, 9];
const Y_MAX = 0.62;

/** The table row of one state, as infolib.readouts.gaussian_fit.state_index numbers it. */
function lookup(fits, d, w) {
  const i = Math.round((d - SEPARATION.min) / SEPARATION.step);
  const j = Math.round((w - WEIGHT.min) / WEIGHT.step);
  const columns = Math.round((WEIGHT.max - WEIGHT.min) / WEIGHT.step) + 1;
  const row = fits.slice((i * columns + j) * FIELDS, (i * columns + j + 1) * FIELDS);
  if (row.length !== FIELDS || row.some((v) => typeof v !== "number")) {
    throw new Error(`no precomputed fit for d = ${d}, w = ${w}`);
  }
  const fit = (k) => ({ mean: row[k], std: row[k + 1], klPQ: row[k + 2], klQP: row[k + 3] });
  return { forward: fit(0), reverse: fit(4) };
}

/** Mean and standard deviation of the mixture, as infolib's mixture_moments computes them. */
function moments(d, w) {
  const mean = w * (-d / 2) + (1 - w) * (d / 2);
  return { mean, std: Math.sqrt(1 + w * (1 - w) * d * d) };
}

/** Densities on the grid: each distribution over the grid points divided by the step. */
function curves(grid, d, w, forward, reverse) {
  const [lo, hi, n] = grid;
  const step = (hi - lo) / (n - 1);
  const x = Array.from({ length: n }, (_, i) => lo + i * step);
  const density = (weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((v) => v / total / step);
  };
  const bump = (m, sd) => x.map((t) => Math.exp(-0.5 * ((t - m) / sd) ** 2));
  const left = bump(-d / 2, 1);
  const right = bump(d / 2, 1);
  return {
    x,
    p: density(left.map((v, i) => w * v + (1 - w) * right[i])),
    forward: density(bump(forward.mean, forward.std)),
    reverse: density(bump(reverse.mean, reverse.std)),
  };
}

function readout(d, w, mix, fit) {
  const cell = (key, value, bold) => h("td", {}, bold ? h("b", {}, num(key, value, 3)) : num(key, value, 3));
  const row = (name, aim, f, key) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, name, h("br"), h("span", { class: "ix-nowrap" }, aim)),
      cell(`${key}.mean`, f.mean),
      cell(`${key}.std`, f.std),
      cell(`${key}.kl_pq`, f.klPQ, key === "forward"),
      cell(`${key}.kl_qp`, f.klQP, key === "reverse"),
    );
  return [
    h(
      "p",
      { class: "ix-result" },
      "Truth p: bumps at x = ",
      num("centre.0", 0 - d / 2, 2),
      " and ",
      num("centre.1", d / 2, 2),
      " (weights ",
      num("weight.0", w, 2),
      " and ",
      num("weight.1", 1 - w, 2),
      "); its mean is ",
      num("mixture_mean", mix.mean, 3),
      " and its standard deviation ",
      num("mixture_std", mix.std, 3),
      ".",
    ),
    h(
      "table",
      { class: "ix-table" },
      h(
        "tr",
        {},
        ...["fit", "mean", "std", "D(p‖q) bits", "D(q‖p) bits"].map((t) => h("th", { scope: "col" }, t)),
      ),
      row("forward", "min D(p‖q)", fit.forward, "forward"),
      row("reverse", "min D(q‖p)", fit.reverse, "reverse"),
    ),
  ];
}

function draw(container, grid, d, w, fit) {
  const alt =
    `A two-bump truth p with bumps at ${fmt(-d / 2 + 0, 2)} and +${fmt(d / 2, 2)} and left weight ${fmt(w, 2)}. ` +
    `The forward-KL fit is a Gaussian with mean ${fmt(fit.forward.mean, 2)} and standard deviation ` +
    `${fmt(fit.forward.std, 2)}; the reverse-KL fit has mean ${fmt(fit.reverse.mean, 2)} and standard ` +
    `deviation ${fmt(fit.reverse.std, 2)}.`;
  const narrow = (container.clientWidth || 640) < 560;
  const legendRows = narrow ? 3 : 1;
  const top = 14 + legendRows * 20;
  const { svg, width } = figureSvg(container, { height: 250 + top, alt });
  const left = 52;
  const plotW = width - left - 12;
  const plotH = 200;
  const entries = [
    ["ix-line-p ix-thick", "truth p (two bumps)", "line"],
    ["ix-line-q", "forward fit: min D(p‖q)", "line"],
    ["ix-line-extra ix-dashed", "reverse fit: min D(q‖p)", "line"],
  ];
  if (narrow)
    entries.forEach((entry, i) => {
      legend(svg, left - 40, 16 + i * 20, [entry]);
    });
  else legend(svg, left, 16, entries);
  const yLabel = "probability density";
  const sy = axes(svg, { x: left, y: top, w: plotW, hgt: plotH, yMin: 0, yMax: Y_MAX, yLabel, xLabel: "x" });
  const sx = (v) => left + ((v - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0])) * plotW;
  for (const t of ticks(X_RANGE[0], X_RANGE[1], narrow ? 6 : 9)) {
    svg.append(
      s("text", { x: sx(t), y: sy(0) + 18, "text-anchor": "middle", class: "ix-tick" }, tickLabel(t)),
    );
  }
  const c = curves(grid, d, w, fit.forward, fit.reverse);
  const path = (values) => {
    const points = [];
    c.x.forEach((t, i) => {
      if (t < X_RANGE[0] - 1e-9 || t > X_RANGE[1] + 1e-9) return;
      // Screen coordinates, not shown numbers: toFixed only trims the path's text.
      points.push(`${sx(t).toFixed(1)},${sy(Math.min(values[i], Y_MAX)).toFixed(1)}`);
    });
    return `M${points.join("L")}`;
  };
  svg.append(
    s("path", { d: path(c.p), class: "ix-line-p ix-thick" }),
    s("path", { d: path(c.forward), class: "ix-line-q" }),
    s("path", { d: path(c.reverse), class: "ix-line-extra ix-dashed" }),
  );
}

function render({ model, el, staticPage }) {
  const title = "Gaussian fit explorer: one bump fitted to two, by forward and by reverse KL";
  const parts = shell(el, { title, staticPage });
  parts.controls.after(
    h(
      "p",
      { class: "ix-precomputed" },
      "The two fits are precomputed by infolib for each of the 33 × 17 states of these sliders when the " +
        "notebook ran: the forward fit takes p's mean and standard deviation (moment matching, its exact " +
        "optimum), the reverse fit is searched. The page looks them up and computes the curves itself.",
    ),
  );
  const grid = model.get("grid");
  const update = guarded(parts, () => {
    const d = model.get("separation");
    const w = model.get("weight");
    const fit = lookup(model.get("fits"), d, w);
    parts.readout.replaceChildren(...readout(d, w, moments(d, w), fit));
    draw(parts.figure, grid, d, w, fit);
  });
  const sliders = {
    separation: slider({
      label: "separation d",
      key: "separation",
      ...SEPARATION,
      value: model.get("separation"),
      format: (v) => fmt(v, 2),
      onInput: (v) => {
        model.set("separation", v);
        model.save_changes();
      },
    }),
    weight: slider({
      label: "left weight w",
      key: "weight",
      ...WEIGHT,
      value: model.get("weight"),
      format: (v) => fmt(v, 2),
      onInput: (v) => {
        model.set("weight", v);
        model.save_changes();
      },
    }),
  };
  parts.controls.append(sliders.separation.el, sliders.weight.el);
  const sync = (trait) => sliders[trait].set(model.get(trait));
  const unfollow = follow(model, Object.keys(sliders), sync, update);
  onWidthChange(parts.figure, update);
  update();
  return unfollow;
}

export default { render };
