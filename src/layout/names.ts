import { axisLeaves, cellId } from "../forms";
import type { FormDef, TableId } from "../forms/types";
import { bounding, type Area } from "./a1";
import type { PlanName } from "./plan";

/**
 * The named ranges of a form whose cells are where `areaOf` says: one per table, per data row, per data
 * column, per 表二/表四 cell, and the constants. Inserting and adopting a table name it the same way.
 */
export function formNames(
  form: FormDef,
  areaOf: (id: string) => Area | undefined,
  tables: Partial<Record<TableId, Area>>,
  prefix: string,
  meta: { year?: number; unit?: string; rollup?: number },
): PlanName[] {
  const out: PlanName[] = [];
  const add = (name: string, kind: PlanName["kind"], label: string, area?: Area, constant?: string | number) => {
    if (area || constant !== undefined) out.push({ name: prefix + name, kind, label, ...(area ? { area } : {}), ...(constant !== undefined ? { constant } : {}) });
  };
  for (const t of form.tables) {
    if (t.layout === "blocks") {
      for (const block of t.blocks) {
        for (const item of block.items) {
          for (const c of block.columns) add(`T2_${item.id}_${c.id}`, "cell", `${block.caption} ${item.label} ${c.label}`, areaOf(cellId(t, item.id, c.id)));
          add(`T2_R_${item.id}`, "row", `${item.label}（${block.caption}）`, bounding(block.columns.map((c) => areaOf(cellId(t, item.id, c.id)))));
        }
        for (const c of block.columns) add(`T2_C_${block.id}_${c.id}`, "column", `${block.caption} ${c.label}`, bounding(block.items.map((i) => areaOf(cellId(t, i.id, c.id)))));
      }
    } else {
      const name = t.id.toUpperCase();
      const rows = axisLeaves(t.rows);
      const cols = axisLeaves(t.columns);
      if (t.singleRow) for (const c of cols) add(`${name}_${c.node.id}`, "cell", c.path.join(" "), areaOf(cellId(t, "", c.node.id)));
      for (const r of rows) add(`${name}_R_${r.node.id}`, "row", r.path.join(" ") || "数据行", bounding(cols.map((c) => areaOf(cellId(t, r.node.id, c.node.id)))));
      for (const c of cols) add(`${name}_C_${c.node.id}`, "column", c.path.join(" "), bounding(rows.map((r) => areaOf(cellId(t, r.node.id, c.node.id)))));
    }
    add(t.id.toUpperCase(), "table", t.title, tables[t.id]);
  }
  add("VERSION", "meta", "表格格式版本", undefined, form.version);
  add("YEAR", "meta", "报告年度", undefined, meta.year);
  add("UNIT", "meta", "填报单位", undefined, meta.unit);
  add("ROLLUP", "meta", "汇总的单位数（汇总表才有）", undefined, meta.rollup);
  return out;
}

/** A name's constant as a formula: =2025, ="2021", ="某某乡" (quotes doubled). */
export function constantFormula(value: string | number | undefined): string {
  return typeof value === "number" ? `=${value}` : `="${String(value ?? "").replace(/"/g, '""')}"`;
}
