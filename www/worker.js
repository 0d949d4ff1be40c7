// The checker's Web Worker: runs the wasm core off the page's thread, so typing never waits for a
// check. A classic worker: the wasm-bindgen glue (target no-modules) defines `wasm_bindgen`,
// loaded by importScripts (served page) or prepended to this file (single-file build).
/* global wasm_bindgen, importScripts */
let ready = null;

self.onmessage = async (ev) => {
  const m = ev.data;
  if (m.type === 'init') {
    try {
      if (typeof wasm_bindgen === 'undefined') importScripts(m.glue);
      // m.wasm: the module's URL (served page) or its bytes (single-file build).
      ready = wasm_bindgen({ module_or_path: m.wasm });
      await ready;
      self.postMessage({ type: 'ready', rules: wasm_bindgen.rules() });
    } catch (e) {
      self.postMessage({ type: 'failed', message: String(e) });
    }
    return;
  }
  if (m.type === 'check') {
    try {
      await ready;
      const t0 = performance.now();
      const report = wasm_bindgen.check(m.text, m.options ?? {});
      self.postMessage({ type: 'report', id: m.id, report, ms: performance.now() - t0 });
    } catch (e) {
      self.postMessage({ type: 'error', id: m.id, message: String(e) });
    }
  }
};
