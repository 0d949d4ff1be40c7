// Writes www/dist/budget-check.html: the whole checker in one file (page, JS, CSS, the Worker, the
// wasm module in base64 and the five example documents), for opening from disk with file:// and
// no server. Its Content-Security-Policy allows only its own inline script and style (by hash),
// a blob: Worker, and no connection at all. Usage: node scripts/single-file.mjs (after build.sh)
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Line ends as the browser hashes them (CR and CRLF become LF), so the CSP hashes always match.
const www = (p) => readFileSync(join(ROOT, 'www', p), 'utf8').replace(/\r\n?/g, '\n');
const OUT = join(ROOT, 'www', 'dist', 'budget-check.html');

/** Replace exactly one occurrence, or fail the build: a silent miss would ship a broken page. */
function replaceOnce(s, from, to) {
  const n = s.split(from).length - 1;
  if (n !== 1) throw new Error(`single-file: expected one ${JSON.stringify(from)}, found ${n}`);
  return s.replace(from, () => to);
}

/** Text placed inside a <script> element must not close it. */
function scriptSafe(s, what) {
  if (/<\/script/i.test(s) || /<!--/.test(s)) throw new Error(`single-file: ${what} contains </script or <!--`);
  return s;
}

const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

// The API module and the page module become one inline module: exports and the import dropped.
const api = www('budget-check.js').replace(/^export (?=(async )?function |class |const )/gm, '');
let app = www('app.js');
app = replaceOnce(app, "import { init, check, rules } from './budget-check.js';\n", '');
const moduleJs = scriptSafe(`${api}\n${app}`, 'module');
// The two modules share one scope now: a name declared in both would kill the page. Fail here.
const probe = join(tmpdir(), `budget-check-single-${process.pid}.mjs`);
writeFileSync(probe, moduleJs);
execFileSync(process.execPath, ['--check', probe], { stdio: 'inherit' });
const css = www('style.css');
if (/<\/style/i.test(css)) throw new Error('single-file: style.css contains </style');
const workerJs = scriptSafe(`${www('pkg/budget_check.js')}\n${www('worker.js')}`, 'worker');
const wasm = readFileSync(join(ROOT, 'www', 'pkg', 'budget_check_bg.wasm')).toString('base64');
const samplesDir = join(ROOT, 'www', 'pkg', 'samples');
const samples = Object.fromEntries(readdirSync(samplesDir).map((n) => [n, readFileSync(join(samplesDir, n), 'utf8')]));
const samplesJson = scriptSafe(JSON.stringify(samples).replaceAll('<', '\\u003c'), 'samples');

const csp = `default-src 'none'; script-src ${sha(moduleJs)} 'wasm-unsafe-eval'; worker-src blob:; style-src ${sha(css)}; img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;

let html = www('index.html');
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (!html.includes(csp)) throw new Error('single-file: no CSP meta tag to replace');
html = replaceOnce(html, '<link rel="stylesheet" href="style.css">', `<style>${css}</style>`);
html = replaceOnce(html, '<script type="module" src="app.js"></script>', [
  `<script id="bc-samples" type="application/json">${samplesJson}</script>`,
  `<script id="bc-worker-src" type="text/plain">${workerJs}</script>`,
  `<script id="bc-wasm" type="application/octet-stream">${wasm}</script>`,
  `<script type="module">${moduleJs}</script>`,
].join('\n'));

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, html);
console.log(`[single-file] ${OUT}: ${html.length} bytes`);
