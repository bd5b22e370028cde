// Makes the explorers live on the static website, with no kernel and no network.
//
// Each explorer is an anywidget: its view is an ES module whose text travels in the widget
// state that the notebook saved (the "_esm" entry), with its stylesheet ("_css"). myst-nb
// writes that state into the page as <script type="application/vnd.jupyter.widget-state+json">
// and puts a <script type="application/vnd.jupyter.widget-view+json"> where each widget was
// displayed. This script replaces the widget manager on our pages: for each view whose model
// is an anywidget it imports the module from the saved text and calls its render() with a
// small model that keeps the saved values in the page. In JupyterLab the same module runs
// under anywidget's own front end, with the kernel behind it.
const STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
const VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';

/** The part of anywidget's model interface the explorer views use, kept in the page. */
class PageModel {
  constructor(state) {
    this.state = { ...state };
    this.listeners = new Map();
  }
  get(name) {
    return this.state[name];
  }
  set(name, value) {
    this.state[name] = value;
    for (const callback of this.listeners.get(`change:${name}`) ?? []) callback(value);
    for (const callback of this.listeners.get("change") ?? []) callback();
  }
  on(event, callback) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event).add(callback);
  }
  off(event, callback) {
    if (!event) this.listeners.clear();
    else if (!callback) this.listeners.delete(event);
    else this.listeners.get(event)?.delete(callback);
  }
  save_changes() {} // nothing to sync: there is no kernel on this page
  send() {}
}

const modules = new Map();
function importModule(text) {
  if (!modules.has(text)) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
    modules.set(
      text,
      import(url).finally(() => URL.revokeObjectURL(url)),
    );
  }
  return modules.get(text);
}

const styles = new Set();
function addStyle(text) {
  if (!text || styles.has(text)) return;
  styles.add(text);
  const style = document.createElement("style");
  style.textContent = text;
  document.head.append(style);
}

// One page model per saved model, shared by every view of it (two views stay in step).
const pageModels = new Map();

async function renderView(script, models) {
  const host = document.createElement("div");
  host.className = "infolib-live";
  try {
    const { model_id: id } = JSON.parse(script.textContent);
    const saved = models[id];
    if (saved?.model_module !== "anywidget") return;
    script.replaceWith(host);
    addStyle(saved.state._css);
    const module = await importModule(saved.state._esm);
    let widget = module.default;
    if (typeof widget === "function") widget = await widget();
    let model = pageModels.get(id);
    if (!model) {
      model = new PageModel(saved.state);
      pageModels.set(id, model);
      await widget.initialize?.({ model });
    }
    await widget.render({ model, el: host, staticPage: true });
    host.dataset.ready = "true";
  } catch (err) {
    host.dataset.ready = "error";
    host.textContent = `This explorer could not start: ${err}`;
    if (!host.isConnected) script.replaceWith(host);
    console.error(err);
  }
}

// Each explorer starts as soon as the parser has read its place in the page, not at the end:
// on a slow phone the explorers are live before MathJax has typeset the chapter's formulas.
function main() {
  let models = null;
  const started = new Set();
  const pending = [];
  const scan = () => {
    if (!models) {
      const stateScript = document.querySelector(STATE);
      if (!stateScript?.nextSibling && document.readyState === "loading") return;
      try {
        models = stateScript ? (JSON.parse(stateScript.textContent).state ?? {}) : {};
      } catch (err) {
        console.error("The page's saved explorer state is unreadable:", err);
        models = {};
      }
    }
    for (const script of document.querySelectorAll(VIEW)) {
      // A script the parser is still filling has no next sibling yet.
      if (started.has(script) || (!script.nextSibling && document.readyState === "loading")) continue;
      started.add(script);
      pending.push(renderView(script, models));
    }
  };
  const finish = async () => {
    scan();
    await Promise.all(pending);
    document.documentElement.dataset.explorersReady = "true";
    performance.mark("infolib-explorers-ready"); // read by benchmarks/browser.py
  };
  if (document.readyState === "loading") {
    const observer = new MutationObserver(scan);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", () => {
      observer.disconnect();
      finish();
    });
  } else {
    finish();
  }
}

main();
