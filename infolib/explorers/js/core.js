// Shared helpers of the explorer views: Python-compatible number formatting, the closed-form
// measures the page computes itself, native labelled controls, readouts and small SVG charts.
// Each view file imports what it needs from here; infolib/explorers/assets.py joins this file
// and one view into the single module a widget carries in its state.

// ---------------------------------------------------------------------------------------------
// Numbers, formatted as infolib.readouts.support.printed formats them in Python.

/**
 * Format `x` with `digits` decimals as Python's f"{x:z.{digits}f}" formats `x` rounded to 12
 * significant digits (infolib.readouts.support.printed). The 12-digit step makes rounding
 * noise in the last bits irrelevant: the page and infolib may sum in different orders, and at
 * an exact tie such as H = 31/16 = 1.9375 one sum lands a hair below and the other on it.
 * Then Python's rule: round half to even on the exact binary value (JavaScript's toFixed
 * rounds exact ties up: 0.0625 gives "0.063", Python "0.062"); a value that rounds to zero
 * prints without a sign (a symmetric mean, -6e-17 after summing, is "0.000"). Infinities
 * read as the book writes them.
 */
export function fmt(value, digits) {
  if (value === Number.POSITIVE_INFINITY) return "∞";
  if (value === Number.NEGATIVE_INFINITY) return "−∞";
  if (Number.isNaN(value)) throw new Error("a readout value is NaN");
  const x = Number(value.toPrecision(12));
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (Math.abs(x) >= 1e21) {
    // toFixed writes exponents from 1e21 up; such a double is an integer: its exact digits.
    return `${sign}${BigInt(Math.abs(x))}${digits > 0 ? `.${"0".repeat(digits)}` : ""}`;
  }
  // toFixed(100) is the exact decimal expansion of any double above 2**-48 in size; smaller
  // values are nowhere near a rounding tie at the few decimals a readout shows.
  const exact = Math.abs(x).toFixed(100);
  const point = exact.indexOf(".");
  const keep = exact.slice(0, point + 1 + digits).replace(".", "");
  const rest = exact.slice(point + 1 + digits);
  let roundUp = rest[0] > "5" || (rest[0] === "5" && /[1-9]/.test(rest.slice(1)));
  if (rest[0] === "5" && !roundUp && !/[1-9]/.test(rest.slice(1))) {
    roundUp = Number(keep[keep.length - 1]) % 2 === 1; // an exact tie: to even
  }
  let digitsOut = keep;
  if (roundUp) {
    const chars = keep.split("");
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === "9") {
      chars[i] = "0";
      i -= 1;
    }
    if (i < 0) chars.unshift("1");
    else chars[i] = String(Number(chars[i]) + 1);
    digitsOut = chars.join("");
  }
  const whole = digitsOut.slice(0, digitsOut.length - digits) || "0";
  const text = digits > 0 ? `${whole}.${digitsOut.slice(digitsOut.length - digits)}` : whole;
  // Like Python's "z" option: a value that rounds to zero prints without a sign.
  return /[1-9]/.test(text) ? sign + text : text;
}

/** Format with thousands separators, as Python's f"{n:,}" does for an integer. */
export function fmtInt(n) {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// ---------------------------------------------------------------------------------------------
// Measures, in the closed forms infolib documents (base 2 unless given).

/** Weights divided by their total, or null when every weight is 0. */
export function normalize(weights) {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) return null;
  return weights.map((w) => w / total);
}

/** log of x in `base`; log2 exactly for bits, as infolib computes them. */
function log(x, base) {
  return base === 2 ? Math.log2(x) : Math.log(x) / Math.log(base);
}

/** Entropy H(p) = -sum p log p, with 0 log 0 = 0. */
export function entropy(p, base = 2) {
  let h = 0;
  for (const x of p) if (x > 0) h -= x * log(x, base);
  return h;
}

/** Cross-entropy H(p, q) = -sum p log q: infinite when q rules out an outcome p allows. */
export function crossEntropy(p, q, base = 2) {
  let h = 0;
  for (let i = 0; i < p.length; i += 1) {
    if (p[i] > 0) {
      if (q[i] === 0) return Number.POSITIVE_INFINITY;
      h -= p[i] * log(q[i], base);
    }
  }
  return h;
}

/**
 * KL divergence D(p || q) = sum p log(p / q), as a sum of terms that are never negative:
 * p (u - log1p(u)) with u = q/p - 1, plus the mass q puts where p is 0 (both sum to 1).
 * Infinite when q gives 0 to an outcome p allows.
 */
export function klDivergence(p, q, base = 2) {
  let d = 0;
  for (let i = 0; i < p.length; i += 1) {
    if (p[i] > 0) {
      if (q[i] === 0) return Number.POSITIVE_INFINITY;
      const u = (q[i] - p[i]) / p[i];
      d += p[i] * (u - Math.log1p(u));
    } else {
      d += q[i];
    }
  }
  return d / Math.log(base);
}

/** Jensen-Shannon divergence: the mean KL of p and q from their mixture m. */
export function jsDivergence(p, q, base = 2) {
  const m = p.map((x, i) => (x + q[i]) / 2);
  return (klDivergence(p, m, base) + klDivergence(q, m, base)) / 2;
}

// ---------------------------------------------------------------------------------------------
// DOM.

/** Create an HTML element with attributes and children (strings become text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * An id unique in the whole page, for label/for pairs and SVG patterns. The counter lives on
 * the page, not in this module: each explorer's bundle is a module of its own, so a module
 * counter would repeat ids when two explorers share a page (chapter 5).
 */
export function uniqueId(stem) {
  globalThis.infolibIdCount = (globalThis.infolibIdCount ?? 0) + 1;
  return `ix-${stem}-${globalThis.infolibIdCount}`;
}

/** A number shown in a readout: its key lets tests compare it with infolib's value. */
export function num(key, value, digits, unit = "") {
  return h("span", { class: "ix-num", "data-key": key }, fmt(value, digits) + (unit ? ` ${unit}` : ""));
}

/**
 * A labelled native range input with its value shown beside it. `onInput(value)` runs on
 * every move (drag or keyboard). `format(value)` writes the visible value and the
 * aria-valuetext a screen reader announces.
 */
export function slider({ label, min, max, step, value, format, onInput, key }) {
  const id = uniqueId("range");
  const output = h("output", { for: id, class: "ix-value" }, format(value));
  const input = h("input", {
    type: "range",
    id,
    min,
    max,
    step,
    value,
    "data-control": key,
    "aria-valuetext": format(value),
  });
  input.addEventListener("input", () => {
    const v = Number(input.value);
    output.textContent = format(v);
    input.setAttribute("aria-valuetext", format(v));
    onInput(v);
  });
  const set = (v) => {
    input.value = String(v);
    output.textContent = format(Number(input.value));
    input.setAttribute("aria-valuetext", format(Number(input.value)));
  };
  return { el: h("div", { class: "ix-slider" }, h("label", { for: id }, label), input, output), input, set };
}

/** A group of radio buttons (one choice of a few), with a visible legend. */
export function choice({ legend, options, value, onChange, key }) {
  const name = uniqueId("choice");
  const inputs = options.map((option) =>
    h("input", { type: "radio", name, value: option, checked: option === value, "data-control": key }),
  );
  const labels = inputs.map((input, i) => h("label", { class: "ix-radio" }, input, ` ${options[i]}`));
  for (const input of inputs) input.addEventListener("change", () => input.checked && onChange(input.value));
  const set = (v) => {
    for (const input of inputs) input.checked = input.value === v;
  };
  return { el: h("fieldset", { class: "ix-choice" }, h("legend", {}, legend), ...labels), inputs, set };
}

/**
 * The frame every explorer shares: title, controls, a live readout region, the figure, a
 * message line for invalid states, and (on the static website only) one line on what a
 * kernel adds.
 */
export function shell(el, { title, staticPage }) {
  // In JupyterLab the notebook around an output handles arrow keys itself (and cancels their
  // default action); keys pressed on a control stop here, so a focused slider moves with the
  // arrow keys in JupyterLab as on the website.
  const controls = h("div", { class: "ix-controls", "data-lm-suppress-shortcuts": "true" });
  controls.addEventListener("keydown", (event) => event.stopPropagation());
  const readout = h("div", { class: "ix-readout", "aria-live": "polite" });
  const figure = h("div", { class: "ix-figure" });
  const message = h("p", { class: "ix-message", role: "status" });
  const root = h(
    "section",
    { class: "infolib-explorer", "aria-label": title },
    h("p", { class: "ix-title" }, title),
    controls,
    readout,
    figure,
    message,
  );
  if (staticPage) {
    root.append(
      h(
        "p",
        { class: "ix-note" },
        "Live in this page, computed by your browser. In a kernel you can also change the code around it: ",
        h("a", { href: "intro.html#run-in-a-kernel" }, "run this chapter on Binder or locally"),
        ".",
      ),
    );
  }
  el.replaceChildren(root);
  return { root, controls, readout, figure, message };
}

// ---------------------------------------------------------------------------------------------
// SVG charts, drawn at the figure's real width so text keeps its size on a phone.

const SVG = "http://www.w3.org/2000/svg";

/** Create an SVG element with attributes and children. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Round "nice" tick values covering [lo, hi]. */
export function ticks(lo, hi, count = 5) {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((m) => span / m <= count) ?? 10 * mag;
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
    out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  }
  return out;
}

/** Trim a tick value to at most 3 significant decimals ("0.25", "2", "0.1"). */
export function tickLabel(t) {
  return String(Number(t.toFixed(3)));
}

/**
 * An SVG figure with a text alternative, sized to its container. Returns the svg and a
 * `frame(width, height, margin)` helper giving the plotting area.
 */
export function figureSvg(container, { height, alt }) {
  const width = Math.max(280, Math.min(720, Math.floor(container.clientWidth || 640)));
  const svg = s("svg", {
    class: "ix-svg",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": alt,
  });
  container.replaceChildren(svg);
  return { svg, width, height };
}

/**
 * Axes in a rectangle: y from `y0` to `y1` (data) maps to the rectangle's bottom and top.
 * Draws the y ticks and grid, the axis labels, and returns the mapping.
 */
export function axes(svg, { x, y, w, hgt, yMin, yMax, yLabel, xLabel, yTicks }) {
  const sy = (v) => y + hgt - ((v - yMin) / (yMax - yMin)) * hgt;
  const group = s("g", { class: "ix-axes" });
  for (const t of yTicks ?? ticks(yMin, yMax, 4)) {
    group.append(
      s("line", { x1: x, x2: x + w, y1: sy(t), y2: sy(t), class: "ix-grid" }),
      s("text", { x: x - 6, y: sy(t) + 4, "text-anchor": "end", class: "ix-tick" }, tickLabel(t)),
    );
  }
  group.append(s("line", { x1: x, x2: x + w, y1: y + hgt, y2: y + hgt, class: "ix-axis" }));
  if (yLabel) {
    group.append(
      s(
        "text",
        {
          x: 12,
          y: y + hgt / 2,
          transform: `rotate(-90 12 ${y + hgt / 2})`,
          "text-anchor": "middle",
          class: "ix-label",
        },
        yLabel,
      ),
    );
  }
  if (xLabel) {
    group.append(
      s("text", { x: x + w / 2, y: y + hgt + 34, "text-anchor": "middle", class: "ix-label" }, xLabel),
    );
  }
  svg.append(group);
  return sy;
}

/**
 * Keep the view in step with its model: when any of `traits` changes (a control moved, or a
 * kernel user set the trait), `sync(trait)` puts the new value into that trait's controls,
 * then `update()` redraws. Returns the function that unsubscribes (render's cleanup).
 */
export function follow(model, traits, sync, update) {
  const handlers = traits.map((trait) => {
    const onChange = () => {
      sync(trait);
      update();
    };
    model.on(`change:${trait}`, onChange);
    return [trait, onChange];
  });
  return () => {
    for (const [trait, onChange] of handlers) model.off(`change:${trait}`, onChange);
  };
}

/** Call `redraw` when the container's width changes (phones rotate, sidebars open). */
export function onWidthChange(container, redraw) {
  let last = container.clientWidth;
  if (typeof ResizeObserver === "undefined") return;
  new ResizeObserver(() => {
    if (container.clientWidth !== last) {
      last = container.clientWidth;
      redraw();
    }
  }).observe(container);
}

/**
 * Run `render` and show a failure in the explorer instead of losing it: a reader sees a
 * message, a test sees the data-error attribute.
 */
export function guarded(parts, render) {
  return (...args) => {
    try {
      render(...args);
      parts.root.removeAttribute("data-error");
    } catch (err) {
      parts.root.setAttribute("data-error", String(err));
      parts.message.textContent = `This explorer hit an error: ${err}`;
      throw err;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Added for the cross-entropy, divergence and Gaussian-fit explorers (branch live-c): the
// outcomes a model rules out, a hatch pattern, paired bars of p and q, a legend, a bar label.

/** Indices of the outcomes `a` can produce (a[i] > 0) that `b` gives probability 0. */
export function ruledOut(a, b) {
  const out = [];
  for (let i = 0; i < a.length; i += 1) if (a[i] > 0 && b[i] === 0) out.push(i);
  return out;
}

/** Add a diagonal hatch pattern to `svg` (its stroke from the CSS class ix-hatch); its fill URL. */
export function hatchPattern(svg) {
  const id = uniqueId("hatch");
  svg.append(
    s(
      "defs",
      {},
      s(
        "pattern",
        { id, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        s("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "ix-hatch" }),
      ),
    ),
  );
  return `url(#${id})`;
}

/**
 * A row of legend entries at (x, y): each `[cssClass, text, kind]`, kind "box" (a filled
 * square, the default) or "line" (a short stroke). Returns the x where the row ends.
 */
export function legend(svg, x, y, entries) {
  let at = x;
  for (const [cls, text, kind] of entries) {
    if (kind === "line") svg.append(s("line", { x1: at, x2: at + 22, y1: y - 4, y2: y - 4, class: cls }));
    else svg.append(s("rect", { x: at + 5, y: y - 10, width: 12, height: 12, class: cls }));
    const label = s("text", { x: at + 27, y, class: "ix-tick" }, text);
    svg.append(label);
    at += 27 + 7.2 * text.length + 14;
  }
  return at;
}

/**
 * Paired bars, one pair per outcome: `first` (left of each slot) and `second` (right; null
 * draws none), on a probability axis from 0 to 1 in the rectangle (x, y, w, hgt). Each bar
 * carries its value to 2 decimals when the slot is wide enough, except the second bars listed
 * in `unlabelled` (where a view draws a mark instead). Returns the y mapping and the centre of
 * each slot's second bar.
 */
export function pairedBars(svg, { x, y, w, hgt, labels, first, second, classes, yLabel, unlabelled = [] }) {
  const sy = axes(svg, { x, y, w, hgt, yMin: 0, yMax: 1, yLabel });
  const slot = w / labels.length;
  const bar = Math.min(36, slot * 0.4);
  const showValues = bar >= 26;
  const centres = [];
  labels.forEach((label, i) => {
    const cx = x + slot * (i + 0.5);
    centres.push(cx + bar / 2);
    svg.append(s("text", { x: cx, y: sy(0) + 18, "text-anchor": "middle", class: "ix-tick" }, label));
    [first, second].forEach((values, k) => {
      if (!values) return;
      const left = cx - bar + k * bar;
      const v = values[i];
      svg.append(s("rect", { x: left, y: sy(v), width: bar - 1, height: sy(0) - sy(v), class: classes[k] }));
      if (showValues && !(k === 1 && unlabelled.includes(i))) {
        const at = { x: left + bar / 2, y: sy(v) - 4, "text-anchor": "middle", class: "ix-tick" };
        svg.append(s("text", at, fmt(v, 2)));
      }
    });
  });
  return { sy, centres };
}

/** A vertical axis label centred at (x, yMid): axes() puts its own at the figure's left edge. */
export function yLabelAt(svg, x, yMid, text) {
  const transform = `rotate(-90 ${x} ${yMid})`;
  svg.append(s("text", { x, y: yMid, transform, "text-anchor": "middle", class: "ix-label" }, text));
}

// ---------------------------------------------------------------------------------------------
// Added for the temperature explorer (chapter 8).

/**
 * The softmax of z / temperature: exp((z_k - max z) / T) over their sum. Subtracting the
 * largest logit keeps every exponential in (0, 1], as infolib.softmax_at_temperature does.
 */
export function softmax(z, temperature = 1) {
  let top = Number.NEGATIVE_INFINITY;
  for (const x of z) top = Math.max(top, x);
  const e = z.map((x) => Math.exp((x - top) / temperature));
  let total = 0;
  for (const x of e) total += x;
  return e.map((x) => x / total);
}

// ---------------------------------------------------------------------------------------------
// Added for the explorers over a seeded table (frequency, chapter 1; estimation, chapter 9):
// infolib.explorers.base.SeededTable on the Python side.

/** A whole number shown in a readout, with thousands separators (Python's f"{n:,}"). */
export function numInt(key, value) {
  return h("span", { class: "ix-num", "data-key": key }, fmtInt(value));
}

/**
 * A readout table: a header row of `columns`, then one row per `[head, ...cells]`, its head
 * a row header and each cell (text or element) a data cell.
 */
export function rowTable(columns, rows) {
  return h(
    "table",
    { class: "ix-table" },
    h("tr", {}, ...columns.map((t) => h("th", { scope: "col" }, t))),
    ...rows.map(([head, ...cells]) =>
      h("tr", {}, h("th", { scope: "row" }, head), ...cells.map((cell) => h("td", {}, cell))),
    ),
  );
}

/**
 * The controls of a SeededTable explorer, appended to `parts.controls`: a slider over the
 * indices of the synced `sizes` (trait size_index; it shows the size itself), a choice of the
 * keys of the synced `probabilities` (trait `key`), and a line saying what Python tabulated,
 * the text `precomputed()` returns (it names the seed, so it is written again when the seed
 * changes). The view follows both traits, the seed and the trait `table` that holds the
 * tabulated numbers (Python replaces it on a new seed). Returns the function that unsubscribes.
 */
export function seededControls(model, parts, { sizeLabel, key, legend, table, precomputed, update }) {
  const sizes = model.get("sizes");
  const save = (trait, value) => {
    model.set(trait, value);
    model.save_changes();
  };
  const size = slider({
    label: sizeLabel,
    key: "size_index",
    min: 0,
    max: sizes.length - 1,
    step: 1,
    value: model.get("size_index"),
    format: (k) => fmtInt(sizes[k]),
    onInput: (k) => save("size_index", k),
  });
  const pick = choice({
    legend,
    key,
    options: Object.keys(model.get("probabilities")),
    value: model.get(key),
    onChange: (v) => save(key, v),
  });
  const line = h("p", { class: "ix-precomputed" }, precomputed());
  parts.controls.append(size.el, pick.el, line);
  const sync = (trait) => {
    if (trait === "size_index") size.set(model.get("size_index"));
    if (trait === key) pick.set(model.get(key));
    if (trait === "seed") line.textContent = precomputed();
  };
  return follow(model, ["size_index", key, "seed", table], sync, update);
}

/**
 * A figure holding one plot: figureSvg() at the container's width, a plotting rectangle with
 * the given margins (`left` for the y ticks and label, `bottom` for the x ticks and label), and
 * its axes(), drawn with the remaining options (yMin, yMax, yTicks, yLabel, xLabel). Returns
 * the svg, its width, the rectangle (left, top, plotW, plotH) and the y mapping sy.
 */
export function plotFrame(container, { height, alt, left = 56, top, right = 12, bottom = 54, ...axis }) {
  const { svg, width } = figureSvg(container, { height, alt });
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const sy = axes(svg, { x: left, y: top, w: plotW, hgt: plotH, ...axis });
  return { svg, width, left, top, plotW, plotH, sy };
}
