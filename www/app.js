// The checker page: paste → check (wasm) → tables with failing cells highlighted + findings list.
// Pasted text only ever reaches the DOM through textContent / DOM APIs, never as HTML.
import init, { check, rules } from './pkg/budget_check.js';

const STORAGE_KEY = 'budget-check:text';
const SAMPLE_URL = './pkg/samples/000_c5319cc9361c949c.txt';
const DEBOUNCE_MS = 300;
const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' };
const STATUS_ZH = { checked: '已核对', partial: '部分核对', empty: '空表', unreadable: '无法读取', missing: '缺失' };

const $ = (id) => document.getElementById(id);

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
/** Rule id → { title_zh, doc } for explaining a finding in place. */
let ruleDocs = new Map();
/** UTF-16 start offset of a printed amount → its table cell. */
let cellByStart = new Map();

function renderSummary(r) {
  const s = r.summary;
  const box = $('summary');
  box.replaceChildren(
    el('span', { class: s.errors ? 'n-error' : '' }, `${s.errors} 个错误`), '，',
    `${s.warnings} 个警告，${s.infos} 个提示`, ' · ',
    `已核对 ${s.checks_run} / ${s.checks_run + s.checks_skipped} 项勾稽关系（通过 ${s.checks_passed}，跳过 ${s.checks_skipped}）`,
    ' · ', `情况说明 ${r.narrative.bound} / ${r.narrative.figures} 个数字已核对`,
  );
}

function renderFindings(r) {
  const list = $('findings');
  list.replaceChildren();
  if (r.findings.length === 0) {
    list.append(el('li', { class: 'empty' }, r.tables.length ? '未发现不一致。' : '未识别到预算公开表格。'));
    return;
  }
  r.findings.forEach((f, i) => {
    const doc = ruleDocs.get(f.rule);
    const li = el('li', { class: f.severity, tabindex: 0, dataset: { index: i, line: f.primary.line } },
      el('span', { class: 'rule', title: doc ? doc.title_zh : '' }, `${SEVERITY_ZH[f.severity]} ${f.rule}`),
      `第 ${f.primary.line} 行：${f.message}`,
      el('span', { class: 'note' }, `${f.note}；应为 ${f.expected}`),
      f.likely ? el('span', { class: 'likely' }, f.likely.text) : null,
    );
    if (doc) {
      const details = el('details', { class: 'why' }, el('summary', {}, `规则说明：${doc.title_zh}`), el('pre', {}, doc.doc));
      details.addEventListener('click', (ev) => ev.stopPropagation());
      li.append(details);
    }
    li.addEventListener('click', () => focusFinding(i));
    li.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') focusFinding(i);
      if (ev.key === 'ArrowDown') li.nextElementSibling?.focus();
      if (ev.key === 'ArrowUp') li.previousElementSibling?.focus();
    });
    list.append(li);
  });
}

function numCell(c) {
  const td = el('td', { class: 'num' }, c ? c.text : '');
  if (c) {
    td.dataset.start = c.start;
    cellByStart.set(c.start, td);
  }
  return td;
}

function renderTables(r) {
  const box = $('tables');
  box.replaceChildren();
  cellByStart = new Map();
  for (const t of r.tables) {
    const caption = el('caption', {}, `${t.id} ${t.title}`,
      el('span', { class: 'tstatus' }, `${STATUS_ZH[t.status] ?? t.status} · ${t.rows} 行${t.line ? ` · 第 ${t.line} 行` : ''}`));
    const table = el('table', { class: 'model', dataset: { table: t.id } }, caption);
    if (t.body.length) {
      // Balance tables (T1, T4): income label and amount, then the expenditure class and its amounts.
      const isBalance = t.id === 'T1' || t.id === 'T4';
      const head = isBalance
        ? ['收入项目', t.columns[0] ?? '预算数', '支出功能分类', ...t.columns.slice(1)]
        : ['科目编码', '科目名称', ...(t.columns.length ? t.columns : ['金额'])];
      table.append(el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))));
      const tbody = el('tbody');
      for (const row of t.body) {
        const tr = el('tr', { dataset: { line: row.line } });
        if (isBalance) {
          tr.append(el('td', {}, row.name), numCell(row.cells[0]), el('td', {}, row.right ?? ''), ...row.cells.slice(1).map(numCell));
          for (const u of row.unplaced ?? []) tr.append(numCell(u));
        } else {
          tr.append(el('td', {}, row.code ?? ''), el('td', {}, row.name), ...row.cells.map(numCell));
          for (const u of row.unplaced ?? []) tr.append(numCell(u));
        }
        tbody.append(tr);
      }
      table.append(tbody);
    }
    box.append(table);
  }
}

function highlight(r) {
  for (const f of r.findings) {
    const primary = cellByStart.get(f.primary.start);
    if (primary) {
      primary.classList.add(f.severity === 'error' ? 'cell-error' : 'cell-info');
      primary.title = f.message;
      if (f.severity === 'error') primary.closest('tr')?.classList.add('row-error');
    }
    for (const rel of f.related) {
      const td = cellByStart.get(rel.start);
      if (td && !td.classList.contains('cell-error')) td.classList.add('cell-related');
    }
  }
}

function focusFinding(i) {
  const f = report?.findings[i];
  if (!f) return;
  document.querySelectorAll('.findings li.active').forEach((li) => li.classList.remove('active'));
  document.querySelector(`.findings li[data-index="${i}"]`)?.classList.add('active');
  const td = cellByStart.get(f.primary.start);
  if (td) {
    td.scrollIntoView({ block: 'center', behavior: 'smooth' });
    td.classList.remove('flash');
    void td.offsetWidth; // restart the animation
    td.classList.add('flash');
  }
  // Select the failing number in the pasted text as well (offsets are UTF-16, as JS strings).
  const src = $('source');
  src.setSelectionRange(f.primary.start, f.primary.end);
  const lineHeight = parseFloat(getComputedStyle(src).lineHeight) || 16;
  src.scrollTop = Math.max(0, (f.primary.line - 5) * lineHeight);
}

function runCheck() {
  const text = $('source').value;
  const t0 = performance.now();
  try {
    report = check(text, { lang: 'zh' });
  } catch (e) {
    $('status').textContent = `核对失败：${e}`;
    return;
  }
  const ms = Math.round(performance.now() - t0);
  renderSummary(report);
  renderFindings(report);
  renderTables(report);
  highlight(report);
  $('status').textContent = `用时 ${ms} 毫秒`;
  document.body.dataset.checked = String(Number(document.body.dataset.checked || 0) + 1);
}

let timer = 0;
function scheduleCheck(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(runCheck, delay);
}

function save() {
  try {
    localStorage.setItem(STORAGE_KEY, $('source').value);
  } catch { /* storage full or disabled: the text stays in the textarea */ }
}

async function loadInitialText() {
  let saved = null;
  try { saved = localStorage.getItem(STORAGE_KEY); } catch { /* disabled */ }
  if (saved) return saved;
  try {
    const res = await fetch(SAMPLE_URL);
    if (res.ok) return await res.text();
  } catch { /* offline from file:// — start empty */ }
  return '';
}

async function main() {
  await init();
  for (const r of rules()) ruleDocs.set(r.id, r);
  const src = $('source');
  src.value = await loadInitialText();
  src.addEventListener('input', () => { save(); scheduleCheck(); });
  src.addEventListener('paste', () => scheduleCheck(0));
  $('run').addEventListener('click', () => { save(); runCheck(); });
  runCheck();
  document.body.dataset.ready = 'true';
}

main().catch((e) => { $('summary').textContent = `加载失败：${e}`; });
