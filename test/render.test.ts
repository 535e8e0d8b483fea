/**
 * The generated sheet as a person sees it: LibreOffice prints it to PDF, pdftoppm turns the pages into PNG
 * (out/render/*.png). The 2021 sheet carries the Huai'an 2024 figures. Needs LibreOffice and poppler-utils.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { FORM_2019, FORM_2021 } from "../src/forms";
import { planForm } from "../src/layout";
import { writeXlsx } from "../src/workbook/xlsx/write";
import { toPdf } from "./support/libreoffice";
import { readReport, reportValues } from "./support/seeds";
import { sharedFile } from "./support/shared";
import { buildValidReport, lcg } from "./support/reports";

jest.setTimeout(120_000);
const OUT = resolve(__dirname, "../out/render");

function render(name: string, file: Uint8Array): { text: string; pngs: string[] } {
  mkdirSync(OUT, { recursive: true });
  const pdf = join(OUT, `${name}.pdf`);
  copyFileSync(toPdf(file), pdf);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  execFileSync("pdftoppm", ["-r", "80", "-png", pdf, join(OUT, name)]);
  const pngs = readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png")).map((f) => join(OUT, f));
  return { text, pngs };
}

const pngSize = (file: string) => {
  const b = readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

test("2021 form with 淮安市 2024 figures: labels, figures and totals on A4 portrait pages", () => {
  const report = readReport("huaian", sharedFile("samples", "huaian_2024.txt"));
  const values = reportValues(report);
  const inputs = Object.fromEntries(FORM_2021.cells.filter((c) => !c.computed).map((c) => [c.id, Number(values[c.id])]));
  const plan = planForm(FORM_2021, { year: 2024, unit: "淮安市人民政府" });
  const { text, pngs } = render("sheet-2021", writeXlsx([{ name: plan.sheetName, plan, values: inputs }]));
  const flat = text.replace(/\s+/g, "");
  for (const label of ["淮安市人民政府2024年政府信息公开工作年度报告统计表", "二、主动公开政府信息情况", "本年收费金额（单位：万元）", "申请人情况", "法人或其他组织", "一、本年新收政府信息公开申请数量", "（七）总计", "四、结转下年度继续办理", "复议后起诉"]) {
    expect(flat).toContain(label);
  }
  // totals computed by the sheet's own formulas: 3119 new, 3050 answered, 351 reviews
  expect(text).toMatch(/一、本年新收政府信息公开申请数量[\s\S]*?3001\s+53\s+0\s+0\s+61\s+4\s+3119/);
  expect(text).toMatch(/（七）总计\s+2932\s+53\s+0\s+0\s+61\s+4\s+3050/);
  expect(text).toMatch(/72\s+64\s+178\s+37\s+351\s+13\s+4\s+8\s+1\s+26/);
  const page = (n: number) => execFileSync("pdftotext", ["-f", String(n), "-l", String(n), join(OUT, "sheet-2021.pdf"), "-"], { encoding: "utf8" });
  expect(page(1)).not.toContain("四、政府信息公开行政复议、行政诉讼情况");
  expect(page(2).replace(/\s+/g, "")).toMatch(/^四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼/);
  expect(pngs.length).toBe(2);
  const { width, height } = pngSize(pngs[0]);
  expect(height / width).toBeCloseTo(297 / 210, 1);
});

test("2019 form renders with its own 表二 and the one-row （六）其他处理", () => {
  const plan = planForm(FORM_2019, { year: 2020, unit: "某某镇人民政府" });
  const v = buildValidReport(FORM_2019, lcg(11));
  const inputs = Object.fromEntries(FORM_2019.cells.filter((c) => !c.computed).map((c) => [c.id, v[c.id]]));
  const { text, pngs } = render("sheet-2019", writeXlsx([{ name: plan.sheetName, plan, values: inputs }]));
  const flat = text.replace(/\s+/g, "");
  for (const label of ["第二十条第（九）项", "政府集中采购", "本年增/减", "其他对外管理服务事项", "（六）其他处理"]) expect(flat).toContain(label);
  expect(flat).not.toContain("1.申请人无正当理由逾期不补正");
  expect(pngs.length).toBeGreaterThanOrEqual(1);
});
