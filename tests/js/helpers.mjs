// Shared by the JS tests: fixtures and a mutation helper working on UTF-16 offsets (JS strings).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEEDS = join(ROOT, 'tests', 'fixtures', 'seeds');

export function seed(prefix) {
  const name = readdirSync(SEEDS).find((n) => n.startsWith(prefix));
  return readFileSync(join(SEEDS, name), 'utf8');
}

/** The amount cells of tables `ids` in a report (offsets in UTF-16 units). */
export function amountCells(report, ids) {
  return report.tables
    .filter((t) => ids.includes(t.id))
    .flatMap((t) => t.body.flatMap((row) => row.cells.filter(Boolean).map((c) => ({ table: t.id, ...c }))));
}

/** Add 0.10 (one unit of the last digit if printed without decimals) to the amount at `cell`. */
export function bump(text, cell) {
  const printed = text.slice(cell.start, cell.end).replaceAll(',', '');
  const decimals = printed.includes('.') ? printed.split('.')[1].length : 0;
  const units = BigInt(printed.replace('.', '')) + (decimals >= 1 ? 10n ** BigInt(Math.max(decimals - 1, 0)) : 1n);
  let s = units.toString().padStart(decimals + 1, '0');
  if (decimals) s = `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
  return { text: text.slice(0, cell.start) + s + text.slice(cell.end), printed: s };
}

export function lineOf(text, offset) {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The n-th printed growth rate (`增长 12.34%`) in `text`, raised by one point. */
export function growthRate(text, n) {
  const re = /(?:增长|增幅|增加)\s*(\d+\.\d+)\s*%/g;
  let m;
  for (let i = 0; (m = re.exec(text)); i++) {
    if (i < n) continue;
    const start = m.index + m[0].indexOf(m[1]);
    const end = start + m[1].length;
    const decimals = m[1].split('.')[1].length;
    const printed = (Number(m[1]) + 1).toFixed(decimals);
    return { text: text.slice(0, start) + printed + text.slice(end), start, end: start + printed.length, printed };
  }
  throw new Error(`fewer than ${n + 1} growth rates`);
}
