import { cellLabel } from "../forms";
import type { FormDef } from "../forms/types";
import { parseCell, STORED_AS_TEXT, type RawCell, type Severity, type ValueCode } from "../values";
import { equations, type Equation, type RuleId } from "./equations";

export { equations, ordinal, BALANCES, type Equation, type RuleId } from "./equations";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** cell ids from src/forms; for a root cause, the one cell to correct */
  cells: string[];
  expected?: number;
  actual?: number;
  message: string;
  /** for value findings: what is wrong with the cell */
  code?: ValueCode;
  /** other rules the same root cause breaks */
  alsoBreaks?: RuleId[];
}

export type Values = Readonly<Record<string, RawCell>>;

const EPS = 1e-9;
const sum = (ids: readonly string[], nums: Map<string, number>): number => ids.reduce((a, id) => a + (nums.get(id) ?? 0), 0);
const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);

export interface CheckOptions {
  /**
   * Values read from a workbook: a string is text there, and Excel's sums skip it, so it takes no part in
   * the arithmetic even when it reads as a number (it is reported as stored as text).
   */
  workbook?: boolean;
}

/** The numbers the arithmetic works with, and the R7/R8 findings of every cell. */
function readCells(form: FormDef, values: Values, options: CheckOptions): { nums: Map<string, number>; findings: Finding[] } {
  const findings: Finding[] = [];
  const nums = new Map<string, number>();
  for (const c of form.cells) {
    const raw = values[c.id];
    const parsed = parseCell(raw, c.kind);
    const text = options.workbook && typeof raw === "string" && parsed.value !== undefined;
    if (parsed.value !== undefined && !text) nums.set(c.id, parsed.value);
    const rule: RuleId = c.kind === "count" || c.kind === "signedCount" ? "R7" : "R8";
    for (const f of text ? [STORED_AS_TEXT, ...parsed.findings] : parsed.findings) {
      findings.push({ rule, severity: f.severity, cells: [c.id], code: f.code, message: `${cellLabel(form, c.id)}：${f.message}` });
    }
  }
  return { nums, findings };
}

export type EquationStatus = "holds" | "fails" | "unchecked";

/** How each arithmetic rule fares before root causes are sought: unchecked where a cell is not a number. */
export function equationStatus(form: FormDef, values: Values, options: CheckOptions = {}): Map<Equation, EquationStatus> {
  const res = residuals(form, readCells(form, values, options).nums);
  return new Map(equations(form).map((e) => [e, !res.has(e) ? "unchecked" : Math.abs(res.get(e)!) > EPS ? "fails" : "holds"]));
}

/** Σ lhs − Σ rhs of every equation whose cells are all numbers. */
function residuals(form: FormDef, nums: Map<string, number>): Map<Equation, number> {
  const out = new Map<Equation, number>();
  for (const e of equations(form)) if ([...e.lhs, ...e.rhs].every((id) => nums.has(id))) out.set(e, sum(e.lhs, nums) - sum(e.rhs, nums));
  return out;
}

/** Every finding of the hard rules R1–R8 for one filled form. Cells absent from `values` count as blank. */
export function check(form: FormDef, values: Values, options: CheckOptions = {}): Finding[] {
  const { nums, findings } = readCells(form, values, options);
  return [...findings, ...arithmetic(form, nums)];
}

interface Failure {
  eq: Equation;
  residual: number;
}

function arithmetic(form: FormDef, nums: Map<string, number>): Finding[] {
  const res = residuals(form, nums);
  const eqs = [...res.keys()];
  const failing = new Map<string, Failure>();
  for (const [eq, residual] of res) if (Math.abs(residual) > EPS) failing.set(eq.key, { eq, residual });
  if (failing.size === 0) return [];

  const out: Finding[] = [];
  const explained = new Set<string>();
  for (const cause of rootCauses(eqs, failing, nums)) {
    if (cause.eqs.some((e) => explained.has(e.key))) continue;
    cause.eqs.forEach((e) => explained.add(e.key));
    out.push(causeFinding(form, cause));
  }
  for (const f of failing.values()) {
    if (explained.has(f.eq.key)) continue;
    if (f.eq.derivedFrom?.some((k) => failing.has(k))) continue;
    out.push(equationFinding(f, nums));
  }
  return out;
}

interface Cause {
  cell: string;
  actual: number;
  expected: number;
  eqs: Equation[];
}

/**
 * Cells whose single correction would make every rule they take part in hold, where no other cell
 * would do the same: a mistyped total is one finding, not the three rules it breaks.
 */
function rootCauses(eqs: readonly Equation[], failing: Map<string, Failure>, nums: Map<string, number>): Cause[] {
  const byCell = new Map<string, Equation[]>();
  for (const eq of eqs) for (const id of [...eq.lhs, ...eq.rhs]) byCell.set(id, [...(byCell.get(id) ?? []), eq]);

  const candidates: Cause[] = [];
  for (const [cell, cellEqs] of byCell) {
    if (!cellEqs.every((e) => failing.has(e.key))) continue;
    const actual = nums.get(cell) as number;
    const fixes = cellEqs.map((e) => {
      const r = (failing.get(e.key) as Failure).residual;
      return e.lhs.includes(cell) ? actual - r : actual + r;
    });
    if (fixes.some((x) => Math.abs(x - fixes[0]) > EPS)) continue;
    candidates.push({ cell, actual, expected: fixes[0], eqs: cellEqs });
  }
  const signature = (c: Cause): string => c.eqs.map((e) => e.key).sort().join("|");
  const count = new Map<string, number>();
  for (const c of candidates) count.set(signature(c), (count.get(signature(c)) ?? 0) + 1);
  return candidates.filter((c) => count.get(signature(c)) === 1).sort((a, b) => b.eqs.length - a.eqs.length);
}

const RULE_ORDER: readonly RuleId[] = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8"];

function causeFinding(form: FormDef, c: Cause): Finding {
  const asTotal = c.eqs.find((e) => e.rhs.length === 1 && e.rhs[0] === c.cell && e.sum);
  const rules = [...new Set(c.eqs.map((e) => e.rule))].sort((a, b) => RULE_ORDER.indexOf(a) - RULE_ORDER.indexOf(b));
  const rule = asTotal?.rule ?? rules[0];
  const reasons = c.eqs.map((e) => `${e.scope}${ruleText(e)}`).join("；");
  const alsoBreaks = rules.filter((r) => r !== rule);
  return {
    rule,
    severity: "error",
    cells: [c.cell],
    expected: c.expected,
    actual: c.actual,
    message: `${cellLabel(form, c.cell)}填写为 ${fmt(c.actual)}，与表中其他数字不符，应为 ${fmt(c.expected)}（${reasons}）。`,
    ...(alsoBreaks.length ? { alsoBreaks } : {}),
  };
}

function ruleText(e: Equation): string {
  if (e.sum) return `的${e.sum.totalLabel}应等于${e.sum.parts}之和`;
  const [l, r] = e.sides ?? [[], []];
  return `应满足 ${l.join("+")} = ${r.join("+")}`;
}

function equationFinding(f: Failure, nums: Map<string, number>): Finding {
  const { eq } = f;
  const left = sum(eq.lhs, nums);
  const right = sum(eq.rhs, nums);
  const diff = fmt(Math.abs(left - right));
  const [l, r] = eq.sides ?? [[], []];
  const message = eq.sum
    ? `${eq.scope}的${eq.sum.totalLabel}为 ${fmt(right)}，但${eq.sum.parts}之和为 ${fmt(left)}，相差 ${diff}。`
    : `${eq.scope}不平衡：${l.join("+")} = ${fmt(left)}，${r.join("+")} = ${fmt(right)}，相差 ${diff}。${eq.note ?? ""}`;
  return { rule: eq.rule, severity: "error", cells: [...eq.lhs, ...eq.rhs], expected: left, actual: right, message };
}
