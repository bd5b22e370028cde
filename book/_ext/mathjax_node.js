// Typesets TeX with MathJax 3.2.2 in Node.js, for book/_ext/prerender_math.py.
//
//   node mathjax_node.js MATHJAX_ES5_DIR < request.json > answer.json
//
// request: {"formulas": [[tex, display], ...], "fontURL": "...", "em": 16, "ex": 9}
// answer:  {"html": [container or null, ...], "errors": [[index, message], ...], "css": "..."}
//
// MathJax runs from the npm package "mathjax" (its es5 components, the code the browser
// bundle tex-mml-chtml.js is built from), loaded through the package's own node-main.js, with
// the TeX input the browser bundle has (base, ams, newcommand, require, autoload,
// configmacros, so extensions load on first use as in the browser) and the CHTML output with
// assistive MathML. Two differences from the browser, on purpose: an undefined macro is an
// error (the browser draws it in red), and any TeX error is reported instead of drawn, so the
// build can fail naming the formula. The stylesheet covers every character of every formula
// of the request: one file for the whole site.
"use strict";

const path = require("node:path");

const es5 = path.resolve(process.argv[2] || ".");

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on("data", (c) => chunks.push(c));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

async function main() {
  const request = JSON.parse(await readStdin());
  const MathJax = await require(path.join(es5, "node-main.js")).init({
    loader: {
      paths: { mathjax: es5 },
      load: ["input/tex", "output/chtml", "a11y/assistive-mml"],
      require: require,
    },
    tex: {
      packages: { "[-]": ["noundefined"] },
      formatError: (jax, err) => {
        throw err;
      },
    },
    chtml: { fontURL: request.fontURL },
    startup: { typeset: false },
  });
  const adaptor = MathJax.startup.adaptor;
  // The size the browser chose: CHTML scales math so its x-height matches the text's, and the
  // page's body text measured em 16 px, ex 9 px in Chromium (113 of 115 contexts per chapter).
  const scale = request.ex / (MathJax.startup.output.font.params.x_height * request.em);
  const html = [];
  const errors = [];
  for (const [i, [tex, display]] of request.formulas.entries()) {
    try {
      const node = await MathJax.tex2chtmlPromise(tex, {
        display,
        em: request.em,
        ex: request.ex,
        containerWidth: 80 * request.em,
        scale,
      });
      if (display) adaptor.setAttribute(node, "tabindex", "0"); // it may scroll sideways
      html.push(adaptor.outerHTML(node));
    } catch (err) {
      html.push(null);
      errors.push([i, String(err.message || err)]);
    }
  }
  const css = adaptor.textContent(MathJax.chtmlStylesheet());
  process.stdout.write(JSON.stringify({ html, errors, css }));
}

main().catch((err) => {
  process.stderr.write(`MathJax in Node failed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
