import { formForYear, FORM_2019, FORM_2021 } from "../forms";
import type { FormDef } from "../forms/types";
import { check } from "../rules";
import { carryOverFindings, carryOverValues } from "../rules/crossYear";
import { checkAll } from "./checkAll";
import { MemoryWorkbook } from "./memory";
import { rollupFindings, rollupRequest } from "./rollup";
import { buildValidReport, lcg } from "../../test/support/reports";

async function unit(wb: MemoryWorkbook, form: FormDef, year: number, name: string, seed: number) {
  const r = await wb.insertForm({ form, year, unit: name, target: "newSheet" });
  if (!r.ok) throw new Error(r.reason);
  const plan = wb.sheet(r.sheetName)!.plans[0];
  const v = buildValidReport(form, lcg(seed));
  for (const c of form.cells) if (!c.computed) wb.input(r.sheetName, plan.cellAt[c.id].row, plan.cellAt[c.id].col, String(v[c.id]));
  return { sheet: r.sheetName, values: v };
}

describe.each([
  [2020, FORM_2019],
  [2024, FORM_2021],
] as const)("next year from %i", (year, form) => {
  test("二、上年结转 starts as this year's 四、结转下年度继续办理, column by column; X1 once they differ", async () => {
    const wb = new MemoryWorkbook();
    const { values } = await unit(wb, form, year, "甲乡", 17);
    const prev = (await wb.readForms()).forms[0];
    const next = formForYear(year + 1)!;
    expect(next.version).toBe("2021");
    const r = await wb.insertForm({ form: next, year: year + 1, unit: "甲乡", target: "newSheet", values: carryOverValues(prev, next) });
    expect(r).toMatchObject({ ok: true, sheetName: `${year + 1}年甲乡` });
    const forms = (await wb.readForms()).forms;
    const now = forms.find((f) => f.year === year + 1)!;
    for (const col of ["natural", "business", "research", "charity", "legal", "others", "total"]) {
      expect([col, now.values[`t3.carried.${col}`]]).toEqual([col, values[`t3.carryover.${col}`]]);
    }
    expect(now.formulas["t3.carried.total"]).toMatch(/^=SUM/);
    expect(checkAll({ forms, problems: [] }).flatMap((c) => c.findings).filter((f) => f.rule === "X1")).toEqual([]);

    const at = wb.sheet(`${year + 1}年甲乡`)!.plans[0].cellAt["t3.carried.legal"];
    wb.input(`${year + 1}年甲乡`, at.row, at.col, String(Number(values["t3.carryover.legal"]) + 2));
    const after = (await wb.readForms()).forms;
    const x1 = carryOverFindings(after.find((f) => f.year === year)!, after.find((f) => f.year === year + 1)!);
    expect(x1).toEqual([
      expect.objectContaining({ rule: "X1", severity: "warning", cells: ["t3.carried.legal"], expected: values["t3.carryover.legal"], actual: values["t3.carryover.legal"] + 2 }),
      expect.objectContaining({ rule: "X1", cells: ["t3.carried.total"] }),
    ]);
    expect(x1[0].message).toBe(`表三「二、上年结转政府信息公开申请数量」×「法律服务机构」为 ${values["t3.carryover.legal"] + 2}，但上一年度（${year} 年）「四、结转下年度继续办理」为 ${values["t3.carryover.legal"]}。两年应当一致（机构合并等情况除外）。`);
  });
});

describe("roll-up", () => {
  test("live sums of the chosen units, cell by cell; totals recomputed; it reconciles; a typed-over cell is X8", async () => {
    const wb = new MemoryWorkbook();
    const units = [];
    for (let i = 0; i < 4; i++) units.push(await unit(wb, FORM_2021, 2025, `单位${i}`, 100 + i));
    const req = rollupRequest((await wb.readForms()).forms);
    if ("reason" in req) throw new Error(req.reason);
    const r = await wb.insertForm({ form: req.form, year: 2025, unit: "某县汇总", target: "newSheet", sources: req.sources });
    if (!r.ok) throw new Error(r.reason);
    const roll = (await wb.readForms()).forms.find((f) => f.rollup)!;
    expect(roll).toMatchObject({ rollup: 4, unit: "某县汇总", year: 2025 });
    for (const c of FORM_2021.cells) expect([c.id, roll.values[c.id]]).toEqual([c.id, units.reduce((a, u) => a + u.values[c.id], 0)]);
    expect(roll.formulas["t3.new.natural"]).toBe(`=${units.map((u) => `'${u.sheet}'!I23`).join("+")}`);
    expect(roll.formulas["t3.new.total"]).toBe("=SUM(I23:N23)");
    expect(check(FORM_2021, roll.values, { workbook: true })).toEqual([]);
    expect(rollupFindings(roll)).toEqual([]);
    const at = wb.sheet(r.sheetName)!.plans[0].cellAt["t4.review_upheld"];
    wb.input(r.sheetName, at.row, at.col, "5");
    const typed = (await wb.readForms()).forms.find((f) => f.rollup)!;
    expect(rollupFindings(typed)).toEqual([expect.objectContaining({ rule: "X8", cells: ["t4.review_upheld"], message: "表四「行政复议 结果维持」：汇总表的这个单元格不再是对各单位求和的公式。" })]);
  });

  test("refused with the reason: mixed form versions, mixed years, no unit", async () => {
    const wb = new MemoryWorkbook();
    await unit(wb, FORM_2019, 2020, "甲", 1);
    await unit(wb, FORM_2021, 2021, "乙", 2);
    await unit(wb, FORM_2021, 2022, "丙", 3);
    const forms = (await wb.readForms()).forms;
    expect(rollupRequest(forms.slice(0, 2))).toEqual({ reason: "所选单位使用的表格格式不同，不能汇总：“甲”（2019 版，2020 年度）、“乙”（2021 版，2021 年度）。请只选择同一版本的单位。" });
    expect(rollupRequest(forms.slice(1))).toEqual({ reason: "所选单位的报告年度不同，不能汇总：“乙”（2021 版，2021 年度）、“丙”（2021 版，2022 年度）。" });
    expect(rollupRequest([])).toEqual({ reason: "请至少选择一个单位。" });
  });

  test("too many units for one Excel formula: refused, batch them", () => {
    const one = { sheet: "某某县某某乡人民政府二〇二五年报告", form: FORM_2021, year: 2025, at: Object.fromEntries(FORM_2021.cells.map((c) => [c.id, { row: 0, col: 0 }])) };
    const many = Array.from({ length: 400 }, (_, i) => ({ ...one, sheet: `${one.sheet}${i}` })) as never[];
    expect(rollupRequest(many)).toEqual({ reason: "所选的 400 个单位太多：汇总公式会超过 Excel 的长度限制。请分成几批汇总，再把各批汇总。" });
  });
});

test("300 unit sheets: listing and checking is one batch, rolling up one more, as with one sheet", async () => {
  const wb = new MemoryWorkbook();
  for (let i = 0; i < 300; i++) await wb.insertForm({ form: FORM_2021, year: 2025, unit: `单位${i}`, target: "newSheet" });
  wb.batches = 0;
  const result = await wb.readForms();
  expect(checkAll(result)).toHaveLength(300);
  expect(wb.batches).toBe(1);
  const req = rollupRequest(result.forms);
  if ("reason" in req) throw new Error(req.reason);
  await wb.insertForm({ form: req.form, year: 2025, unit: "全县汇总", target: "newSheet", sources: req.sources });
  expect(wb.batches).toBe(2);
});
