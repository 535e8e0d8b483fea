import { FORM_2019, FORM_2021 } from "../../forms";
import { areaAddress, cellAddress, planForm, VALIDATION_TEXT } from "../../layout";
import { insertForm } from "./insert";
import { FakeExcel } from "../../../test/support/fakeExcel";

const request = { form: FORM_2021, year: 2025, unit: "某某乡人民政府", target: "newSheet" as const };

describe("insert on a new sheet", () => {
  test("writes exactly the plan: every label, formula, number format, merge, name, validation and highlight", async () => {
    const excel = new FakeExcel();
    const result = await insertForm(excel.host(), request);
    expect(result).toMatchObject({ ok: true, sheetName: "2025年某某乡人民政府", prefix: "NB_" });
    const sheet = excel.sheets.find((s) => s.name === "2025年某某乡人民政府")!;
    const plan = planForm(FORM_2021, { year: 2025, unit: "某某乡人民政府" });

    const expected = new Map(plan.cells.filter((c) => c.formula || c.value !== undefined).map((c) => [`${c.row}:${c.col}`, c.formula ?? String(c.value)]));
    expect(sheet.content).toEqual(expected);
    expect(sheet.content.get(`${plan.cellAt["t3.new.total"].row}:${plan.cellAt["t3.new.total"].col}`)).toBe(
      `=SUM(${cellAddress(plan.cellAt["t3.new.natural"].row, plan.cellAt["t3.new.natural"].col)}:${cellAddress(plan.cellAt["t3.new.others"].row, plan.cellAt["t3.new.others"].col)})`,
    );
    for (const c of plan.cells) expect(sheet.numberFormats.get(`${c.row}:${c.col}`)).toBe(plan.styles[c.style].numberFormat);
    expect(sheet.merges.map(areaAddress)).toEqual(plan.merges.map(areaAddress));
    expect([...sheet.names.keys()]).toEqual(plan.names.map((n) => n.name));
    for (const n of plan.names) {
      const got = sheet.names.get(n.name)!;
      if (n.area) expect(areaAddress(got.area!)).toBe(areaAddress(n.area));
      else expect(got.formula).toBe(typeof n.constant === "number" ? `=${n.constant}` : `="${n.constant}"`);
      expect(got.comment).toBe(n.label);
    }
    expect(sheet.conditionalFormats.map((c) => [areaAddress(c.area), c.formula])).toEqual(plan.conditionalFormats.map((c) => [areaAddress(c.area), `=${c.formula}`]));
    expect(sheet.validations.map((v) => areaAddress(v.area))).toEqual(plan.validations.map((v) => areaAddress(v.area)));
    expect(sheet.validations[0]).toMatchObject({
      rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
      prompt: { showPrompt: true, title: VALIDATION_TEXT.count.promptTitle, message: VALIDATION_TEXT.count.prompt },
      errorAlert: { showAlert: true, style: "Stop", title: VALIDATION_TEXT.count.errorTitle },
    });
    expect(sheet.fonts.some((f) => f.name === "宋体" && f.size === 10)).toBe(true);
    expect(sheet.fonts.some((f) => f.name === "楷体")).toBe(true);
    expect([...sheet.columnWidths.values()]).toEqual(plan.columnWidths);
    expect(excel.selectedArea).toEqual(plan.tables.t2);
    expect(sheet.pageBreaks).toEqual([]);
  });

  test("a page break before 表四 where Excel has page layout (ExcelApi 1.9)", async () => {
    const excel = new FakeExcel();
    await insertForm(excel.host(["1.9"]), request);
    expect(excel.sheets[1].pageBreaks).toEqual([planForm(FORM_2021, request).tables.t4.row - 1]);
  });

  test("two syncs, whether the workbook has 1 sheet or 300", async () => {
    for (const n of [1, 300]) {
      const excel = new FakeExcel(Array.from({ length: n }, (_, i) => `Sheet${i + 1}`));
      await insertForm(excel.host(), request);
      expect([n, excel.syncs]).toEqual([n, 2]);
    }
  });

  test("inserting twice gives a second sheet, never a clash of sheet or names", async () => {
    const excel = new FakeExcel();
    const a = await insertForm(excel.host(), request);
    const b = await insertForm(excel.host(), request);
    expect([a, b].map((r) => r.ok && r.sheetName)).toEqual(["2025年某某乡人民政府", "2025年某某乡人民政府(2)"]);
    expect(excel.sheets.map((s) => s.names.size)).toEqual([0, planForm(FORM_2021, request).names.length, planForm(FORM_2021, request).names.length]);
  });

  test("one undo step where Excel supports ExcelApi 1.20, plain run elsewhere", async () => {
    const modern = new FakeExcel();
    expect(await insertForm(modern.host(["1.20"]), request)).toMatchObject({ ok: true, undoGroup: true });
    expect(modern.runs).toEqual([{ mergeUndoGroup: true }]);
    const older = new FakeExcel();
    expect(await insertForm(older.host(["1.8"]), request)).toMatchObject({ ok: true, undoGroup: false });
    expect(older.runs).toEqual([{}]);
  });

  test("an Excel without ExcelApi 1.8 gets a clear Chinese message and nothing runs", async () => {
    const excel = new FakeExcel();
    expect(await insertForm(excel.host(["1.7"]), request)).toEqual({
      ok: false,
      reason: "您的 Excel 不支持插入表格所需的功能（需要 ExcelApi 1.8）。请使用 Microsoft 365 的 Excel、Excel 2019 或更新版本，或 Excel 网页版。",
    });
    expect(excel.runs).toEqual([]);
  });

  test("an error from Excel becomes a Chinese message, not an exception", async () => {
    const excel = new FakeExcel();
    excel.failOnSync = "GeneralException";
    expect(await insertForm(excel.host(), request)).toEqual({ ok: false, reason: "插入表格时 Excel 报告了错误：GeneralException。请查看工作表，如有写了一半的内容，可按 Ctrl+Z 撤销。" });
  });
});

describe("insert at the selected cell", () => {
  const at = (excel: FakeExcel, row: number, col: number) => (excel.selection = { sheet: excel.sheets[0], row, col });

  test("when the whole area is empty: the plan moved to the selection, three syncs, column widths untouched", async () => {
    const excel = new FakeExcel();
    at(excel, 4, 2);
    const r = await insertForm(excel.host(), { ...request, target: "selection", form: FORM_2019, year: 2020 });
    const plan = planForm(FORM_2019, { year: 2020, unit: "某某乡人民政府", origin: { row: 4, col: 2 } });
    expect(r).toMatchObject({ ok: true, sheetName: "Sheet1", address: `Sheet1!${areaAddress(plan.area)}` });
    expect(excel.syncs).toBe(3);
    expect(excel.sheets[0].content.get(`${plan.cellAt["t3.total.total"].row}:${plan.cellAt["t3.total.total"].col}`)).toBe(plan.cells.find((c) => c.cellId === "t3.total.total")!.formula);
    expect(excel.sheets[0].columnWidths.size).toBe(0);
  });

  test("where any cell of the area holds something: refuses, says which cells, changes nothing", async () => {
    const excel = new FakeExcel();
    const sheet = excel.sheets[0];
    sheet.content.set("30:10", "我的数据");
    sheet.content.set("31:11", "=A1");
    const before = new Map(sheet.content);
    at(excel, 0, 0);
    const r = await insertForm(excel.host(), { ...request, target: "selection" });
    expect(r).toEqual({ ok: false, reason: "不能在这里插入：表格需要占用 A1:O53，其中 K31:L32 已有内容。请选择一块空白区域的左上角单元格，或插入到新工作表。" });
    expect(sheet.content).toEqual(before);
    expect(sheet.names.size + sheet.merges.length + sheet.conditionalFormats.length + sheet.validations.length + sheet.numberFormats.size).toBe(0);
  });

  test("a second form on the same sheet takes the NB2_ prefix", async () => {
    const excel = new FakeExcel();
    at(excel, 0, 0);
    await insertForm(excel.host(), { ...request, target: "selection" });
    at(excel, 60, 0);
    const r = await insertForm(excel.host(), { ...request, target: "selection" });
    expect(r).toMatchObject({ ok: true, prefix: "NB2_" });
    expect([...excel.sheets[0].names.keys()].filter((n) => n.startsWith("NB2_"))).toHaveLength(planForm(FORM_2021, request).names.length);
  });

  test("too close to the sheet's edge", async () => {
    const excel = new FakeExcel();
    at(excel, 1_048_570, 0);
    expect(await insertForm(excel.host(), { ...request, target: "selection" })).toMatchObject({ ok: false, reason: expect.stringContaining("放不下整张表格") });
  });
});
