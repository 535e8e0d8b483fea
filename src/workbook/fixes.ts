import { axisLeaves } from "../forms";
import type { MatrixTable } from "../forms/types";
import { totalFormula } from "../layout";
import type { Finding } from "../rules";
import type { ReadForm } from "./binding";
import type { CellFix } from "./port";

export interface TotalRepair {
  cellId: string;
  row: number;
  col: number;
  formula: string;
}

/** Total cells where the user typed over the formula, with the formula that belongs there. */
export function typedOverTotals(read: ReadForm): TotalRepair[] {
  const out: TotalRepair[] = [];
  for (const t of read.form.tables.filter((x): x is MatrixTable => x.layout === "matrix")) {
    const rows = axisLeaves(t.rows).map((l) => l.node);
    const cols = axisLeaves(t.columns).map((l) => l.node);
    const id = (r: string, c: string) => (t.singleRow ? `${t.id}.${c}` : `${t.id}.${r}.${c}`);
    for (const r of rows) {
      for (const c of cols) {
        const cid = id(r.id, c.id);
        const pos = read.at[cid];
        const formula = pos && totalFormula(r, c, (rr, cc) => read.at[id(rr, cc)]);
        if (!pos || !formula) continue;
        const current = read.formulas[cid];
        if (!current || !current.startsWith("=")) out.push({ cellId: cid, row: pos.row, col: pos.col, formula });
      }
    }
  }
  return out;
}

/** Blank cells among the findings. */
export function blankCells(read: ReadForm, findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.code === "blank" && read.at[f.cells[0]] && !read.form.cell(f.cells[0]).computed).map((f) => f.cells[0]);
}

export function restoreFixes(repairs: readonly TotalRepair[]): CellFix[] {
  return repairs.map((r) => ({ row: r.row, col: r.col, onlyIf: "notFormula", formula: r.formula }));
}

export function zeroFixes(read: ReadForm, cellIds: readonly string[]): CellFix[] {
  return cellIds.filter((id) => read.at[id]).map((id) => ({ ...read.at[id], onlyIf: "blank", value: 0 }));
}
