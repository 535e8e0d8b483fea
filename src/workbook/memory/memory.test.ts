import { FORMS, FORM_2021 } from "../../forms";
import { shiftFormula } from "../../layout";
import { check, equationStatus } from "../../rules";
import type { RawCell } from "../../values";
import { MemoryWorkbook } from ".";
import { evaluate } from "./formula";
import { buildValidReport, lcg } from "../../../test/support/reports";

async function withForm(form = FORM_2021, unit = "甲乡") {
  const wb = new MemoryWorkbook();
  const r = await wb.insertForm({ form, year: form.version === "2021" ? 2025 : 2020, unit, target: "newSheet" });
  if (!r.ok) throw new Error(r.reason);
  const sheet = wb.sheet(r.sheetName)!;
  const plan = sheet.plans[0];
  const type = (id: string, value: RawCell) => wb.input(sheet.name, plan.cellAt[id].row, plan.cellAt[id].col, value === null ? "" : String(value));
  return { wb, sheet, plan, type };
}

describe.each(FORMS.map((f) => [f.version, f] as const))("memory workbook, form %s", (_, form) => {
  test("totals come from the layout's formulas; highlighting agrees with the rules engine over 200 random workbooks", async () => {
    const { wb, sheet, plan, type } = await withForm(form);
    const MUTATIONS: RawCell[] = ["/", "abc", "3件", -2, 1.5, "#REF!", null, "—"];
    for (let k = 0; k < 200; k++) {
      const rand = lcg(104729 * (k + 1));
      const base = buildValidReport(form, rand);
      for (const c of form.cells) type(c.id, c.computed ? `${plan.cells.find((p) => p.cellId === c.id)!.formula}` : base[c.id]);
      const n = k % 4 === 0 ? 0 : 1 + Math.floor(rand() * 3);
      for (let m = 0; m < n; m++) {
        const c = form.cells[Math.floor(rand() * form.cells.length)];
        type(c.id, rand() < 0.5 ? Math.max(0, base[c.id] + Math.floor(rand() * 20) - 10) : MUTATIONS[Math.floor(rand() * MUTATIONS.length)]);
      }
      const read = (await wb.readForms()).forms[0];
      if (n === 0) {
        for (const c of form.cells.filter((x) => x.computed)) expect([c.id, read.values[c.id]]).toEqual([c.id, base[c.id]]);
      }
      const expected = new Set<string>();
      for (const [eq, st] of equationStatus(form, read.values, { workbook: true })) {
        if (st === "fails") (eq.rule === "R1" ? [...eq.lhs, ...eq.rhs] : [eq.rhs[0]]).forEach((id) => expected.add(`${eq.rule} ${id}`));
      }
      for (const f of check(form, read.values, { workbook: true })) if ((f.rule === "R7" || f.rule === "R8") && f.code !== "blank") expected.add(`invalid ${f.cells[0]}`);
      const actual = new Set<string>();
      for (const cf of plan.conditionalFormats) {
        for (let dr = 0; dr < cf.area.rows; dr++) {
          for (let dc = 0; dc < cf.area.cols; dc++) {
            const id = Object.keys(plan.cellAt).find((x) => plan.cellAt[x].row === cf.area.row + dr && plan.cellAt[x].col === cf.area.col + dc);
            if (evaluate(shiftFormula(cf.formula, dr, dc), (r, c) => wb.valueAt(sheet, r, c)) === true) actual.add(`${cf.rule} ${id}`);
          }
        }
      }
      expect([k, [...actual].sort()]).toEqual([k, [...expected].sort()]);
    }
  });
});

test("insert, then read back through the names: every cell where the plan put it", async () => {
  const { wb, plan } = await withForm();
  const { forms, problems } = await wb.readForms();
  expect(problems).toEqual([]);
  expect(forms).toHaveLength(1);
  expect(forms[0]).toMatchObject({ sheet: "2025年甲乡", prefix: "NB_", year: 2025, unit: "甲乡", problems: [] });
  expect(forms[0].at).toEqual(plan.cellAt);
  expect(forms[0].formulas["t3.new.total"]).toBe(plan.cells.find((c) => c.cellId === "t3.new.total")!.formula);
});

test("selection target: refused where anything is in the way, nothing changed", async () => {
  const wb = new MemoryWorkbook();
  wb.input("Sheet1", 10, 3, "别人的数据");
  const before = new Map(wb.sheet("Sheet1")!.cells);
  const r = await wb.insertForm({ form: FORM_2021, year: 2025, unit: "甲", target: "selection" });
  expect(r).toEqual({ ok: false, reason: "不能在这里插入：表格需要占用 A1:O53，其中 D11 已有内容。请选择一块空白区域的左上角单元格，或插入到新工作表。" });
  expect(wb.sheet("Sheet1")!.cells).toEqual(before);
});

test("fixes write only where the cell is still as the pane saw it", async () => {
  const { wb, sheet, plan, type } = await withForm();
  type("t3.total.natural", 5);
  const at = plan.cellAt["t3.total.natural"];
  const formula = plan.cells.find((c) => c.cellId === "t3.total.natural")!.formula!;
  const blank = plan.cellAt["t3.new.natural"];
  type("t3.new.business", 3);
  const busy = plan.cellAt["t3.new.business"];
  const r = await wb.applyFixes(sheet.name, [
    { ...at, onlyIf: "notFormula", formula },
    { ...blank, onlyIf: "blank", value: 0 },
    { ...busy, onlyIf: "blank", value: 0 },
  ]);
  expect(r).toEqual({ written: 2, skipped: 1 });
  expect(sheet.cells.get(`${at.row}:${at.col}`)?.formula).toBe(formula);
  expect(wb.valueAt(sheet, blank.row, blank.col)).toBe(0);
  expect(wb.valueAt(sheet, busy.row, busy.col)).toBe(3);
});

test("a renamed sheet is still found; a deleted row turns into a clear message, never an exception", async () => {
  const { wb, plan } = await withForm();
  wb.renameSheet("2025年甲乡", "甲乡年报");
  expect((await wb.readForms()).forms[0]).toMatchObject({ sheet: "甲乡年报", problems: [] });
  wb.deleteRows("甲乡年报", plan.cellAt["t3.withheld_2.natural"].row, 1);
  const read = (await wb.readForms()).forms[0];
  expect(read.problems).toEqual(["工作表“甲乡年报”中的名称 NB_T3_R_withheld_2 已失效（它指向的单元格可能被删除），相关单元格无法检查。"]);
  expect(read.at["t3.withheld_2.natural"]).toBeUndefined();
  expect(read.at["t3.withheld_3.natural"]).toEqual({ row: plan.cellAt["t3.withheld_3.natural"].row - 1, col: plan.cellAt["t3.withheld_3.natural"].col });
  expect(await wb.select("不存在的表", { row: 0, col: 0, rows: 1, cols: 1 })).toBe("找不到工作表“不存在的表”，它可能已被删除或改名。请重新检查。");
});

test("reading 300 form sheets is one batch, as reading one", async () => {
  const wb = new MemoryWorkbook();
  for (let i = 0; i < 300; i++) await wb.insertForm({ form: FORM_2021, year: 2025, unit: `单位${i}`, target: "newSheet" });
  wb.batches = 0;
  const { forms } = await wb.readForms();
  expect(forms).toHaveLength(300);
  expect(wb.batches).toBe(1);
});

test("the add-in's own marks: cleared without touching the user's rules or data, restored once", async () => {
  const { wb, sheet, plan, type } = await withForm();
  const user = { rule: "invalid" as const, area: { row: 0, col: 20, rows: 1, cols: 1 }, formula: "U1>5" };
  sheet.conditionalFormats.push(user);
  for (const c of FORM_2021.cells) if (!c.computed) type(c.id, 0);
  type("t3.new.natural", "5");
  const at = plan.cellAt["t3.new.natural"];
  expect(wb.highlightAt(sheet, at.row, at.col)).toBe("R1");
  expect(await wb.setHighlights(sheet.name, "NB_", false)).toEqual({ removed: plan.conditionalFormats.length, added: 0 });
  expect(sheet.conditionalFormats).toEqual([user]);
  expect(wb.highlightAt(sheet, at.row, at.col)).toBeUndefined();
  expect(wb.valueAt(sheet, at.row, at.col)).toBe(5);
  await wb.setHighlights(sheet.name, "NB_", true);
  await wb.setHighlights(sheet.name, "NB_", true);
  expect(sheet.conditionalFormats).toHaveLength(plan.conditionalFormats.length + 1);
  expect(wb.highlightAt(sheet, at.row, at.col)).toBe("R1");
});
