// The wasm module under Node: same report as the CLI, with UTF-16 offsets into the JS string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, seed, amountCells, bump, lineOf } from './helpers.mjs';

const require = createRequire(import.meta.url);
const wasm = require(join(ROOT, 'target', 'pkg-node', 'budget_check.js'));

test('seed 000: its one error is a 绩效 table whose weights add up to 92; T1/T3/T5 checked', () => {
  const r = wasm.check(seed('000_'), {});
  assert.equal(r.summary.errors, 1);
  assert.deepEqual(r.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.found]), [['NI-PERF-WEIGHT', '92']]);
  for (const id of ['T1', 'T3', 'T5']) {
    assert.equal(r.tables.find((t) => t.id === id)?.status, 'checked', id);
  }
  assert.equal(r.offsets, 'utf16');
});

test('cell offsets are UTF-16 positions of the printed number', () => {
  const text = seed('000_');
  const r = wasm.check(text, {});
  const cells = amountCells(r, ['T1', 'T3', 'T5']);
  assert.ok(cells.length > 100);
  for (const c of cells) assert.equal(text.slice(c.start, c.end), c.text);
});

test('a changed amount yields an error located on its line, with UTF-16 spans', () => {
  const text = seed('000_');
  const cells = amountCells(wasm.check(text, {}), ['T3', 'T5']);
  // Every fifth cell, chosen from the report, not by hand.
  for (const cell of cells.filter((_, i) => i % 5 === 0)) {
    const { text: mutated, printed } = bump(text, cell);
    const r = wasm.check(mutated, {});
    const line = lineOf(mutated, cell.start);
    const hit = r.findings.find((f) => f.severity === 'error'
      && [f.primary, ...f.related].some((l) => l.line === line && mutated.slice(l.start, l.end) === printed));
    assert.ok(hit, `${cell.table} line ${line}: ${cell.text} → ${printed} not reported`);
    assert.equal(mutated.slice(hit.primary.start, hit.primary.end), hit.found);
  }
});

test('English messages on request', () => {
  const text = seed('000_').replace('\t578.20\t560.12\t18.08', '\t578.30\t560.12\t18.08');
  const zh = wasm.check(text, {}).findings.find((f) => f.rule === 'T3-ROW');
  const en = wasm.check(text, { lang: 'en' }).findings.find((f) => f.rule === 'T3-ROW');
  assert.match(zh.message, /分项之和/);
  assert.match(en.message, /sum of its parts/);
  assert.equal(en.expected, '578.20');
});

test('rules() lists every rule with its documentation', () => {
  const rules = wasm.rules();
  const ids = rules.map((r) => r.id);
  for (const id of ['T1-BAL', 'T1-IN-TOTAL', 'T1-OUT-SUM', 'T3-ROW', 'T5-ROW', 'T3-ROLLUP', 'T5-ROLLUP']) assert.ok(ids.includes(id), id);
  for (const r of rules) {
    for (const h of ['What it checks', 'Why', 'Example', 'Known problems']) assert.ok(r.doc.includes(h), `${r.id}: ${h}`);
  }
});

test('hostile input returns a report', () => {
  for (const s of ['', '\u0000\uffff\ud800', '合计\t'.repeat(10000), '\n'.repeat(100000)]) {
    const r = wasm.check(s, {});
    assert.equal(typeof r.summary.errors, 'number');
  }
});
