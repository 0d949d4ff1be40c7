// Writes docs/screenshot-*.png: the page on seed 004 (its real slips) and on seed 000 with one
// T3 amount and one growth rate changed. `node scripts/screenshots.mjs` after scripts/build.sh.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = join(ROOT, 'tests', 'fixtures', 'seeds');
const seed = (p) => readFileSync(join(SEEDS, readdirSync(SEEDS).find((n) => n.startsWith(p))), 'utf8');

const server = await serve(join(ROOT, 'www'), 0);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('body[data-ready="true"]');

async function show(text) {
  const n = Number(await page.getAttribute('body', 'data-checked'));
  await page.fill('#source', text);
  await page.click('#run');
  await page.waitForFunction((k) => Number(document.body.dataset.checked) > k, n);
}

// Seed 000 with its sixth T3 amount raised by 0.10 and its third growth rate by one point.
const wasm = createRequire(import.meta.url)(join(ROOT, 'target', 'pkg-node', 'budget_check.js'));
let text = seed('000_');
const t3 = wasm.check(text, {}).tables.find((t) => t.id === 'T3');
const cell = t3.body.flatMap((r) => r.cells.filter(Boolean))[5];
const cents = Math.round(Number(cell.text.replaceAll(',', '')) * 100) + 10;
text = text.slice(0, cell.start) + (cents / 100).toFixed(2) + text.slice(cell.end);
const rate = /增长\s*(\d+\.\d+)%/g;
rate.exec(text); rate.exec(text);
const m = rate.exec(text);
const at = m.index + m[0].indexOf(m[1]);
text = text.slice(0, at) + (Number(m[1]) + 1).toFixed(2) + text.slice(at + m[1].length);
await show(text);
await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-findings.png') });
await page.locator('#findings li.error').first().click();
await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-cell.png') });
await page.locator('[data-group="narrative"] li.error').first().click();
await page.locator('#doc').scrollIntoViewIfNeeded();
await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-narrative.png') });
await show(seed('004_'));
await page.locator('#findings li.error').nth(2).click();
await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-error.png') });
await browser.close();
server.close();
console.log('docs/screenshot-{findings,cell,narrative,error}.png');
