// Loaded before RequireJS and the widget manager on every page with saved widget state
// (first entry of nb_ipywidgets_js in _config.yml). Two adjustments so the explorers render
// from this site alone and without console errors:
(function () {
  "use strict";
  var script = document.currentScript;
  var here = script ? script.src : document.baseURI;
  // Where embed-amd.js and its fonts are: the self-hosted copy unless _config.yml gives this
  // script a data-html-manager attribute (the CDN option).
  var managerDir = (script && script.dataset.htmlManager) || "vendor/html-manager";

  // 1. embed-amd.js computes where its icon fonts live from the AMD module name
  //    "@jupyter-widgets/html-manager/dist/...", which RequireJS resolves against the page's
  //    folder (a 404). Map that name to the folder embed-amd.js is served from. RequireJS
  //    reads a global `require` object as its configuration when it loads.
  if (typeof window.require === "undefined") {
    window.require = {
      paths: { "@jupyter-widgets/html-manager/dist": new URL(managerDir, here).href },
    };
  }

  // 2. A slider's handle (role="slider") has no accessible name: its description is a
  //    <label> that is not tied to it (axe: aria-input-field-name, serious). Name each
  //    handle after its slider's description once the widget manager has drawn it.
  function nameSliders() {
    document.querySelectorAll(".widget-slider").forEach(function (slider) {
      var label = slider.querySelector(".widget-label");
      var name = (label && label.textContent.trim()) || slider.title || "value";
      slider.querySelectorAll('[role="slider"]:not([aria-label])').forEach(function (handle) {
        handle.setAttribute("aria-label", name);
      });
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; nameSliders(); });
  }).observe(document.documentElement, { childList: true, subtree: true });

  // 3. The widget views typeset their HTML with the MathJax 2 API (MathJax.Hub.Queue), but
  //    Sphinx loads MathJax 3, where MathJax.Hub does not exist: every HTML widget threw
  //    "Cannot read properties of undefined (reading 'Queue')". Provide that one call on
  //    top of MathJax 3's typesetPromise, before and after MathJax starts up.
  var mj = window.MathJax;
  if (typeof mj !== "object" || mj === null) return;
  var hub = {
    Queue: function (job) {
      var element = Array.isArray(job) ? job[2] : undefined;
      var now = window.MathJax;
      if (!element || !now || typeof now.typesetPromise !== "function") return;
      var ready = (now.startup && now.startup.promise) || Promise.resolve();
      ready
        .then(function () { return now.typesetPromise([element]); })
        .catch(function (err) { console.warn("MathJax could not typeset a widget:", err); });
    },
  };
  mj.Hub = hub;
  mj.startup = mj.startup || {};
  var userReady = mj.startup.ready;
  mj.startup.ready = function () {
    if (userReady) userReady(); else window.MathJax.startup.defaultReady();
    window.MathJax.Hub = hub;
  };
})();
