import { cellId, getForm } from "../forms";
import type { FormDef, FormVersion, TableId } from "../forms/types";
import { bounding, parseArea, type Area } from "../layout/a1";
import type { RawCell } from "../values";

/** A sheet-scoped name as a workbook reports it: its name and its formula (="2021", ='Sheet'!$A$1:$B$2, =#REF!). */
export interface NameRef {
  name: string;
  formula: string;
}

/** A form found on a sheet from its names alone: where each of its cells is now. */
export interface BoundForm {
  sheet: string;
  prefix: string;
  form: FormDef;
  year?: number;
  unit?: string;
  /** a roll-up: how many units its cells sum */
  rollup?: number;
  at: Record<string, { row: number; col: number }>;
  /** each cell's area: the merged area a 表二/表四 cell name spans, else the cell */
  areas: Record<string, Area>;
  tables: Partial<Record<TableId, Area>>;
  /** cells that can no longer be found, in Chinese */
  problems: string[];
}

export interface ReadForm extends BoundForm {
  values: Record<string, RawCell>;
  formulas: Record<string, string | undefined>;
}

type Parsed = { area: Area } | { constant: string | number } | { broken: true };

function parseNameFormula(formula: string): Parsed {
  const f = formula.trim().replace(/^=/, "");
  if (/#REF!/i.test(f)) return { broken: true };
  const str = /^"((?:[^"]|"")*)"$/.exec(f);
  if (str) return { constant: str[1].replace(/""/g, '"') };
  if (/^-?\d+(\.\d+)?$/.test(f)) return { constant: Number(f) };
  try {
    return { area: parseArea(f) };
  } catch {
    return { broken: true };
  }
}

export const BINDING_TEXT = {
  brokenName: (form: string, name: string) => `${form}的名称 ${name} 已失效（它指向的单元格可能被删除），相关单元格无法检查。`,
  missingName: (form: string, name: string) => `${form}缺少名称 ${name}（可能被删除或改名），相关单元格无法检查。`,
  unknownVersion: (sheet: string, v: string) => `工作表“${sheet}”标明的表格格式“${v}”无法识别。`,
} as const;

/** Every form on one sheet, found from the sheet's names (prefix NB_, NB2_, …). */
export function bindForms(sheet: string, names: readonly NameRef[]): { forms: BoundForm[]; problems: string[] } {
  const byName = new Map(names.map((n) => [n.name, parseNameFormula(n.formula)]));
  const prefixes = names.map((n) => /^(NB\d*_)VERSION$/.exec(n.name)?.[1]).filter((p): p is string => Boolean(p));
  const forms: BoundForm[] = [];
  const problems: string[] = [];
  for (const prefix of prefixes) {
    const v = byName.get(`${prefix}VERSION`);
    const version = v && "constant" in v ? String(v.constant) : "";
    if (version !== "2021" && version !== "2019") {
      problems.push(BINDING_TEXT.unknownVersion(sheet, version));
      continue;
    }
    const form = getForm(version as FormVersion);
    const label = `工作表“${sheet}”中`;
    const bound: BoundForm = { sheet, prefix, form, at: {}, areas: {}, tables: {}, problems: [] };
    const year = byName.get(`${prefix}YEAR`);
    if (year && "constant" in year) bound.year = Number(year.constant);
    const unit = byName.get(`${prefix}UNIT`);
    if (unit && "constant" in unit) bound.unit = String(unit.constant);
    const rollup = byName.get(`${prefix}ROLLUP`);
    if (rollup && "constant" in rollup) bound.rollup = Number(rollup.constant);
    const area = (name: string): Area | undefined => {
      const p = byName.get(prefix + name);
      if (!p) bound.problems.push(BINDING_TEXT.missingName(label, prefix + name));
      else if ("broken" in p) bound.problems.push(BINDING_TEXT.brokenName(label, prefix + name));
      else if ("area" in p) return p.area;
      return undefined;
    };
    for (const t of form.tables) {
      const a = area(t.id.toUpperCase());
      if (a) bound.tables[t.id] = a;
    }
    const rowsAt = new Map<string, Area | undefined>();
    const colsAt = new Map<string, Area | undefined>();
    for (const c of form.cells) {
      let cellArea: Area | undefined;
      if (c.table === "t3") {
        if (!rowsAt.has(c.row)) rowsAt.set(c.row, area(`T3_R_${c.row}`));
        if (!colsAt.has(c.col)) colsAt.set(c.col, area(`T3_C_${c.col}`));
        const r = rowsAt.get(c.row);
        const k = colsAt.get(c.col);
        if (r && k) cellArea = { row: r.row, col: k.col, rows: 1, cols: 1 };
      } else {
        cellArea = area(c.table === "t2" ? `T2_${c.row}_${c.col}` : `T4_${c.col}`);
      }
      if (cellArea) {
        const id = cellId(form.table(c.table), c.row, c.col);
        bound.at[id] = { row: cellArea.row, col: cellArea.col };
        bound.areas[id] = cellArea;
      }
    }
    bound.problems = [...new Set(bound.problems)];
    forms.push(bound);
  }
  return { forms, problems };
}

/** The rectangle that holds every bound cell of a form: one range to read per form. */
export function boundArea(b: BoundForm): Area | undefined {
  return bounding(Object.values(b.at));
}

