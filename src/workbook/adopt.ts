import type { Detection } from "../detect";
import type { TableId } from "../forms/types";
import { formNames, type Area, type PlanName } from "../layout";

export const ADOPT_TEXT = {
  none: "没有识别出统计表，不能绑定。",
  notAligned: (cols: string) => `表三的数字没有上下对齐（${cols}各行的数字不在同一列），无法按行、列建立名称。请先把表格整理成每列对齐，或用“插入表格”重新填写。`,
} as const;

/**
 * The names that bind a detected table where it lies (grid position + origin on the sheet), in the same
 * scheme as an inserted form. Only names: no cell is moved or changed.
 */
export function adoptionNames(
  d: Detection,
  origin: { row: number; col: number },
  prefix: string,
  meta: { year?: number; unit?: string } = {},
): { names: PlanName[] } | { reason: string } {
  if (!d.form) return { reason: ADOPT_TEXT.none };
  const form = d.form;
  // a 表三 cell is named as its row × its column: every column must be one sheet column
  const t3 = form.cells.filter((c) => c.table === "t3" && d.binding[c.id]);
  const colOf = new Map<string, Set<number>>();
  for (const c of t3) colOf.set(c.col, (colOf.get(c.col) ?? new Set()).add(d.binding[c.id].col));
  const skewed = [...colOf.entries()].filter(([, s]) => s.size > 1).map(([col]) => form.cells.find((c) => c.table === "t3" && c.col === col)!.colPath.at(-1));
  if (skewed.length) return { reason: ADOPT_TEXT.notAligned(skewed.map((c) => `“${c}”`).join("、")) };

  const shift = (a: { row: number; col: number; rows?: number; cols?: number }): Area => ({ row: a.row + origin.row, col: a.col + origin.col, rows: a.rows ?? 1, cols: a.cols ?? 1 });
  const tables = Object.fromEntries(Object.entries(d.areas).map(([t, a]) => [t, shift(a!)])) as Partial<Record<TableId, Area>>;
  return { names: formNames(form, (id) => (d.binding[id] ? shift(d.binding[id]) : undefined), tables, prefix, meta) };
}
