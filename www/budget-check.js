// budget-check — the embeddable API. One ES module, no framework.
//
//   import { init, check } from './budget-check.js';
//   await init();                                  // starts the checker in a Web Worker
//   const report = await check(text, { lang: 'zh' }); // see budget-check.d.ts for the shape
//
// or, with no code at all: <budget-check lang="zh">…text…</budget-check> (see embed.html).
// The checker runs in a Worker so a large document never freezes the page. Nothing is sent
// anywhere: the worker and the wasm module are loaded from beside this file (or, in the
// single-file build, from the page itself).

const WORKER_SRC_ID = 'bc-worker-src';
const WASM_B64_ID = 'bc-wasm';

let worker = null;
let ready = null;
let rulesList = [];
let seq = 0;
const pending = new Map();

/** The worker source and wasm bytes embedded in the single-file build, if this is one. */
function inlineAssets() {
  const src = document.getElementById(WORKER_SRC_ID);
  const b64 = document.getElementById(WASM_B64_ID);
  if (!src || !b64) return null;
  const bin = atob(b64.textContent.trim());
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([src.textContent], { type: 'text/javascript' }));
  return { url, bytes };
}

/**
 * Start the checker. `options.base`: the folder holding worker.js and pkg/ (default: this
 * module's folder). Resolves once the wasm module is ready; safe to call more than once.
 */
export function init(options = {}) {
  if (ready) return ready;
  ready = new Promise((resolve, reject) => {
    const inline = inlineAssets();
    const base = new URL(options.base ?? './', import.meta.url);
    worker = new Worker(inline ? inline.url : new URL('worker.js', base));
    worker.onmessage = (ev) => {
      const m = ev.data;
      if (m.type === 'ready') { rulesList = m.rules; resolve(); return; }
      if (m.type === 'failed') { worker.onerror({ message: m.message }); return; }
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.type === 'report') p.resolve(Object.assign(m.report, { elapsed_ms: m.ms }));
      else p.reject(new Error(m.message));
    };
    // A worker that fails (or dies) fails every check waiting on it; the next call starts afresh.
    const fail = (e) => {
      const err = new Error(e?.message || 'budget-check worker failed');
      reject(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      worker?.terminate();
      worker = null;
      ready = null;
    };
    worker.onerror = fail;
    worker.onmessageerror = fail;
    if (inline) worker.postMessage({ type: 'init', wasm: inline.bytes.buffer }, [inline.bytes.buffer]);
    else worker.postMessage({ type: 'init', glue: new URL('pkg/budget_check.js', base).href, wasm: new URL('pkg/budget_check_bg.wasm', base).href });
  });
  return ready;
}

/** Check `text`; resolves to the report. Calls are answered in order. */
export async function check(text, options = {}) {
  await init();
  const id = ++seq;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: 'check', id, text: String(text), options: { lang: options.lang === 'en' ? 'en' : 'zh' } });
  });
}

/** Every rule's id, titles and documentation (after `init`). */
export function rules() {
  return rulesList;
}

const SEVERITY = { zh: { error: '错误', warning: '警告', info: '提示' }, en: { error: 'error', warning: 'warning', info: 'info' } };

/** One line for a finding: severity, rule, line, message. */
export function findingLine(f, lang = 'zh') {
  const line = lang === 'en' ? `line ${f.primary.line}` : `第 ${f.primary.line} 行`;
  return `${SEVERITY[lang === 'en' ? 'en' : 'zh'][f.severity]} ${f.rule} · ${line}：${f.message}`;
}

/**
 * `<budget-check lang="zh">text</budget-check>`: checks its text (or the `text` property) and
 * shows the summary and the findings. Fires `budget-check:report` with the report as `detail`.
 */
export class BudgetCheckElement extends HTMLElement {
  static get observedAttributes() { return ['lang']; }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      this.summaryEl = document.createElement('p');
      this.summaryEl.part = 'summary';
      this.listEl = document.createElement('ol');
      this.listEl.part = 'findings';
      root.append(this.summaryEl, this.listEl);
      // A `text` set before the element was upgraded shadows the accessor: take it over.
      if (Object.prototype.hasOwnProperty.call(this, 'text')) {
        const v = this.text;
        delete this.text;
        this._text = String(v);
      }
    }
    if (this._text === undefined && document.readyState === 'loading') {
      // Children are parsed after the element itself: read the text once the document is.
      document.addEventListener('DOMContentLoaded', () => { if (this._text === undefined) this._text = this.textContent; this.run(); }, { once: true });
      return;
    }
    if (this._text === undefined) this._text = this.textContent;
    this.run();
  }

  attributeChangedCallback() { if (this.shadowRoot) this.run(); }

  get text() { return this._text ?? ''; }
  set text(v) { this._text = String(v); if (this.shadowRoot) this.run(); }

  async run() {
    const lang = this.getAttribute('lang') === 'en' ? 'en' : 'zh';
    const id = (this._run = (this._run ?? 0) + 1);
    let report;
    try {
      report = await check(this.text, { lang });
    } catch (e) {
      if (id !== this._run) return;
      this.summaryEl.textContent = String(e);
      this.listEl.replaceChildren();
      this.dispatchEvent(new CustomEvent('budget-check:error', { detail: e, bubbles: true }));
      return;
    }
    if (id !== this._run) return; // a newer text arrived meanwhile
    const s = report.summary;
    this.summaryEl.dataset.verdict = s.verdict;
    this.summaryEl.textContent = lang === 'en'
      ? `${s.verdict_text} · ${s.errors} errors, ${s.warnings} warnings · ${s.checks_run} of ${s.checks_run + s.checks_skipped} checks run`
      : `${s.verdict_text} · ${s.errors} 个错误，${s.warnings} 个警告 · 已核对 ${s.checks_run} / ${s.checks_run + s.checks_skipped} 项`;
    this.listEl.replaceChildren(...report.findings.filter((f) => f.severity !== 'info').map((f) => {
      const li = document.createElement('li');
      li.className = f.severity;
      li.part = `finding ${f.severity}`;
      li.textContent = `${findingLine(f, lang)}（${f.note}）`;
      return li;
    }));
    this.dispatchEvent(new CustomEvent('budget-check:report', { detail: report, bubbles: true }));
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('budget-check')) {
  customElements.define('budget-check', BudgetCheckElement);
}
