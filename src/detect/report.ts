import { formForYear, FORMS } from "../forms";
import type { FormDef, TableId } from "../forms/types";
import { sections, textToGrid, type Grid } from "./textGrid";

/** The report year from a report's title (the text before 一、总体情况): 2020 年, 2021年 … */
export function reportYear(text: string): number | undefined {
  const cut = text.indexOf("一、总体情况");
  const title = cut >= 0 ? text.slice(0, cut) : text.slice(0, 200);
  const m = /(20\d{2})\s*年/.exec(title);
  return m ? Number(m[1]) : undefined;
}

/** The grid of each table section of a text report, and the three stacked as Excel would receive them pasted. */
export function reportGrids(text: string): { year?: number; form?: FormDef; grids: Partial<Record<TableId, Grid>>; pasted: Grid } {
  const year = reportYear(text);
  const form = year ? formForYear(year) : undefined;
  const titles = [...new Set(FORMS.flatMap((f) => f.tables.map((t) => t.title)))];
  const secs = sections(text, titles);
  const grids: Partial<Record<TableId, Grid>> = {};
  for (const t of FORMS[0].tables) {
    const lines = secs.get(t.title);
    if (lines) grids[t.id] = textToGrid(lines);
  }
  const pasted = (["t2", "t3", "t4"] as const).flatMap((id) => (grids[id] ? [...grids[id]!, []] : []));
  return { year, form, grids, pasted };
}
