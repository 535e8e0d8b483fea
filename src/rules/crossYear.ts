import { axisLeaves, cellId, cellLabel } from "../forms";
import type { FormDef, MatrixTable } from "../forms/types";
import { parseCell, type RawCell } from "../values";
import type { Finding } from "./index";

export interface YearForm {
  form: FormDef;
  year?: number;
  values: Readonly<Record<string, RawCell>>;
}

/** 表三 columns: 二、上年结转 this year takes 四、结转下年度继续办理 of last year (the ids are the same in both forms). */
function carryPairs(form: FormDef): { from: string; to: string; computed: boolean }[] {
  const t3 = form.table("t3") as MatrixTable;
  return axisLeaves(t3.columns).map((c) => ({ from: cellId(t3, "carryover", c.node.id), to: cellId(t3, "carried", c.node.id), computed: Boolean(c.node.total) }));
}

const num = (v: RawCell) => (typeof v === "number" ? v : parseCell(v, "count").value);

/** The values that start next year's sheet: 二、上年结转 from this year's 四、结转下年度继续办理, column by column. */
export function carryOverValues(prev: YearForm, next: FormDef): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of carryPairs(next)) {
    const v = num(prev.values[p.from]);
    if (!p.computed && v !== undefined) out[p.to] = v;
  }
  return out;
}

/** X1: where this year's 二、上年结转 differs from last year's 四、结转下年度继续办理 (a warning: mergers break it). */
export function carryOverFindings(prev: YearForm, next: YearForm): Finding[] {
  const out: Finding[] = [];
  for (const p of carryPairs(next.form)) {
    const before = num(prev.values[p.from]);
    const now = num(next.values[p.to]);
    if (before === undefined || now === undefined || before === now) continue;
    out.push({
      rule: "X1",
      severity: "warning",
      cells: [p.to],
      expected: before,
      actual: now,
      message: `${cellLabel(next.form, p.to)}为 ${now}，但上一年度${prev.year ? `（${prev.year} 年）` : ""}「四、结转下年度继续办理」为 ${before}。两年应当一致（机构合并等情况除外）。`,
    });
  }
  return out;
}
