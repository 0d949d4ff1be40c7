// Paste-to-highlight time of the page in headless Chromium, for the largest seed and a 5 MB paste.
// Not a test: `node scripts/bench-page.mjs` (after scripts/build.sh). Measures from setting the
// text and clicking 核对 to the page having rendered the result (body[data-checked] increments),
// median of several runs; prints also the wasm, gzipped wasm and single-file sizes.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const seeds = join(ROOT, 'tests', 'fixtures', 'seeds');
const largest = readdirSync(seeds).map((n) => join(seeds, n)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
const text = readFileSync(largest, 'utf8');
const inputs = [[`largest seed (${largest.split('/').pop()})`, text, 15], ['5 MB paste', text.repeat(Math.ceil(5e6 / text.length)), 3]];

const wasm = readFileSync(join(ROOT, 'www', 'pkg', 'budget_check_bg.wasm'));
console.log(`wasm: ${wasm.length} bytes raw, ${gzipSync(wasm, { level: 9 }).length} gzipped`);
console.log(`single file: ${statSync(join(ROOT, 'www', 'dist', 'budget-check.html')).size} bytes`);

const server = await serve(join(ROOT, 'www'), 0);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('body[data-ready="true"]');
for (const [name, input, runs] of inputs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await page.evaluate(async (v) => {
      const n = Number(document.body.dataset.checked);
      const src = document.querySelector('#source');
      const t0 = performance.now();
      src.value = v;
      document.querySelector('#run').click();
      while (Number(document.body.dataset.checked) === n) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => requestAnimationFrame(() => r())); // the frame that shows it
      return performance.now() - t0;
    }, input));
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: ${input.length} chars, paste → highlighted ${times[Math.floor(times.length / 2)].toFixed(0)} ms (median of ${runs})`);
}
await browser.close();
server.close();
