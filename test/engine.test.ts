/**
 * Engine tests: workbooks written by the xlsx adapter, recalculated by LibreOffice, compared with the
 * rules engine. Needs LibreOffice (libreoffice-calc-nogui); fails without it.
 */
import { FORMS } from "../src/forms";
import type { FormDef } from "../src/forms/types";
import { planForm, shiftFormula, type HighlightRule, type SheetPlan } from "../src/layout";
import { check, equationStatus } from "../src/rules";
import type { RawCell } from "../src/values";
import { writeXlsx, type XlsxSheet } from "../src/workbook/xlsx/write";
import { recalculatedSheets, soffice } from "./support/libreoffice";
import { buildValidReport, lcg } from "./support/reports";

jest.setTimeout(240_000);

beforeAll(() => soffice());

const SCENARIOS = 30;
/** Where each rule's probe formulas go, to the right of the form. */
const PROBE_OFFSET: Record<HighlightRule, number> = { invalid: 20, R1: 40, R2: 60, R3: 80, R4: 100, R5: 100, R6: 100 };
// No booleans here: LibreOffice stores TRUE as the number 1, so COUNT and SUM take it where Excel does not
// (docs/excel-checklist.md has the Excel case).
const INVALID_RAW: RawCell[] = ["/", "abc", "3件", -2, 1.5, { error: "#REF!" }, "5", "\u00A07", "—"];

const isTrue = (s: string | undefined): boolean => /^(TRUE|1|真)$/i.test((s ?? "").trim());

interface Scenario {
  sheet: XlsxSheet;
  plan: SheetPlan;
  typed: Record<string, RawCell>;
  base: Record<string, number>;
}

function scenario(form: FormDef, k: number): Scenario {
  const rand = lcg(7919 * (k + 1) + form.cells.length);
  const base = buildValidReport(form, rand);
  const plan = planForm(form, { year: form.version === "2021" ? 2025 : 2020, unit: `单位${k}` });
  const typed: Record<string, RawCell> = Object.fromEntries(Object.entries(base).filter(([id]) => !form.cell(id).computed));
  const mutations = k % 5 === 0 ? 0 : 1 + Math.floor(rand() * 3);
  for (let m = 0; m < mutations; m++) {
    const cell = form.cells[Math.floor(rand() * form.cells.length)];
    const what = rand();
    if (what < 0.5) typed[cell.id] = Math.max(0, base[cell.id] + Math.floor(rand() * 30) - 15 || 1);
    else if (what < 0.65) typed[cell.id] = null;
    else typed[cell.id] = INVALID_RAW[Math.floor(rand() * INVALID_RAW.length)];
  }
  const probes = plan.conditionalFormats.flatMap((cf) => {
    const out = [];
    for (let dr = 0; dr < cf.area.rows; dr++) {
      for (let dc = 0; dc < cf.area.cols; dc++) {
        out.push({ row: cf.area.row + dr, col: cf.area.col + dc + PROBE_OFFSET[cf.rule], formula: `=${shiftFormula(cf.formula, dr, dc)}` });
      }
    }
    return out;
  });
  return { plan, typed, base, sheet: { name: `S${k}`, plan, values: typed, cells: probes } };
}

describe.each(FORMS.map((f) => [f.version, f] as const))("form %s in LibreOffice", (_, form) => {
  const scenarios = Array.from({ length: SCENARIOS }, (__, k) => scenario(form, k));
  let sheets: Map<string, string[][]>;
  beforeAll(() => {
    sheets = recalculatedSheets(writeXlsx(scenarios.map((s) => s.sheet)), scenarios.map((s) => s.sheet.name));
  });

  /** What the workbook shows: typed cells as typed, formulas as LibreOffice computed them. */
  function shown(s: Scenario): Record<string, RawCell> {
    const grid = sheets.get(s.sheet.name)!;
    const out: Record<string, RawCell> = {};
    for (const c of form.cells) {
      if (c.id in s.typed) out[c.id] = s.typed[c.id];
      else {
        const at = s.plan.cellAt[c.id];
        const text = grid[at.row]?.[at.col] ?? "";
        out[c.id] = text === "" ? null : Number.isNaN(Number(text)) ? { error: text } : Number(text);
      }
    }
    return out;
  }

  test("every total LibreOffice computes from the formulas equals the total the rules expect", () => {
    let checked = 0;
    for (const s of scenarios.filter((x) => Object.keys(x.typed).every((id) => x.typed[id] === x.base[id]))) {
      const view = shown(s);
      for (const c of form.cells.filter((x) => x.computed)) expect([c.id, view[c.id]]).toEqual([c.id, s.base[c.id]]);
      expect(check(form, view, { workbook: true })).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(SCENARIOS / 5);
  });

  test("each highlighting formula is TRUE exactly for the cells the rules engine flags", () => {
    let flagged = 0;
    for (const s of scenarios) {
      const grid = sheets.get(s.sheet.name)!;
      const view = shown(s);
      const status = equationStatus(form, view, { workbook: true });
      const expected = new Set<string>();
      for (const [eq, st] of status) {
        if (st !== "fails") continue;
        if (eq.rule === "R1") [...eq.lhs, ...eq.rhs].forEach((id) => expected.add(`R1 ${id}`));
        else expected.add(`${eq.rule} ${eq.rhs[0]}`);
      }
      for (const f of check(form, view, { workbook: true })) {
        if ((f.rule === "R7" || f.rule === "R8") && f.code !== "blank") expected.add(`invalid ${f.cells[0]}`);
      }
      const idAt = new Map(Object.entries(s.plan.cellAt).map(([id, p]) => [`${p.row}:${p.col}`, id]));
      const actual = new Set<string>();
      for (const cf of s.plan.conditionalFormats) {
        for (let dr = 0; dr < cf.area.rows; dr++) {
          for (let dc = 0; dc < cf.area.cols; dc++) {
            const r = cf.area.row + dr;
            const c = cf.area.col + dc;
            if (isTrue(grid[r]?.[c + PROBE_OFFSET[cf.rule]])) actual.add(`${cf.rule} ${idAt.get(`${r}:${c}`) ?? `${r}:${c}`}`);
          }
        }
      }
      expect([s.sheet.name, [...actual].sort()]).toEqual([s.sheet.name, [...expected].sort()]);
      flagged += expected.size;
    }
    expect(flagged).toBeGreaterThan(SCENARIOS);
  });
});

describe.each(FORMS.map((f) => [f.version, f] as const))("names of form %s, resolved by LibreOffice", (_, form) => {
  test("every name points at the intended cells; constants hold version, year and unit", () => {
    const plan = planForm(form, { year: 2024, unit: "某某县人民政府办公室" });
    const top = plan.area.row + plan.area.rows + 3;
    const probes = plan.names.flatMap((n, i) =>
      n.area
        ? ["ROW", "COLUMN", "ROWS", "COLUMNS"].map((f, j) => ({ row: top + i, col: j, formula: `=${f}(${n.name})` }))
        : [{ row: top + i, col: 0, formula: `=${n.name}` }],
    );
    const grid = recalculatedSheets(writeXlsx([{ name: plan.sheetName, plan, cells: probes }]), [plan.sheetName]).get(plan.sheetName)!;
    for (const [i, n] of plan.names.entries()) {
      const got = grid[top + i].slice(0, n.area ? 4 : 1);
      const want = n.area ? [n.area.row + 1, n.area.col + 1, n.area.rows, n.area.cols].map(String) : [String(n.constant)];
      expect([n.name, got]).toEqual([n.name, want]);
    }
  });
});

describe.each(FORMS.map((f) => [f.version, f] as const))("roll-up of form %s in LibreOffice", (_, form) => {
  test("the roll-up of random valid units reconciles and equals the cell-wise sum", () => {
    const year = form.version === "2021" ? 2025 : 2020;
    const units = Array.from({ length: 6 }, (__, i) => {
      const plan = planForm(form, { year, unit: `单位${i}` });
      const values = buildValidReport(form, lcg(31 * (i + 7)));
      return { plan, values, sheet: { name: plan.sheetName, plan, values: Object.fromEntries(form.cells.filter((c) => !c.computed).map((c) => [c.id, values[c.id]])) } };
    });
    const roll = planForm(form, { year, unit: "汇总", sources: units.map((u) => ({ sheet: u.plan.sheetName, at: u.plan.cellAt })) });
    const name = "汇总表";
    const grid = recalculatedSheets(writeXlsx([...units.map((u) => u.sheet), { name, plan: roll }]), [name]).get(name)!;
    const shownRoll: Record<string, RawCell> = {};
    for (const c of form.cells) {
      const at = roll.cellAt[c.id];
      shownRoll[c.id] = Number(grid[at.row][at.col]);
      expect([c.id, shownRoll[c.id]]).toEqual([c.id, units.reduce((a, u) => a + u.values[c.id], 0)]);
    }
    expect(check(form, shownRoll, { workbook: true })).toEqual([]);
  });
});
