import { axisLeaves, cellId } from "../forms";
import type { AxisNode, FormDef, MatrixTable, TableId } from "../forms/types";
import { TABLE_NAMES } from "../forms";

export type RuleId = "R1" | "R2" | "R3" | "R4" | "R5" | "R6" | "R7" | "R8" | "X1" | "X7" | "X8";

/** Σ lhs = Σ rhs over cell ids. */
export interface Equation {
  key: string;
  rule: RuleId;
  table: TableId;
  lhs: readonly string[];
  rhs: readonly string[];
  /** where it applies, in Chinese: 表三「自然人」列 */
  scope: string;
  /** for a sum: the total's label and a description of its parts */
  sum?: { totalLabel: string; parts: string };
  /** for a balance: short names of the two sides, e.g. ["一", "二"] and ["（七）", "四"] */
  sides?: readonly [readonly string[], readonly string[]];
  /** the rule as the table itself prints it (表三's corner note) */
  note?: string;
  /** keys of equations this one follows from; reported only when they all hold */
  derivedFrom?: readonly string[];
}

/**
 * A balance declared once as data: along every column of the table, the rows on the left add up to
 * the rows on the right. R1 is the rule printed in 表三's corner note.
 */
interface BalanceSpec {
  rule: RuleId;
  table: TableId;
  lhs: readonly string[];
  rhs: readonly string[];
}

export const BALANCES: readonly BalanceSpec[] = [
  { rule: "R1", table: "t3", lhs: ["new", "carried"], rhs: ["total", "carryover"] },
];

/** 一、… → 一 · （七）总计 → （七） */
export function ordinal(label: string): string {
  const m = /^([一二三四五六七八九十]+)、|^(（[一二三四五六七八九十]+）)/.exec(label);
  return m ? (m[1] ?? m[2]) : label;
}

function findParent(nodes: readonly AxisNode[], id: string): AxisNode | undefined {
  for (const n of nodes) {
    if (n.children?.some((c) => c.id === id)) return n;
    const p = n.children && findParent(n.children, id);
    if (p) return p;
  }
  return undefined;
}

function partsDescription(axis: readonly AxisNode[], total: AxisNode): string {
  const siblings = (findParent(axis, total.id)?.children ?? axis).filter((n) => n.id !== total.id);
  if (siblings.length <= 4) return siblings.map((n) => n.label).join("、");
  return `${ordinal(siblings[0].label)}至${ordinal(siblings[siblings.length - 1].label)}各项`;
}

function matrixEquations(t: MatrixTable): Equation[] {
  const out: Equation[] = [];
  const rows = axisLeaves(t.rows);
  const cols = axisLeaves(t.columns);
  const name = TABLE_NAMES[t.id];
  const colScope = (c: AxisNode): string => (t.singleRow ? `${name}「${findParent(t.columns, c.id)?.label ?? c.label}」` : `${name}「${c.label}」列`);
  const rowScope = (r: AxisNode): string => `${name}「${r.label}」行`;

  for (const r of rows) {
    const total = r.node.total;
    if (!total) continue;
    for (const c of cols) {
      out.push({
        key: `${total.rule}:${t.id}:col:${c.node.id}`,
        rule: total.rule,
        table: t.id,
        lhs: total.of.map((rid) => cellId(t, rid, c.node.id)),
        rhs: [cellId(t, r.node.id, c.node.id)],
        scope: colScope(c.node),
        sum: { totalLabel: r.node.label, parts: partsDescription(t.rows, r.node) },
      });
    }
  }
  for (const c of cols) {
    const total = c.node.total;
    if (!total) continue;
    for (const r of rows) {
      out.push({
        key: `${total.rule}:${t.id}:row:${r.node.id}`,
        rule: total.rule,
        table: t.id,
        lhs: total.of.map((cid) => cellId(t, r.node.id, cid)),
        rhs: [cellId(t, r.node.id, c.node.id)],
        scope: t.singleRow ? colScope(c.node) : rowScope(r.node),
        sum: { totalLabel: c.node.label, parts: partsDescription(t.columns, c.node) },
      });
    }
  }
  return out;
}

function balanceEquations(t: MatrixTable, spec: BalanceSpec, sums: readonly Equation[]): Equation[] {
  const cols = axisLeaves(t.columns);
  const label = (rid: string): string => ordinal(axisLeaves(t.rows).find((r) => r.node.id === rid)?.node.label ?? rid);
  const key = (col: string): string => `${spec.rule}:${t.id}:col:${col}`;
  return cols.map((c) => {
    const total = c.node.total;
    // On a total column the balance follows from the balance of each summed column and the row sums.
    const derivedFrom = total && [
      ...total.of.map(key),
      ...sums.filter((e) => e.rule === total.rule && [...spec.lhs, ...spec.rhs].some((rid) => e.rhs[0] === cellId(t, rid, c.node.id))).map((e) => e.key),
    ];
    return {
      key: key(c.node.id),
      rule: spec.rule,
      table: t.id,
      lhs: spec.lhs.map((rid) => cellId(t, rid, c.node.id)),
      rhs: spec.rhs.map((rid) => cellId(t, rid, c.node.id)),
      scope: `${TABLE_NAMES[t.id]}「${c.node.label}」列`,
      sides: [spec.lhs.map(label), spec.rhs.map(label)],
      ...(t.note ? { note: t.note } : {}),
      ...(derivedFrom ? { derivedFrom } : {}),
    };
  });
}

const cache = new WeakMap<FormDef, Equation[]>();

/** Every arithmetic rule of a form, derived from its declared totals and the declared balances. */
export function equations(form: FormDef): Equation[] {
  let eqs = cache.get(form);
  if (!eqs) {
    const tables = form.tables.filter((t): t is MatrixTable => t.layout === "matrix");
    const sums = tables.flatMap(matrixEquations);
    const balances = BALANCES.flatMap((b) => {
      const t = tables.find((x) => x.id === b.table);
      return t ? balanceEquations(t, b, sums) : [];
    });
    eqs = [...balances, ...sums];
    cache.set(form, eqs);
  }
  return eqs;
}
