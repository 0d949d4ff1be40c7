// Throughput of the wasm build under Node (target/pkg-node, built by scripts/build.sh).
// Not a test: `node scripts/bench-wasm.mjs`. Prints the median time per input and MB/s.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasm = createRequire(import.meta.url)(join(root, 'target', 'pkg-node', 'budget_check.js'));
const inputs = [];
const seeds = join(root, 'tests', 'fixtures', 'seeds');
for (const n of readdirSync(seeds).sort()) inputs.push([n, readFileSync(join(seeds, n), 'utf8')]);
const big = join(root, 'tests', 'fixtures', 'corpus', '12_xian-health-2022-final-consolidated.txt');
if (existsSync(big)) inputs.push(['12_xian-health (corpus)', readFileSync(big, 'utf8')]);
inputs.push(['5 MB (S0 repeated: many narrative claims)', inputs[0][1].repeat(Math.ceil(5e6 / inputs[0][1].length))]);
inputs.push(['5 MB (seeds repeated)', inputs.filter(([n]) => n.startsWith('00')).map(([, t]) => t).join('').repeat(24)]);

const bytes = (s) => Buffer.byteLength(s, 'utf8');
console.log('input'.padEnd(42), 'bytes'.padStart(10), 'median'.padStart(12), 'MB/s'.padStart(10));
for (const [name, text] of inputs) {
  const runs = text.length > 1e6 ? 5 : 31;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    wasm.check(text, {});
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  console.log(name.padEnd(42), String(bytes(text)).padStart(10), `${ms.toFixed(2)}ms`.padStart(12), (bytes(text) / 1e6 / (ms / 1000)).toFixed(1).padStart(10));
}
