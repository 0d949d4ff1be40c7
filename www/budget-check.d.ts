// Types of budget-check's ES-module API (budget-check.js) and of the report it returns.
// Offsets (start, end) are UTF-16 code units into the checked text, as JavaScript strings index.

export type Severity = 'error' | 'warning' | 'info';
export type TableId = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9' | 'T10' | 'T11';
export type TableStatus = 'checked' | 'partial' | 'empty' | 'unreadable' | 'missing' | 'not_checked';

/** A place in the checked text. `line` and `column` count from 1. */
export interface Location { line: number; column: number; start: number; end: number; label: string }

export interface Likely {
  what: string;
  found: string;
  /** The value that would make every failing identity hold. */
  value: string;
  repairs: number;
  slip: 'transposition' | 'one_digit' | null;
  text: string;
}

export interface Finding {
  /** Stable rule id, e.g. "T3-ROW", "NI-GROWTH". */
  rule: string;
  severity: Severity;
  table: TableId | null;
  /** One line, in the language asked for. */
  message: string;
  found: string;
  expected: string;
  /** The arithmetic. */
  note: string;
  /** The failing number. */
  primary: Location;
  /** The numbers it was checked against. */
  related: Location[];
  /** The single number most likely wrong, when one change would fix every failing identity. */
  likely?: Likely;
}

export interface Cell { text: string; start: number; end: number }
export interface Row {
  line: number;
  code: string | null;
  name: string;
  cells: (Cell | null)[];
  right?: string;
  unplaced?: Cell[];
  inferred?: string;
}
export interface Table {
  id: TableId;
  title: string;
  line: number | null;
  rows: number;
  status: TableStatus;
  /** Amounts printed on the table's lines, and how many some check read. */
  amounts: number; amounts_checked: number;
  /** The amounts no check read, each with why (`label`). */
  unchecked: Location[];
  columns: string[];
  body: Row[];
}

export interface Summary {
  errors: number; warnings: number; infos: number;
  checks_run: number; checks_passed: number; checks_skipped: number;
  /** Amounts printed on the tables' lines, and how many some check read. */
  table_amounts: number; table_amounts_checked: number;
  /** 已全部核对 / 部分核对 / 无法核对: how much of the document was checked. */
  verdict: 'all_checked' | 'partial' | 'unchecked';
  /** The verdict in words, in the report's language. */
  verdict_text: string;
}
export interface Skipped { rule: string; table: TableId | null; reason: string; line: number | null }
export interface ParseWarning { code: string; message: string; line: number | null }
export interface RuleCoverage { rule: string; run: number; passed: number; failed: number; skipped: number }
export interface NarrativeCoverage {
  figures: number; bound: number; growth_statements: number; shares: number;
  /** Figures in the prose that no rule checked. */
  unbound: Location[];
}

export interface Report {
  version: number;
  offsets: 'utf16' | 'utf8';
  findings: Finding[];
  tables: Table[];
  summary: Summary;
  skipped: Skipped[];
  warnings: ParseWarning[];
  coverage: RuleCoverage[];
  narrative: NarrativeCoverage;
  /** Milliseconds the check took inside the worker. */
  elapsed_ms?: number;
}

/** `category`: structure, table, cross_table, narrative_table or narrative; `severity`: of its findings outside the rounding envelope. */
export interface RuleInfo {
  id: string; title_zh: string; title_en: string; doc: string;
  category: "structure" | "table" | "cross_table" | "narrative_table" | "narrative";
  severity: "error" | "warning" | "info";
}

/** Start the checker in a Web Worker. `base`: the folder holding worker.js and pkg/. */
export function init(options?: { base?: string | URL }): Promise<void>;
/** Check a pasted disclosure. Calls are answered in order. */
export function check(text: string, options?: { lang?: 'zh' | 'en' }): Promise<Report>;
/** Every rule's id, titles and documentation (after `init`). */
export function rules(): RuleInfo[];
/** One line for a finding: severity, rule, line, message. */
export function findingLine(f: Finding, lang?: 'zh' | 'en'): string;

/** `<budget-check lang="zh">text</budget-check>`; fires `budget-check:report` (detail: Report). */
export class BudgetCheckElement extends HTMLElement {
  text: string;
  run(): Promise<void>;
}
declare global {
  interface HTMLElementTagNameMap { 'budget-check': BudgetCheckElement }
}
