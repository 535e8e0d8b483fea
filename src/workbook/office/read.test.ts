import { FORM_2019, FORM_2021 } from "../../forms";
import { planForm } from "../../layout";
import { check } from "../../rules";
import { insertForm } from "./insert";
import { addNames, applyFixes, onChange, readForms, readGrid, select, setHighlights } from "./read";
import { FakeExcel } from "../../../test/support/fakeExcel";
import { rollupRequest } from "../rollup";

const put = (excel: FakeExcel, sheet: string, at: { row: number; col: number }, text: string) => excel.sheets.find((s) => s.name === sheet)!.content.set(`${at.row}:${at.col}`, text);

test("reading every form: 2 syncs for 1 form sheet or 300, each cell found through the names", async () => {
  for (const n of [1, 300]) {
    const excel = new FakeExcel();
    for (let i = 0; i < n; i++) await insertForm(excel.host(), { form: i % 2 ? FORM_2019 : FORM_2021, year: i % 2 ? 2020 : 2025, unit: `单位${i}`, target: "newSheet" });
    excel.syncs = 0;
    const { forms, problems } = await readForms(excel.host());
    expect([n, excel.syncs, forms.length, problems]).toEqual([n, 2, n, []]);
    expect(forms[0].at).toEqual(planForm(FORM_2021, { year: 2025, unit: "单位0" }).cellAt);
  }
});

test("values arrive as the workbook holds them: numbers, text, errors, blanks; totals computed", async () => {
  const excel = new FakeExcel();
  const r = await insertForm(excel.host(), { form: FORM_2021, year: 2025, unit: "甲", target: "newSheet" });
  if (!r.ok) throw new Error(r.reason);
  const plan = planForm(FORM_2021, { year: 2025, unit: "甲" });
  put(excel, r.sheetName, plan.cellAt["t3.new.natural"], "7");
  put(excel, r.sheetName, plan.cellAt["t3.new.business"], "3件");
  put(excel, r.sheetName, plan.cellAt["t3.new.research"], "#REF!");
  const { forms } = await readForms(excel.host());
  const v = forms[0].values;
  expect([v["t3.new.natural"], v["t3.new.business"], v["t3.new.research"], v["t3.new.charity"]]).toEqual([7, "3件", { error: "#REF!" }, null]);
  expect(v["t3.new.total"]).toEqual({ error: "#REF!" });
  expect(forms[0].formulas["t3.new.total"]).toMatch(/^=SUM\(/);
  const codes = check(FORM_2021, v, { workbook: true }).filter((f) => f.cells[0].startsWith("t3.new.")).map((f) => [f.cells[0], f.code]);
  expect(codes).toEqual(expect.arrayContaining([["t3.new.business", "stored_as_text"], ["t3.new.research", "excel_error"], ["t3.new.charity", "blank"]]));
});

test("fixes: 3 syncs, written only where the cell is still blank / holds no formula", async () => {
  const excel = new FakeExcel();
  const r = await insertForm(excel.host(), { form: FORM_2021, year: 2025, unit: "甲", target: "newSheet" });
  if (!r.ok) throw new Error(r.reason);
  const plan = planForm(FORM_2021, { year: 2025, unit: "甲" });
  const blank = plan.cellAt["t3.new.natural"];
  const typed = plan.cellAt["t3.new.legal"];
  put(excel, r.sheetName, typed, "2");
  const total = plan.cellAt["t3.new.total"];
  excel.syncs = 0;
  const res = await applyFixes(excel.host(), r.sheetName, [
    { ...blank, onlyIf: "blank", value: 0 },
    { ...typed, onlyIf: "blank", value: 0 },
    { ...total, onlyIf: "notFormula", formula: "=1" },
  ]);
  expect(res).toEqual({ written: 1, skipped: 2 });
  expect(excel.syncs).toBe(3);
  const sheet = excel.sheets.find((s) => s.name === r.sheetName)!;
  expect([sheet.content.get(`${blank.row}:${blank.col}`), sheet.content.get(`${typed.row}:${typed.col}`)]).toEqual(["0", "2"]);
  expect(sheet.content.get(`${total.row}:${total.col}`)).toMatch(/^=SUM/);
  expect(await applyFixes(excel.host(), "不存在", [{ ...blank, onlyIf: "blank", value: 0 }])).toEqual({ written: 0, skipped: 1 });
});

test("select: the cells of a finding, or a message when the sheet is gone", async () => {
  const excel = new FakeExcel();
  expect(await select(excel.host(), "Sheet1", { row: 3, col: 4, rows: 2, cols: 1 })).toBeUndefined();
  expect(excel.selectedArea).toEqual({ row: 3, col: 4, rows: 2, cols: 1 });
  expect(await select(excel.host(), "旧表", { row: 0, col: 0, rows: 1, cols: 1 })).toBe("找不到工作表“旧表”，它可能已被删除或改名。请重新检查。");
});

test("change events reach the pane: workbook-wide with ExcelApi 1.9, per sheet before", async () => {
  for (const api of ["1.9", "1.8"]) {
    const excel = new FakeExcel(["A", "B"]);
    let calls = 0;
    onChange(excel.host([api]), () => calls++);
    await new Promise((r) => setTimeout(r, 0));
    await excel.emitChange();
    expect([api, calls]).toEqual([api, api === "1.9" ? 1 : 2]);
  }
});

test("clearing the add-in's marks removes exactly its conditional formats, in 3 syncs; restoring adds them once", async () => {
  const excel = new FakeExcel();
  const r = await insertForm(excel.host(), { form: FORM_2021, year: 2025, unit: "甲", target: "newSheet" });
  if (!r.ok) throw new Error(r.reason);
  const sheet = excel.sheets.find((s) => s.name === r.sheetName)!;
  const plan = planForm(FORM_2021, { year: 2025, unit: "甲" });
  const user = { area: { row: 30, col: 9, rows: 1, cols: 1 }, formula: "=J31>100", fill: "#00FF00", font: "" };
  sheet.conditionalFormats.push(user);
  excel.syncs = 0;
  expect(await setHighlights(excel.host(), r.sheetName, "NB_", false)).toEqual({ removed: plan.conditionalFormats.length, added: 0 });
  expect(excel.syncs).toBe(3);
  expect(sheet.conditionalFormats).toEqual([user]);
  await setHighlights(excel.host(), r.sheetName, "NB_", true);
  await setHighlights(excel.host(), r.sheetName, "NB_", true);
  expect(sheet.conditionalFormats.map((c) => c.formula).sort()).toEqual([...plan.conditionalFormats.map((c) => `=${c.formula}`), user.formula].sort());
});

test("recognition reads the used range in 2 syncs and binds with names only", async () => {
  const excel = new FakeExcel();
  const sheet = excel.sheets[0];
  sheet.content.set("4:2", "行政复议");
  sheet.content.set("4:7", "行政诉讼");
  sheet.content.set("7:3", "12");
  excel.syncs = 0;
  const grid = await readGrid(excel.host());
  expect(excel.syncs).toBe(2);
  expect(grid).toEqual({ sheet: "Sheet1", origin: { row: 4, col: 2 }, cells: [["行政复议", null, null, null, null, "行政诉讼"], [null, null, null, null, null, null], [null, null, null, null, null, null], [null, 12, null, null, null, null]], names: [] });
  const before = new Map(sheet.content);
  expect(await addNames(excel.host(), "Sheet1", [{ name: "NB_VERSION", kind: "meta", label: "表格格式版本", constant: "2021" }, { name: "NB_T4", kind: "table", label: "表四", area: { row: 4, col: 2, rows: 4, cols: 6 } }])).toBeUndefined();
  expect(sheet.content).toEqual(before);
  expect([...sheet.names.entries()]).toEqual([["NB_VERSION", { formula: '="2021"', comment: "表格格式版本" }], ["NB_T4", { area: { row: 4, col: 2, rows: 4, cols: 6 }, comment: "表四" }]]);
  expect(await addNames(excel.host(), "没有这张表", [])).toMatch(/^添加名称时出错：/);
  expect(await readGrid(new FakeExcel().host())).toEqual({ error: "工作表是空的：请选中表格所在的区域再识别。" });
});

test("300 unit sheets in Excel: listing 2 syncs, rolling them up 2 more, as with one", async () => {
  const excel = new FakeExcel();
  for (let i = 0; i < 300; i++) await insertForm(excel.host(), { form: FORM_2021, year: 2025, unit: `单位${i}`, target: "newSheet" });
  excel.syncs = 0;
  const { forms } = await readForms(excel.host());
  expect(excel.syncs).toBe(2);
  const req = rollupRequest(forms);
  if ("reason" in req) throw new Error(req.reason);
  const r = await insertForm(excel.host(), { form: req.form, year: 2025, unit: "全县汇总", target: "newSheet", sources: req.sources });
  expect(r).toMatchObject({ ok: true, sheetName: "2025年全县汇总" });
  expect(excel.syncs).toBe(4);
  const roll = excel.sheets.find((s) => s.name === "2025年全县汇总")!;
  const at = planForm(FORM_2021, { year: 2025, unit: "x" }).cellAt["t3.new.natural"];
  expect(roll.content.get(`${at.row}:${at.col}`)!.split("+")).toHaveLength(300);
  expect(roll.names.get("NB_ROLLUP")).toMatchObject({ formula: "=300" });
});
