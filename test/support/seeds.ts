import { axisLeaves, cellId } from "../../src/forms";
import { canonicalLabel } from "../../src/forms/labels";
import type { FormDef, TableId } from "../../src/forms/types";
import type { Grid } from "../../src/detect/textGrid";
import { reportGrids } from "../../src/detect/report";

export interface SeedReport {
  name: string;
  year: number;
  form: FormDef;
  grids: Record<TableId, Grid>;
}

/** A published report's text: its year (from the title), its form, and the grid of each table. */
export function readReport(name: string, text: string): SeedReport {
  const { year, form, grids } = reportGrids(text);
  if (!year || !form) throw new Error(`${name}: no form for year ${year}`);
  for (const t of form.tables) if (!grids[t.id]) throw new Error(`${name}: no section ${t.title}`);
  return { name, year, form, grids: grids as Record<TableId, Grid> };
}

export const isNumberText = (s: string): boolean => /^[\s\u00A0\u3000]*[+-]?[\d.,]+[\s\u00A0\u3000]*$/.test(s);

const isBlank = (s: string): boolean => s.replace(/[\s\u00A0\u3000]/g, "") === "";

/** Rows that hold a label followed by n value cells (numbers or blanks), as the value cells. */
export function dataRows(grid: Grid, n: number): string[][] {
  return grid
    .map((row) => {
      let end = row.length;
      while (end > 0 && isBlank(row[end - 1])) end--;
      const cells = row.slice(0, end);
      const lastLabel = cells.map((c) => !isBlank(c) && !isNumberText(c)).lastIndexOf(true);
      const values = cells.slice(lastLabel + 1);
      // a merged label column leaves blank cells between the label and the values
      return lastLabel >= 0 && values.length >= n ? row.slice(lastLabel + 1 + values.length - n, lastLabel + 1 + values.length) : undefined;
    })
    .filter((r): r is string[] => r !== undefined);
}

/** The values of a report's tables by cell id, read by position (test data only; recognition proper is src/detect). */
export function reportValues(report: SeedReport): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of report.form.tables) {
    const grid = report.grids[table.id];
    if (table.layout === "blocks") {
      for (const b of table.blocks) {
        for (const item of b.items) {
          const row = grid.find((r) => r.some((c) => canonicalLabel(c).key === canonicalLabel(item.label).key));
          if (!row) continue;
          const at = row.findIndex((c) => canonicalLabel(c).key === canonicalLabel(item.label).key);
          b.columns.forEach((c, i) => (out[cellId(table, item.id, c.id)] = row[at + 1 + i] ?? ""));
        }
      }
      continue;
    }
    const cols = axisLeaves(table.columns);
    const rows = table.singleRow
      ? grid.filter((r) => r.length >= cols.length && r.every((c) => isBlank(c) || isNumberText(c)))
      : dataRows(grid, cols.length);
    axisLeaves(table.rows).forEach((r, i) =>
      cols.forEach((c, j) => {
        out[cellId(table, r.node.id, c.node.id)] = rows[i]?.[j] ?? "";
      }),
    );
  }
  return out;
}
