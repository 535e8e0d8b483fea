import { strToU8, zipSync } from "fflate";
import { FORMS, FORM_2021 } from "../../forms";
import { planForm } from "../../layout";
import { check } from "../../rules";
import { checkAll } from "../checkAll";
import { rollupRequest } from "../rollup";
import { readXlsx } from "./read";
import { memorySheets, writeXlsx } from "./write";
import { buildValidReport, lcg } from "../../../test/support/reports";

const filled = (form: (typeof FORMS)[number], unit: string, seed: number) => {
  const plan = planForm(form, { year: form.version === "2021" ? 2025 : 2020, unit });
  const v = buildValidReport(form, lcg(seed));
  return { v, sheet: { name: plan.sheetName, plan, values: Object.fromEntries(form.cells.filter((c) => !c.computed).map((c) => [c.id, v[c.id]])) } };
};

test.each(FORMS.map((f) => [f.version, f] as const))("a written %s workbook reads back: names bind, totals compute, every value as written", (_, form) => {
  const { v, sheet } = filled(form, "甲乡", 5);
  const wb = readXlsx(writeXlsx([sheet]));
  return wb.readForms().then(({ forms, problems }) => {
    expect(problems).toEqual([]);
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ sheet: sheet.name, unit: "甲乡", problems: [] });
    for (const c of form.cells) expect([c.id, forms[0].values[c.id]]).toEqual([c.id, v[c.id]]);
    expect(check(form, forms[0].values, { workbook: true })).toEqual([]);
  });
});

test.each([1, 300])("%i unit sheets in one file: one read, listing and checking one batch, the roll-up one more, one write", async (n) => {
  const sheets = Array.from({ length: n }, (_, i) => filled(FORM_2021, `单位${i}`, 1000 + i));
  const wb = readXlsx(writeXlsx(sheets.map((s) => s.sheet)));
  const { forms } = await wb.readForms();
  expect(checkAll({ forms, problems: [] }).filter((c) => c.findings.length)).toEqual([]);
  expect(wb.batches).toBe(1);
  const req = rollupRequest(forms);
  if ("reason" in req) throw new Error(req.reason);
  await wb.insertForm({ form: req.form, year: 2025, unit: "汇总", target: "newSheet", sources: req.sources });
  expect(wb.batches).toBe(2);
  const again = readXlsx(writeXlsx(memorySheets(wb)));
  const roll = (await again.readForms()).forms.find((f) => f.rollup);
  expect(roll).toMatchObject({ rollup: n, unit: "汇总" });
  for (const id of ["t3.new.natural", "t3.total.total", "t4.review_total", "t2.fees.amount"]) {
    expect(roll!.values[id]).toBeCloseTo(sheets.reduce((a, s) => a + s.v[id], 0), 6);
  }
});

test("a file saved by Excel: shared strings, shared formulas and cached results are read", () => {
  const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const file = zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="NB_VERSION" localSheetId="0">"2021"</definedName></definedNames></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/sharedStrings.xml": strToU8(`<sst xmlns="${NS}"><si><t>规章</t></si><si><r><t>行政</t></r><r><t>许可</t></r></si></sst>`),
    "xl/worksheets/sheet1.xml": strToU8(
      `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
        `<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>6</v></c></row>` +
        `<row r="3"><c r="A3"><v>4</v></c><c r="B3"><f t="shared" si="0"/><v>8</v></c><c r="C3" t="e"><v>#REF!</v></c></row></sheetData>` +
        `<mergeCells count="1"><mergeCell ref="A5:C5"/></mergeCells></worksheet>`,
    ),
  });
  const wb = readXlsx(file);
  const s = wb.sheets[0];
  expect([wb.valueAt(s, 0, 0), wb.valueAt(s, 0, 1), wb.valueAt(s, 2, 1), wb.valueAt(s, 2, 2)]).toEqual(["规章", "行政许可", 8, { error: "#REF!" }]);
  expect(s.cells.get("2:1")?.formula).toBe("=A3*2");
  expect(s.names.get("NB_VERSION")).toBe('="2021"');
  expect(s.merges).toEqual([{ row: 4, col: 0, rows: 1, cols: 3 }]);
});
