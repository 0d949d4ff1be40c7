// The page in headless Debian Chromium: paste a seed with one changed amount, see the cell
// highlighted and the finding listed; click the finding and land on the cell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { ROOT, seed, amountCells, bump, lineOf } from './helpers.mjs';
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
  assert.match(await page.textContent('#summary'), /0 个错误/);
  assert.ok(await page.locator('table.model[data-table="T3"] tbody tr').count() > 20);
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
  assert.equal(await page.locator('#tables img, #findings img, #tables script').count(), 0);
  await page.close();
});
