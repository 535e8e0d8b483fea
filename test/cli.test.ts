import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { strToU8, zipSync } from "fflate";
import { run, type Io } from "../src/cli/main";
import { FORM_2021 } from "../src/forms";
import { readXlsx } from "../src/workbook/xlsx/read";
import { memorySheets, writeXlsx } from "../src/workbook/xlsx/write";
import { buildValidReport, lcg } from "./support/reports";
import { SHARED } from "./support/shared";
import { makeDocx } from "./support/docx";
import { readReport } from "./support/seeds";
import { docxGrids } from "../src/detect/docx";
import { checkAll } from "../src/workbook/checkAll";

function memoryIo(files: Record<string, Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => {
      if (p in files) return files[p];
      return readFileSync(p);
    },
    writeFile: (p, d) => (files[p] = d),
    exists: (p) => p in files,
    isTTY: false,
  };
  return { io, out, err, files };
}

const seeds = ["000", "001", "002", "003", "004"];
const seedPath = (prefix: string) => {
  const dir = join(SHARED, "seeds");
  return join(dir, readdirSync(dir).find((f) => f.startsWith(prefix)) ?? prefix);
};

test("--help lists every command in Chinese", async () => {
  const { io, out } = memoryIo();
  expect(await run(["--help"], io)).toBe(0);
  expect(out.join("\n")).toMatch(/nianbao template --year 年度 --unit 单位名称 -o 文件.xlsx/);
  expect(out.join("\n")).toMatch(/nianbao check 文件… \[--json\]/);
  expect(out.join("\n")).toMatch(/退出码：0 没有错误；1 发现错误；2 有文件无法读取。/);
});

test("check the five seeds --json: each version right, each seed's real defects found", async () => {
  const { io, out } = memoryIo();
  const code = await run(["check", ...seeds.map(seedPath), "--json"], io);
  const doc = JSON.parse(out.join("\n")) as { files: { path: string; version: string; year: number; findings: { rule: string; severity: string; cells: string[]; message: string }[]; notes: string[] }[] };
  expect(doc.files.map((f) => [f.version, f.year])).toEqual([["2021", 2021], ["2021", 2021], ["2021", 2021], ["2019", 2019], ["2019", 2020]]);
  const [s0, s1, s2, s3, s4] = doc.files;
  expect(s0.findings).toEqual([]);
  expect(s0.notes.join()).toMatch(/缺少“行政”二字/);
  expect(s1.findings.every((f) => f.rule === "R7" && f.severity === "warning")).toBe(true);
  expect(s1.findings).toHaveLength(56);
  expect(s2.notes.join()).toMatch(/“情形”误写为“清醒”/);
  expect(s2.notes.join()).toMatch(/「规范性文件」是 2019 版的标签/);
  expect(s3.findings.filter((f) => f.severity === "error")).toHaveLength(138);
  expect(s4.findings.map((f) => f.cells[0])).toEqual(["t4.review_upheld", "t4.review_corrected", "t4.review_other", "t4.review_pending", "t4.review_total"]);
  expect(code).toBe(1);
});

test("template → filled with random valid values (xlsx adapter) → check reports nothing; one cell broken → exactly that finding", async () => {
  const { io, files } = memoryIo();
  expect(await run(["template", "--year", "2025", "--unit", "某某乡人民政府", "-o", "年报.xlsx"], io)).toBe(0);
  const wb = readXlsx(files["年报.xlsx"]);
  const { forms } = await wb.readForms();
  const v = buildValidReport(FORM_2021, lcg(9));
  const fill = (over: Record<string, number>) => {
    for (const c of FORM_2021.cells) if (!c.computed) wb.input(forms[0].sheet, forms[0].at[c.id].row, forms[0].at[c.id].col, String(over[c.id] ?? v[c.id]));
    return writeXlsx(memorySheets(wb));
  };
  files["填好.xlsx"] = fill({});
  const ok = memoryIo(files);
  expect(await run(["check", "填好.xlsx", "--json"], ok.io)).toBe(0);
  expect(JSON.parse(ok.out.join("\n")).files).toEqual([expect.objectContaining({ path: "填好.xlsx", version: "2021", year: 2025, findings: [] })]);

  files["改错.xlsx"] = fill({ "t3.disclosed.legal": v["t3.disclosed.legal"] + 3 });
  const bad = memoryIo(files);
  expect(await run(["check", "改错.xlsx", "--json"], bad.io)).toBe(1);
  const f = JSON.parse(bad.out.join("\n")).files[0].findings;
  // the totals are live formulas, so （七）总计 follows the change and the column no longer balances
  expect(f).toEqual([expect.objectContaining({ rule: "R1", cells: ["t3.new.legal", "t3.carried.legal", "t3.total.legal", "t3.carryover.legal"], severity: "error" })]);
});

test("an existing output is not overwritten without --force", async () => {
  const { io, err, files } = memoryIo({ "年报.xlsx": new Uint8Array([1]) });
  expect(await run(["template", "--year", "2025", "--unit", "甲", "-o", "年报.xlsx"], io)).toBe(2);
  expect(err).toEqual(["文件 年报.xlsx 已存在，没有覆盖。请换一个文件名，或加 --force。"]);
  expect(files["年报.xlsx"]).toEqual(new Uint8Array([1]));
});

test("bad input: a one-line Chinese reason each, the batch goes on, exit 2", async () => {
  const bomb = zipSync({ "xl/workbook.xml": new Uint8Array(201 * 1024 * 1024) }, { level: 9 });
  const files = {
    "坏.xlsx": new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]),
    "加密.xlsx": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    "炸弹.xlsx": bomb,
    "空.txt": strToU8("这不是年报"),
    "报告.doc": strToU8("x"),
    "大.xlsx": new Uint8Array(51 * 1024 * 1024),
  };
  const { io, out } = memoryIo(files);
  const code = await run(["check", ...Object.keys(files), seedPath("000")], io);
  expect(code).toBe(2);
  expect(out.filter((l) => l.includes("无法检查"))).toEqual([
    "坏.xlsx：无法检查——文件已损坏、已加密或不是有效的工作簿。",
    "加密.xlsx：无法检查——文件已损坏、已加密或不是有效的工作簿。",
    "炸弹.xlsx：无法检查——文件解压后超过 200 MB，可能已损坏或不是年报工作簿。",
    "空.txt：无法检查——没有找到年报的统计表（表二、表三、表四）。",
    "报告.doc：无法检查——暂不支持 .doc 文件（支持 .xlsx、.docx 和 .txt）。",
    "大.xlsx：无法检查——文件有 51 MB，超过 50 MB，请只保留年报所在的工作表后再检查。",
  ]);
  expect(out.some((l) => l.startsWith(seedPath("000")) && l.includes("2021 版表格"))).toBe(true);
});

test("a report on the other year's form: X7", async () => {
  const text = readFileSync(seedPath("000"), "utf8").replace(/2021年政府信息公开/, "2020年政府信息公开");
  const { io, out } = memoryIo({ "错版本.txt": strToU8(text) });
  await run(["check", "错版本.txt", "--json"], io);
  expect(JSON.parse(out.join("\n")).files[0].findings).toEqual([
    expect.objectContaining({ rule: "X7", severity: "warning", message: "2020 年度的报告应使用 2019 版表格（国办公开办函〔2019〕60号），这份表格是 2021 版。" }),
  ]);
});

test("the real command: npx nianbao --help and a check, with exit codes", () => {
  const bin = resolve(__dirname, "../bin/nianbao.js");
  const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^nianbao —— 政务公开年报助手（命令行）/);
  const ok = spawnSync(process.execPath, [bin, "check", join(SHARED, "samples", "huaian_2024.txt")], { encoding: "utf8" });
  expect([ok.status, ok.stdout.trim().split("\n").at(-1)]).toEqual([0, "  没有发现问题。"]);
  expect(spawnSync(process.execPath, [bin, "check", seedPath("004")]).status).toBe(1);
});

describe(".docx reports", () => {

  test("a Word report's tables, merges respected, year from the title: the same findings as its text", async () => {
    for (const n of ["002", "004"]) {
      const text = readFileSync(seedPath(n), "utf8");
      const r = readReport(n, text);
      const title = text.split("一、总体情况")[0].replace(/\s+/g, "");
      const docx = makeDocx(title, [r.grids.t2, r.grids.t3, r.grids.t4]);
      const a = memoryIo({ [`${n}.docx`]: docx, [`${n}.txt`]: strToU8(text) });
      await run(["check", `${n}.docx`, `${n}.txt`, "--json"], a.io);
      const [fromWord, fromText] = JSON.parse(a.out.join("\n")).files;
      expect([fromWord.version, fromWord.year]).toEqual([fromText.version, fromText.year]);
      expect(fromWord.findings.map((f: { rule: string; cells: string[] }) => [f.rule, f.cells])).toEqual(fromText.findings.map((f: { rule: string; cells: string[] }) => [f.rule, f.cells]));
    }
  });

  test("merged cells come out as Excel would paste them", () => {
    const docx = makeDocx("某某县2025年政府信息公开工作年度报告", [
      [
        [{ text: "行政复议", span: 2 }, { text: "行政诉讼", span: 2 }],
        [{ text: "结果\n维持", vmerge: "restart" }, "b", "c", "d"],
        [{ text: "", vmerge: "continue" }, "1", "2", "3"],
      ],
    ]);
    expect(docxGrids(docx)).toEqual({ year: 2025, tables: 1, grid: [["行政复议", "", "行政诉讼", ""], ["结果\n维持", "b", "c", "d"], ["", "1", "2", "3"], []] });
  });

  test("a .docx with no tables, and a file that is not Word at all: one line each", async () => {
    const { io, out } = memoryIo({ "无表.docx": makeDocx("某某县2025年年报", []), "假.docx": strToU8("not a zip") });
    expect(await run(["check", "无表.docx", "假.docx"], io)).toBe(2);
    expect(out).toEqual(["无表.docx：无法检查——Word 文件中没有表格。", "假.docx：无法检查——文件已损坏、已加密或不是有效的 Word 文件。"]);
  });
});

describe("nianbao rollup", () => {
  async function unitFile(files: Record<string, Uint8Array>, unit: string, seed: number): Promise<Record<string, number>> {
    const m = memoryIo(files);
    await run(["template", "--year", "2025", "--unit", unit, "-o", `${unit}.xlsx`], m.io);
    const wb = readXlsx(files[`${unit}.xlsx`]);
    const { forms } = await wb.readForms();
    const v = buildValidReport(FORM_2021, lcg(seed));
    for (const c of FORM_2021.cells) if (!c.computed) wb.input(forms[0].sheet, forms[0].at[c.id].row, forms[0].at[c.id].col, String(v[c.id]));
    files[`${unit}.xlsx`] = writeXlsx(memorySheets(wb));
    return v;
  }

  test("one sheet per unit, a roll-up of live sums that reconciles, and the units' findings; inputs untouched", async () => {
    const files: Record<string, Uint8Array> = {};
    const values = [await unitFile(files, "甲乡", 1), await unitFile(files, "乙镇", 2), await unitFile(files, "丙街道", 3)];
    const before = { ...files };
    const m = memoryIo(files);
    expect(await run(["rollup", "甲乡.xlsx", "乙镇.xlsx", "丙街道.xlsx", "-o", "汇总.xlsx", "--unit", "某县"], m.io)).toBe(0);
    expect(m.out).toEqual(["已生成 汇总.xlsx：汇总了 3 个单位（2021 版，2025 年度）。"]);
    for (const k of Object.keys(before)) expect(files[k]).toBe(before[k]);
    const wb = readXlsx(files["汇总.xlsx"]);
    const { forms } = await wb.readForms();
    expect(forms.map((f) => [f.sheet, f.rollup ?? 0])).toEqual([["2025年某县", 3], ["2025年甲乡", 0], ["2025年乙镇", 0], ["2025年丙街道", 0]]);
    const roll = forms[0];
    for (const c of FORM_2021.cells) expect(roll.values[c.id]).toBeCloseTo(values.reduce((a, v) => a + v[c.id], 0), 6);
    expect(checkAll({ forms, problems: [] }).flatMap((c) => c.findings)).toEqual([]);
    const status = wb.sheet("检查结果")!;
    expect([0, 1, 2, 3].map((r) => wb.valueAt(status, r, 0))).toEqual(["单位", "甲乡", "乙镇", "丙街道"]);
  });

  test("units on different forms are refused with the reason, nothing written; an unreadable file is named and skipped", async () => {
    const m = memoryIo({ "坏.xlsx": new Uint8Array([1, 2, 3]) });
    expect(await run(["rollup", seedPath("000"), seedPath("003"), "坏.xlsx", "-o", "汇总.xlsx"], m.io)).toBe(2);
    expect(m.out).toEqual(["坏.xlsx：无法读取，未汇总——文件已损坏、已加密或不是有效的工作簿。"]);
    expect(m.err[0]).toMatch(/^所选单位使用的表格格式不同，不能汇总：.*（2021 版，2021 年度）.*（2019 版，2019 年度）/);
    expect(m.files["汇总.xlsx"]).toBeUndefined();
  });
});
