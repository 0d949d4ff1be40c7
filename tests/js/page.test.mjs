// The page in headless Debian Chromium (issue 6): injected table and narrative errors shown in both
// views and listed; click → the cell; reload keeps the text; the single-file build from file://
// with the network blocked; the embed demo; a 5 MB check in the Worker while typing; pasted HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { ROOT, seed, amountCells, bump, lineOf, growthRate } from './helpers.mjs';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const wasm = createRequire(import.meta.url)(join(ROOT, 'target', 'pkg-node', 'budget_check.js'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

let server, browser, url;
before(async () => {
  server = await serve(join(ROOT, 'www'), 0);
  url = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

test('the sample document is preloaded and checked', async () => {
  const { page, errors } = await openPage();
  assert.match(await page.inputValue('#source'), /部门收支总体情况表/);
  // S0's one real error: a 绩效目标表 whose weights add up to 92.
  assert.match(await page.textContent('#summary'), /1 个错误/);
  // Figures of the 情况说明 that no rule checks are marked in the text view with why.
  const unchecked = page.locator('#doc mark.m-unchecked');
  assert.ok(await unchecked.count() > 10);
  assert.match(await unchecked.first().getAttribute('title'), /^未核对：/);
  assert.ok(await page.locator('table.model[data-table="T3"] tbody tr').count() > 20);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the verdict says how much was checked, and unchecked table cells are greyed with why', async () => {
  const { page, errors } = await openPage();
  // S0 is read and checked in full, and has one real error: the verdict is all checked, shown red.
  assert.equal(await page.getAttribute('#summary .verdict', 'data-verdict'), 'all_checked');
  assert.match(await page.textContent('#summary .verdict'), /^已全部核对：表格数字 \d+ \/ \d+ 已核对/);
  const paste = async (text) => {
    const n = Number(await page.getAttribute('body', 'data-checked'));
    await page.fill('#source', text);
    await page.click('#run');
    await page.waitForFunction((k) => Number(document.body.dataset.checked) > k && document.body.dataset.busy === 'false', n);
    return wasm.check(text, {});
  };
  // S0 cut after its first five tables: the contents list six more, so it is partly checked.
  const cut = await paste(seed('000_').split('\n').slice(0, 300).join('\n'));
  assert.equal(cut.summary.verdict, 'partial');
  assert.equal(await page.getAttribute('#summary .verdict', 'data-verdict'), 'partial');
  assert.equal(await page.textContent('#summary .verdict'), cut.summary.verdict_text);
  // S1's T11 is printed as broken text: its amounts are read but no check reads them. Every
  // unchecked amount shown in a table is greyed, its reason as tooltip.
  const r = await paste(seed('001_'));
  const shown = new Set(r.tables.flatMap((tb) => tb.body.flatMap((row) => [...row.cells, ...(row.unplaced ?? [])])).filter(Boolean).map((c) => c.start));
  const listed = r.tables.flatMap((tb) => tb.unchecked).filter((u) => shown.has(u.start));
  assert.ok(listed.length > 0);
  const grey = page.locator('td.cell-unchecked');
  assert.equal(await grey.count(), listed.length);
  const first = grey.first();
  const start = Number(await first.getAttribute('data-start'));
  assert.equal(await first.getAttribute('title'), listed.find((u) => u.start === start).label);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a pasted seed with one changed amount is highlighted and listed', async () => {
  const text = seed('000_');
  // Pick a T3 amount from the checker's own reading of the seed.
  const cells = amountCells(wasm.check(text, {}), ['T3']);
  const cell = cells[Math.floor(cells.length / 3)];
  const { text: mutated, printed } = bump(text, cell);
  const line = lineOf(mutated, cell.start);

  const { page, errors } = await openPage();
  await page.fill('#source', mutated);
  await page.click('#run');
  await page.waitForSelector('.findings li.error');

  const bad = page.locator(`td.cell-error[data-start="${cell.start}"]`);
  await bad.waitFor();
  assert.equal((await bad.textContent()).trim(), printed);
  assert.match(await bad.evaluate((td) => td.closest('tr').className), /row-error/);
  const item = page.locator('.findings li.error').filter({ hasText: `第 ${line} 行` });
  assert.ok(await item.count() >= 1, `no finding listed for line ${line}`);

  // Clicking the finding scrolls its cell into view.
  await page.evaluate(() => window.scrollTo(0, 0));
  await item.first().click();
  await page.waitForFunction((start) => {
    const td = document.querySelector(`td.cell-error[data-start="${start}"]`);
    const r = td.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, cell.start);
  // The failing number is selected in the pasted text too.
  const sel = await page.$eval('#source', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(sel, printed);
  assert.deepEqual(errors, []);
  await page.close();
});

test('pasted HTML is shown as text, never run', async () => {
  const { page } = await openPage();
  await page.evaluate(() => { window.__pwned = false; });
  const evil = '<img src=x onerror="window.__pwned=true">\n部门支出总体情况表\n合计 <b>1</b> <script>window.__pwned=true</script>\n';
  await page.fill('#source', evil);
  await page.click('#run');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), false);
  assert.equal(await page.locator('#tables img, #findings img, #doc img, #tables script, #doc script').count(), 0);
  await page.close();
});

/** A seed with one T3 amount and one printed growth rate changed, and where they are. */
function twoErrors() {
  const text = seed('000_');
  const cell = amountCells(wasm.check(text, {}), ['T3'])[5];
  const table = bump(text, cell);
  const rate = growthRate(table.text, 3);
  return { text: rate.text, table: { ...cell, printed: table.printed }, rate };
}

const errorKeys = (r) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.primary.line}`).sort();

test('an injected table error and narrative error are marked in both views and listed', async () => {
  const { text, table, rate } = twoErrors();
  const expected = wasm.check(text, {});
  const tableLine = lineOf(text, table.start);
  const rateLine = lineOf(text, rate.start);
  // The core itself reports both (so the page test below tests the page, not the rules).
  assert.ok(expected.findings.some((f) => f.severity === 'error' && f.primary.line === tableLine));
  assert.ok(expected.findings.some((f) => f.severity === 'error' && f.rule === 'NI-GROWTH' && f.primary.start === rate.start));

  const { page, errors } = await openPage();
  await page.fill('#source', text);
  await page.click('#run');
  await page.waitForSelector(`#doc mark.m-error[data-start="${rate.start}"]`);
  // Table view: the changed cell; text view: the changed cell and the changed rate.
  assert.equal((await page.textContent(`td.cell-error[data-start="${table.start}"]`)).trim(), table.printed);
  assert.equal(await page.textContent(`#doc mark.m-error[data-start="${table.start}"]`), table.printed);
  assert.equal(await page.textContent(`#doc mark.m-error[data-start="${rate.start}"]`), rate.printed);
  // The narrative finding's whole sentence is shaded: the words right before and after the rate.
  const sentence = await page.$$eval('#doc .sent-error', (ss) => ss.map((x) => x.textContent).join(''));
  assert.ok(sentence.includes(text.slice(rate.start - 3, rate.start)), `sentence shading: ${sentence}`);
  assert.ok(sentence.includes(text.slice(rate.end, rate.end + 2)), `sentence shading: ${sentence}`);
  // Listed: the rate under the narrative group, the cell under its table's group.
  assert.ok(await page.locator('[data-group="narrative"] li.error').filter({ hasText: `第 ${rateLine} 行` }).count() >= 1);
  assert.ok(await page.locator('[data-group="T3"] li.error').filter({ hasText: `第 ${tableLine} 行` }).count() >= 1);
  // Every error the core reports is listed, no more.
  assert.equal(await page.locator('#findings li.error').count(), expected.findings.filter((f) => f.severity === 'error').length);
  // Keyboard: n moves to the first finding and scrolls the text view to its mark.
  await page.locator('h1').click();
  await page.keyboard.press('n');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.index), '0');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the pasted text survives a reload', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  const text = `${seed('002_').slice(0, 4000)}\n我粘贴的内容 ${Date.now()}`;
  await page.fill('#source', text);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#source'), text);
  await context.close();
});

test('the single-file build works from file:// with the network blocked', async () => {
  const context = await browser.newContext();
  const outside = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:') || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    outside.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!/^(file|blob|data):/.test(r.url())) outside.push(r.url()); });
  await page.goto(pathToFileURL(join(ROOT, 'www', 'dist', 'budget-check.html')).href);
  await page.waitForSelector('body[data-ready="true"]');
  const { text } = twoErrors();
  const before = Number(await page.getAttribute('body', 'data-checked'));
  await page.fill('#source', text);
  await page.click('#run');
  await page.waitForFunction((n) => Number(document.body.dataset.checked) > n && document.body.dataset.busy === 'false', before);
  const shown = await page.$$eval('#findings li.error', (lis) => lis.map((li) => li.textContent));
  const expected = wasm.check(text, {}).findings.filter((f) => f.severity === 'error');
  assert.equal(shown.length, expected.length);
  for (const f of expected) assert.ok(shown.some((s) => s.includes(f.rule) && s.includes(`第 ${f.primary.line} 行`)), `${f.rule} line ${f.primary.line} not shown`);
  // The examples are embedded too.
  await page.selectOption('#sample', { index: 2 });
  await page.waitForFunction(() => document.querySelector('#source').value.length > 1000 && document.body.dataset.busy === 'false');
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embed demo renders findings from the custom element and the API', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}embed.html`);
  await page.waitForSelector('body[data-ready="true"]');
  // S1's real slips (整体绩效 395.83 vs 395.84; its 整体绩效目标表's 本级资金 308.43 vs T1
  // 一般财力 308.44) listed inside <budget-check>'s shadow root and counted by the API.
  const item = page.locator('budget-check li.error').filter({ hasText: 'NT-PERF-WHOLE' });
  await item.first().waitFor();
  assert.match(await page.textContent('#api-result'), /2 个错误/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 5 MB paste is checked in the Worker while typing still lands', async () => {
  const { page, errors } = await openPage();
  const big = seed('000_').repeat(Math.ceil(5_000_000 / seed('000_').length));
  await page.evaluate(() => {
    window.__typedWhileBusy = 0;
    document.querySelector('#source').addEventListener('input', () => {
      if (document.body.dataset.busy === 'true') window.__typedWhileBusy++;
    });
  });
  await page.$eval('#source', (t, v) => { t.value = v; t.focus(); t.setSelectionRange(v.length, v.length); }, big);
  const before = Number(await page.getAttribute('body', 'data-checked'));
  await page.click('#run');
  await page.waitForSelector('body[data-busy="true"]');
  await page.focus('#source');
  await page.keyboard.type('abc');
  // Keystrokes were handled while the 5 MB check was still running: the page never froze.
  assert.ok(await page.evaluate(() => window.__typedWhileBusy) >= 1, 'no keystroke handled during the check');
  assert.ok((await page.inputValue('#source')).endsWith('abc'));
  await page.waitForFunction((n) => Number(document.body.dataset.checked) > n, before, { timeout: 120_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('reports download as CSV, Markdown and JSON; English switch; only its own files requested', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  const { text, rate } = twoErrors();
  const line = lineOf(text, rate.start);
  const n = Number(await page.getAttribute('body', 'data-checked'));
  await page.fill('#source', text);
  await page.click('#run');
  await page.waitForFunction((k) => Number(document.body.dataset.checked) > k && document.body.dataset.busy === 'false', n);
  const read = async (button) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const chunks = [];
    for await (const c of await dl.createReadStream()) chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
  };
  const csv = await read('#export-csv');
  // The verdict first (how much was checked), then the header row.
  const verdict = wasm.check(text, {}).summary.verdict_text;
  assert.ok(csv.startsWith(`\uFEFF"${verdict}"\r\n"严重程度"`), csv.slice(0, 80));
  assert.match(csv, new RegExp(`"错误","NI-GROWTH","","${line}"`));
  const md = await read('#export-md');
  assert.ok(md.includes(`**${verdict}**`), md.slice(0, 200));
  assert.match(md, new RegExp(`\\*\\*错误 NI-GROWTH\\*\\* 第 ${line} 行`));
  const json = JSON.parse(await read('#export-json'));
  assert.deepEqual(errorKeys(json), errorKeys(wasm.check(text, {})));

  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => /errors/.test(document.querySelector('#summary').textContent));
  assert.equal(await page.textContent('#run'), 'Check');
  assert.ok(await page.locator('#findings li.error').filter({ hasText: `line ${line}` }).count() >= 1);
  const origin = new URL(url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  await context.close();
});

test('the served page keeps working with the network cut after load', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  // An example (fetched while online) and a check of it, both offline.
  const n = Number(await page.getAttribute('body', 'data-checked'));
  await page.selectOption('#sample', '004_010c114e2d4fd7cc.txt');
  await page.waitForFunction((k) => Number(document.body.dataset.checked) > k && document.body.dataset.busy === 'false', n);
  assert.equal(await page.inputValue('#source'), seed('004_'));
  assert.ok(await page.locator('#findings li.error').filter({ hasText: 'NI-PERF-PROJ-FUND' }).count() >= 1);
  await context.close();
});
