// The checker page: paste → check (in a Worker) → the text with failing numbers marked, the tables
// with failing cells highlighted, and the findings grouped by table. Pasted text only ever reaches
// the DOM through textContent / DOM APIs, never as HTML.
import { init, check, rules } from './budget-check.js';

const STORAGE_KEY = 'budget-check:text';
const LANG_KEY = 'budget-check:lang';
const SAMPLES = ['000_c5319cc9361c949c.txt', '001_0733fe522b96b6fc.txt', '002_ac8f4d225a7a92b5.txt',
  '003_88b8b8ae90c6f4b1.txt', '004_010c114e2d4fd7cc.txt'];
const SAMPLES_ID = 'bc-samples';
const DEBOUNCE_MS = 300;

const UI = {
  zh: {
    severity: { error: '错误', warning: '警告', info: '提示' },
    status: { checked: '已核对', partial: '部分核对', empty: '空表', unreadable: '无法读取', missing: '缺失', not_checked: '未核对' },
    summary: (s, n) => [`${s.errors} 个错误`, `，${s.warnings} 个警告，${s.infos} 个提示 · 已核对 ${s.checks_run} / ${s.checks_run + s.checks_skipped} 项勾稽关系（通过 ${s.checks_passed}，跳过 ${s.checks_skipped}） · 情况说明 ${n.bound} / ${n.figures} 个数字已核对`],
    line: (n) => `第 ${n} 行`, expected: '应为', none: '未发现不一致。', noTables: '未识别到预算公开表格。',
    why: '规则说明', rows: '行', took: (ms) => `用时 ${ms} 毫秒`, checking: '正在核对…', failed: '核对失败：',
    groups: { narrative: '情况说明（文字部分）', document: '文档结构', other: '其他' },
    balanceHead: ['收入项目', '预算数', '支出功能分类'], codedHead: ['科目编码', '科目名称'], amount: '金额',
    csvHead: ['严重程度', '规则', '表', '行', '说明', '发现', '应为', '计算'],
    amounts: (c, n) => `数字 ${c} / ${n} 已核对`,
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' },
    status: { checked: 'checked', partial: 'partly checked', empty: 'empty', unreadable: 'unreadable', missing: 'missing', not_checked: 'not checked' },
    summary: (s, n) => [`${s.errors} errors`, `, ${s.warnings} warnings, ${s.infos} notes · ${s.checks_run} of ${s.checks_run + s.checks_skipped} checks run (${s.checks_passed} passed, ${s.checks_skipped} skipped) · narrative: ${n.bound} of ${n.figures} figures checked`],
    line: (n) => `line ${n}`, expected: 'expected', none: 'No inconsistency found.', noTables: 'No budget tables recognised.',
    why: 'About this rule', rows: 'rows', took: (ms) => `${ms} ms`, checking: 'Checking…', failed: 'Check failed: ',
    groups: { narrative: 'Narrative (情况说明)', document: 'Document structure', other: 'Other' },
    balanceHead: ['Income', 'Budget', 'Function class'], codedHead: ['Code', 'Name'], amount: 'Amount',
    csvHead: ['severity', 'rule', 'table', 'line', 'message', 'found', 'expected', 'arithmetic'],
    amounts: (c, n) => `${c} of ${n} amounts checked`,
  },
};

const $ = (id) => document.getElementById(id);
let lang = 'zh';
const t = () => UI[lang];

/** Create an element; children are nodes or strings (strings become text nodes). */
function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

let report = null;
let reportText = '';
/** Rule id → { title_zh, title_en, doc }. */
const ruleDocs = new Map();
/** UTF-16 start offset of a printed amount → its table cell / its mark in the text view. */
let cellByStart = new Map();
let markByStart = new Map();

/** Which group a finding belongs to: its table, the narrative, or the document's structure. */
function groupOf(f) {
  if (f.table) return f.table;
  if (f.rule.startsWith('N')) return 'narrative';
  if (f.rule.startsWith('STR')) return 'document';
  return 'other';
}

function groupTitle(g) {
  const tbl = report.tables.find((x) => x.id === g);
  return tbl ? `${g} ${tbl.title}` : t().groups[g] ?? g;
}

function renderSummary(r) {
  const [errors, rest] = t().summary(r.summary, r.narrative);
  // The verdict says how much was checked: green only when nearly everything was and nothing failed.
  const v = r.summary.errors ? 'errors' : r.summary.verdict;
  $('summary').replaceChildren(
    el('span', { class: `verdict v-${v}`, dataset: { verdict: r.summary.verdict } }, r.summary.verdict_text), ' · ',
    el('span', { class: r.summary.errors ? 'n-error' : 'n-ok' }, errors), rest);
}

function renderFindings(r) {
  const box = $('findings');
  box.replaceChildren();
  if (r.findings.length === 0) {
    box.append(el('p', { class: 'empty' }, r.tables.length ? t().none : t().noTables));
    return;
  }
  const groups = new Map();
  r.findings.forEach((f, i) => {
    const g = groupOf(f);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push([f, i]);
  });
  for (const [g, items] of groups) {
    const ol = el('ol', { class: 'findings' });
    for (const [f, i] of items) ol.append(findingItem(f, i));
    box.append(el('section', { class: 'group', dataset: { group: g } }, el('h3', {}, groupTitle(g)), ol));
  }
}

function findingItem(f, i) {
  const doc = ruleDocs.get(f.rule);
  const title = doc ? (lang === 'en' ? doc.title_en : doc.title_zh) : '';
  const li = el('li', { class: f.severity, tabindex: 0, dataset: { index: i, line: f.primary.line } },
    el('span', { class: 'rule', title }, `${t().severity[f.severity]} ${f.rule}`),
    `${t().line(f.primary.line)}：${f.message}`,
    el('span', { class: 'note' }, `${f.note}；${t().expected} ${f.expected}`),
    f.likely ? el('span', { class: 'likely' }, f.likely.text) : null,
  );
  if (doc) {
    const details = el('details', { class: 'why' }, el('summary', {}, `${t().why}：${title}`), el('pre', {}, doc.doc));
    details.addEventListener('click', (ev) => ev.stopPropagation());
    li.append(details);
  }
  li.addEventListener('click', () => focusFinding(i));
  li.addEventListener('keydown', (ev) => {
    if (ev.target !== li) return; // keys inside the rule's <details> are its own
    if (ev.key === 'Enter') focusFinding(i);
    else if (ev.key === 'ArrowDown' || ev.key === 'j') { moveFocus(i, 1); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp' || ev.key === 'k') { moveFocus(i, -1); ev.preventDefault(); }
  });
  return li;
}

/** Keyboard navigation: the next / previous finding in list order (across groups). */
function moveFocus(i, step) {
  const items = [...document.querySelectorAll('#findings li[data-index]')];
  const at = items.findIndex((li) => Number(li.dataset.index) === i);
  const next = items[Math.min(items.length - 1, Math.max(0, at + step))];
  if (next) { next.focus({ preventScroll: true }); focusFinding(Number(next.dataset.index)); next.scrollIntoView({ block: 'nearest' }); }
}

function numCell(c) {
  const td = el('td', { class: 'num' }, c ? c.text : '');
  if (c) {
    td.dataset.start = c.start;
    cellByStart.set(c.start, td);
  }
  return td;
}

/** Grey the cells no check read, the reason as their tooltip. */
function markUnchecked(tb) {
  for (const u of tb.unchecked ?? []) {
    const td = cellByStart.get(u.start);
    if (td) { td.classList.add('cell-unchecked'); td.title = u.label; }
  }
}

function renderTables(r) {
  const box = $('tables');
  box.replaceChildren();
  cellByStart = new Map();
  for (const tb of r.tables) {
    const caption = el('caption', {}, `${tb.id} ${tb.title}`,
      el('span', { class: 'tstatus' }, `${t().status[tb.status] ?? tb.status} · ${tb.rows} ${t().rows} · ${t().amounts(tb.amounts_checked, tb.amounts)}${tb.line ? ` · ${t().line(tb.line)}` : ''}`));
    const table = el('table', { class: 'model', dataset: { table: tb.id } }, caption);
    if (tb.body.length) {
      // Balance tables (T1, T4): income label and amount, then the expenditure class and its amounts.
      const isBalance = tb.id === 'T1' || tb.id === 'T4';
      const [inc, budget, fn] = t().balanceHead;
      const head = isBalance
        ? [inc, tb.columns[0] ?? budget, fn, ...tb.columns.slice(1)]
        : [...t().codedHead, ...(tb.columns.length ? tb.columns : [t().amount])];
      table.append(el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))));
      const tbody = el('tbody');
      for (const row of tb.body) {
        const tr = el('tr', { dataset: { line: row.line } });
        if (isBalance) tr.append(el('td', {}, row.name), numCell(row.cells[0]), el('td', {}, row.right ?? ''), ...row.cells.slice(1).map(numCell));
        else tr.append(el('td', {}, row.code ?? ''), el('td', {}, row.name), ...row.cells.map(numCell));
        for (const u of row.unplaced ?? []) tr.append(numCell(u));
        tbody.append(tr);
      }
      table.append(tbody);
    }
    box.append(table);
    markUnchecked(tb);
  }
}

/** Up to this many characters the text view shows the whole document; beyond, the lines around
 * each marked number (laying out megabytes of text would freeze the page for seconds). */
const FULL_DOC_CHARS = 300_000;
const EXCERPT_LINES = 2;

/** The parts of `text` the text view shows: all of it, or the lines around each offset. */
function docSegments(text, offsets) {
  if (text.length <= FULL_DOC_CHARS) return [[0, text.length]];
  const segs = [];
  for (const at of offsets) {
    let a = at;
    let b = at;
    for (let i = 0; i <= EXCERPT_LINES && a > 0; i++) a = a >= 2 ? text.lastIndexOf('\n', a - 2) + 1 : 0;
    for (let i = 0; i <= EXCERPT_LINES && b < text.length; i++) { const nl = text.indexOf('\n', b + 1); b = nl < 0 ? text.length : nl; }
    const last = segs[segs.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else segs.push([a, b]);
  }
  return segs;
}

/** The pasted text as it was, with every finding's number marked in place. */
function renderDocument(text, r) {
  const spans = new Map();
  for (const f of r.findings) {
    const cls = `m-${f.severity}`;
    const prev = spans.get(f.primary.start);
    if (!prev || prev.rank < rank(f.severity)) spans.set(f.primary.start, { end: f.primary.end, cls, rank: rank(f.severity), f });
    for (const rel of f.related) if (!spans.has(rel.start)) spans.set(rel.start, { end: rel.end, cls: 'm-related', rank: 0 });
  }
  // Figures of the 情况说明 no rule could check, each with why (so no number passes silently).
  for (const u of r.narrative?.unbound ?? []) if (!spans.has(u.start)) spans.set(u.start, { end: u.end, cls: 'm-unchecked', rank: -1, why: u.label });
  const starts = [...spans.keys()].sort((a, b) => a - b);
  const sentences = failingSentences(text, r);
  const frag = document.createDocumentFragment();
  // Plain text between marks; the parts inside a failing sentence are shaded with it.
  let si = 0;
  const plain = (x, y) => {
    while (x < y) {
      while (si < sentences.length && sentences[si][1] <= x) si++;
      const sent = sentences[si];
      if (!sent || sent[0] >= y) { frag.append(text.slice(x, y)); return; }
      if (sent[0] > x) { frag.append(text.slice(x, sent[0])); x = sent[0]; }
      const end = Math.min(y, sent[1]);
      frag.append(el('span', { class: `sent-${sent[2]}` }, text.slice(x, end)));
      x = end;
    }
  };
  markByStart = new Map();
  let k = 0;
  const lines = lineCounter(text);
  for (const [a, b] of docSegments(text, starts)) {
    if (a > 0) frag.append(el('span', { class: 'gap' }, `⋯ ${t().line(lines(a))} ⋯\n`));
    let at = a;
    for (; k < starts.length && starts[k] < b; k++) {
      const s = starts[k];
      const m = spans.get(s);
      if (s < at || m.end > text.length) continue;
      plain(at, s);
      const mark = el('mark', { class: m.cls, dataset: { start: s } }, text.slice(s, m.end));
      if (m.f) mark.title = m.f.message;
      else if (m.why) mark.title = m.why;
      markByStart.set(s, mark);
      frag.append(mark);
      at = m.end;
    }
    plain(at, Math.max(at, b));
  }
  $('doc').replaceChildren(frag);
}

const SENTENCE_END = /[。；;\n]/;
const SENTENCE_MAX = 400;

/** [start, end, severity] of each sentence holding a failing narrative number, in order, merged. */
function failingSentences(text, r) {
  const out = [];
  for (const f of r.findings) {
    if (!f.rule.startsWith('N') || f.severity === 'info') continue;
    let a = f.primary.start;
    while (a > 0 && f.primary.start - a < SENTENCE_MAX && !SENTENCE_END.test(text[a - 1])) a--;
    let b = f.primary.end;
    while (b < text.length && b - f.primary.end < SENTENCE_MAX && !SENTENCE_END.test(text[b])) b++;
    if (b < text.length && text[b] !== '\n') b++; // the 。 belongs to its sentence
    out.push([a, b, f.severity]);
  }
  out.sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const s of out) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) { last[1] = Math.max(last[1], s[1]); if (s[2] === 'error') last[2] = 'error'; }
    else merged.push(s);
  }
  return merged;
}

/** offset → 1-based line, for offsets asked in increasing order: one pass over the text in all. */
function lineCounter(text) {
  let pos = 0;
  let line = 1;
  return (at) => {
    for (let i = text.indexOf('\n', pos); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) { line++; pos = i + 1; }
    return line;
  };
}

const rank = (sev) => ({ info: 1, warning: 2, error: 3 })[sev] ?? 0;

function highlight(r) {
  // One class per cell and row: the most severe finding on it.
  const cellRank = new Map();
  const rowRank = new Map();
  for (const f of r.findings) {
    const primary = cellByStart.get(f.primary.start);
    const k = rank(f.severity);
    if (primary && k > (cellRank.get(primary) ?? 0)) {
      cellRank.set(primary, k);
      primary.classList.remove('cell-info', 'cell-warning', 'cell-related');
      primary.classList.add(`cell-${f.severity}`);
      primary.title = f.message;
      const tr = primary.closest('tr');
      if (tr && k >= 2 && k > (rowRank.get(tr) ?? 0)) {
        rowRank.set(tr, k);
        tr.classList.remove('row-warning');
        tr.classList.add(f.severity === 'error' ? 'row-error' : 'row-warning');
      }
    }
    for (const rel of f.related) {
      const td = cellByStart.get(rel.start);
      if (td && !td.className.includes('cell-')) td.classList.add('cell-related');
    }
  }
}

function flash(node) {
  node.classList.remove('flash');
  void node.offsetWidth; // restart the animation
  node.classList.add('flash');
}

function focusFinding(i) {
  const f = report?.findings[i];
  if (!f) return;
  document.querySelectorAll('#findings li.active').forEach((li) => li.classList.remove('active'));
  document.querySelector(`#findings li[data-index="${i}"]`)?.classList.add('active');
  const td = cellByStart.get(f.primary.start);
  if (td) { td.scrollIntoView({ block: 'center' }); flash(td); }
  const mark = markByStart.get(f.primary.start);
  if (mark && !td) $('doc').scrollIntoView({ block: 'nearest' });
  if (mark) {
    const doc = $('doc');
    doc.scrollTop = Math.max(0, mark.offsetTop - doc.offsetTop - doc.clientHeight / 2);
    flash(mark);
  }
  // Select the failing number in the pasted text as well (offsets are UTF-16, as JS strings).
  const src = $('source');
  if (src.value === reportText) {
    src.setSelectionRange(f.primary.start, f.primary.end);
    const lineHeight = parseFloat(getComputedStyle(src).lineHeight) || 16;
    src.scrollTop = Math.max(0, (f.primary.line - 5) * lineHeight);
  }
}

function show(r, text) {
  report = r;
  reportText = text;
  renderSummary(r);
  renderFindings(r);
  renderTables(r);
  renderDocument(text, r);
  highlight(r);
  $('status').textContent = t().took(Math.round(r.elapsed_ms ?? 0));
  document.body.dataset.checked = String(Number(document.body.dataset.checked || 0) + 1);
}

// Latest wins: while a check runs in the worker, only the newest text waits for its turn.
let timer = 0;
let running = false;
let queued = false;
async function runCheck() {
  clearTimeout(timer);
  save();
  if (running) { queued = true; return; }
  const text = $('source').value;
  const asked = lang;
  running = true;
  $('status').textContent = t().checking;
  document.body.dataset.busy = 'true';
  try {
    const r = await check(text, { lang: asked });
    // Shown unless the text or the language changed meanwhile (then the newer check follows).
    if (text === $('source').value && asked === lang) show(r, text);
  } catch (e) {
    report = null; // never export or navigate a report of other text
    $('status').textContent = t().failed + e;
    $('findings').replaceChildren(el('p', { class: 'failed' }, t().failed + e));
  } finally {
    running = false;
    document.body.dataset.busy = 'false';
    if (queued) { queued = false; runCheck(); }
  }
}

function scheduleCheck(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(runCheck, delay);
}

function save() {
  try {
    localStorage.setItem(STORAGE_KEY, $('source').value);
  } catch {
    // Storage full or disabled: the text stays in the textarea, and an older saved text must not
    // come back over it on reload.
    try { localStorage.removeItem(STORAGE_KEY); } catch { /* disabled */ }
  }
}

function setText(text) {
  // What was there before is kept, so loading an example never loses a paste.
  try { localStorage.setItem(`${STORAGE_KEY}:previous`, $('source').value); } catch { /* disabled */ }
  $('source').value = text;
  save();
  scheduleCheck(0);
}

/** A dropped or opened text file: UTF-8, else GB18030 (GBK text saved on Chinese Windows). */
async function openFile(f) {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  if (text.includes('\u0000')) { $('status').textContent = `${t().failed}${f.name}: not a text file`; return; }
  setText(text);
}

/** Sample documents, fetched once: the examples still load after the network is cut. */
const sampleCache = new Map();

/** A sample document: embedded in the single-file build, else fetched from beside the page. */
function sample(name) {
  const embedded = document.getElementById(SAMPLES_ID);
  if (embedded) return Promise.resolve(JSON.parse(embedded.textContent)[name] ?? '');
  if (!sampleCache.has(name)) {
    const p = fetch(`./pkg/samples/${name}`).then((res) => {
      if (!res.ok) throw new Error(`${name}: ${res.status}`);
      return res.text();
    });
    p.catch(() => sampleCache.delete(name)); // offline before it was fetched: try again later
    sampleCache.set(name, p);
  }
  return sampleCache.get(name);
}

// ---- Reports to take away: Markdown (a memo), CSV (Excel), JSON (the whole report). ----

/** Text from the report (it quotes the pasted document) made inert in Markdown: no HTML, links or emphasis. */
const mdText = (v) => String(v ?? '').replace(/[\\`*_[\]<>&|#]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');

function markdown(r) {
  const s = r.summary;
  const lines = [`# ${document.title}`, '', `**${mdText(s.verdict_text)}**`, '', t().summary(s, r.narrative).join(''), ''];
  for (const f of r.findings) {
    lines.push(`- **${t().severity[f.severity]} ${f.rule}** ${t().line(f.primary.line)}：${mdText(f.message)}`);
    lines.push(`  - ${mdText(f.note)}；${t().expected} ${mdText(f.expected)}`);
    if (f.likely) lines.push(`  - ${mdText(f.likely.text)}`);
  }
  return lines.join('\n') + '\n';
}

const csvField = (v) => {
  const s = String(v ?? '');
  // Quote always; a leading = + - @ is neutralised so Excel never runs it as a formula.
  const formula = /^[=+\-@\t\r]/.test(s) && !/^-?[\d,]+(\.\d+)?%?$/.test(s);
  return `"${(formula ? `'${s}` : s).replaceAll('"', '""')}"`;
};

function csv(r) {
  // The verdict on the first line, so a spreadsheet of no findings never reads as "all clear".
  const rows = [[r.summary.verdict_text], t().csvHead];
  for (const f of r.findings) rows.push([t().severity[f.severity], f.rule, f.table ?? '', f.primary.line, f.message, f.found, f.expected, f.note]);
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function download(name, type, body) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const EXPORTS = {
  md: () => download('budget-check.md', 'text/markdown;charset=utf-8', markdown(report)),
  csv: () => download('budget-check.csv', 'text/csv;charset=utf-8', csv(report)),
  json: () => download('budget-check.json', 'application/json', JSON.stringify(report, null, 2)),
  copy: () => navigator.clipboard?.writeText(markdown(report)),
  print: () => window.print(),
};

/** The page's fixed labels: Chinese in the HTML, English in `data-en`. */
function translateStatic() {
  for (const node of document.querySelectorAll('[data-en]')) {
    if (node.dataset.zh === undefined) node.dataset.zh = node.textContent;
    node.textContent = lang === 'en' ? node.dataset.en : node.dataset.zh;
  }
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

async function main() {
  try { lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'; } catch { /* disabled */ }
  $('lang').value = lang;
  translateStatic();
  await init();
  for (const r of rules()) ruleDocs.set(r.id, r);

  const src = $('source');
  let saved = null;
  try { saved = localStorage.getItem(STORAGE_KEY); } catch { /* disabled */ }
  src.value = saved ?? await sample(SAMPLES[0]).catch(() => '');
  // A paste is checked at once; typing, after a pause. The text is saved at the same moments.
  src.addEventListener('input', (ev) => { scheduleCheck(ev.inputType === 'insertFromPaste' ? 0 : DEBOUNCE_MS); });
  $('run').addEventListener('click', () => runCheck());
  window.addEventListener('pagehide', save);

  const pick = $('sample');
  SAMPLES.forEach((name, i) => pick.append(el('option', { value: name }, `S${i} ${name.slice(0, 3)}`)));
  pick.addEventListener('change', async () => {
    const name = pick.value;
    pick.value = '';
    if (!name) return;
    try {
      const text = await sample(name);
      if (text) setText(text);
    } catch (e) {
      $('status').textContent = t().failed + e;
    }
  });

  $('file').addEventListener('change', async (ev) => {
    const f = ev.target.files[0];
    ev.target.value = ''; // the same file again fires change again
    if (f) openFile(f);
  });
  document.addEventListener('dragover', (ev) => ev.preventDefault());
  document.addEventListener('drop', (ev) => {
    const f = ev.dataTransfer?.files?.[0];
    if (!f) return;
    ev.preventDefault();
    openFile(f);
  });
  $('lang').addEventListener('change', () => {
    lang = $('lang').value === 'en' ? 'en' : 'zh';
    try { localStorage.setItem(LANG_KEY, lang); } catch { /* disabled */ }
    translateStatic();
    runCheck();
  });
  for (const [k, fn] of Object.entries(EXPORTS)) $(`export-${k}`).addEventListener('click', () => report && fn());

  // n / p (outside the text box): next / previous finding.
  document.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.target.closest?.('textarea, input, select, button, summary')) return;
    if (ev.key !== 'n' && ev.key !== 'p') return;
    ev.preventDefault();
    const active = document.querySelector('#findings li.active');
    const i = active ? Number(active.dataset.index) : -1;
    if (i < 0) { const first = document.querySelector('#findings li[data-index]'); first?.focus(); if (first) focusFinding(Number(first.dataset.index)); }
    else moveFocus(i, ev.key === 'n' ? 1 : -1);
  });

  await runCheck();
  for (const name of SAMPLES) sample(name).catch(() => {}); // fetch the examples while online
  document.body.dataset.ready = 'true';
}

main().catch((e) => { $('summary').textContent = `加载失败 / failed to load: ${e}`; });
