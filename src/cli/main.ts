import { detect, type Detection } from "../detect";
import { reportGrids } from "../detect/report";
import { formForYear } from "../forms";
import type { FormDef, FormVersion } from "../forms/types";
import { defaultSheetName, planForm } from "../layout";
import { freeSheetName } from "../workbook/freeNames";
import { rollupRequest } from "../workbook/rollup";
import { check, type Finding } from "../rules";
import type { RawCell } from "../values";
import { checkAll } from "../workbook/checkAll";
import { readXlsx, XLSX_TEXT } from "../workbook/xlsx/read";
import { docxGrids, DOCX_TEXT } from "../detect/docx";
import { writeXlsx } from "../workbook/xlsx/write";

/** What the command reads and writes; the real one is process and fs, tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  exists(path: string): boolean;
  isTTY: boolean;
}

export interface FileResult {
  path: string;
  sheet?: string;
  version?: FormVersion;
  year?: number;
  findings: Finding[];
  /** what recognition noticed about the labels, in Chinese */
  notes: string[];
  error?: string;
  /** for the roll-up: the unit, its form and the values as read */
  unit?: string;
  form?: FormDef;
  values?: Record<string, RawCell>;
}

export const MAX_FILE = 50 * 1024 * 1024;

export const HELP = `nianbao —— 政务公开年报助手（命令行）

用法：
  nianbao template --year 年度 --unit 单位名称 -o 文件.xlsx [--force]
      生成一个空白的年报统计表工作簿，与加载项插入的表格完全相同：命名区域、总计公式、
      数据验证和标红规则，在 Excel、WPS 或 LibreOffice 中不装加载项也能用。
      已有同名文件时不覆盖，除非加 --force。

  nianbao check 文件… [--json]
      检查一个或多个年报文件，逐个列出表格格式版本和每个问题：
        .xlsx  带有本工具名称的工作表，以及按标签识别出的表格；
        .docx  Word 年报中的表格（合并单元格按原样理解），年度取自标题；
        .txt   从网页或 Word 复制出的年报全文（UTF-8 或 GBK 编码）。
      --json 输出一个 JSON 文档（格式见 docs/cli.md）。
      退出码：0 没有错误；1 发现错误；2 有文件无法读取。

  nianbao rollup 文件… -o 汇总.xlsx [--unit 汇总单位名称] [--force]
      上级机关的汇总：生成一个工作簿，每个单位一张工作表，另有一张汇总表（每个数字都是各单位对应单元格
      之和的公式，总计由汇总后的数字重新计算）和一张“检查结果”表（各单位自己的问题）。
      各单位须使用同一版本、同一年度的表格，否则拒绝并说明原因。

  nianbao --help
      显示本说明。`;

const EXIT = { ok: 0, errors: 1, unreadable: 2 } as const;

function arg(args: string[], ...names: string[]): string | undefined {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP);
    return EXIT.ok;
  }
  if (command === "template") return template(rest, io);
  if (command === "check") return checkFiles(rest, io);
  if (command === "rollup") return rollup(rest, io);
  io.err(`不认识的命令“${command}”。运行 nianbao --help 查看用法。`);
  return EXIT.unreadable;
}

function template(args: string[], io: Io): number {
  const year = Number(arg(args, "--year"));
  const unit = arg(args, "--unit") ?? "";
  const out = arg(args, "-o", "--output");
  const form = Number.isInteger(year) ? formForYear(year) : undefined;
  const problem = !out
    ? "请用 -o 指定输出文件，例如 -o 年报.xlsx。"
    : !form
      ? `请用 --year 指定 2019 年或以后的报告年度（现在是“${arg(args, "--year") ?? ""}”）。`
      : io.exists(out) && !args.includes("--force")
        ? `文件 ${out} 已存在，没有覆盖。请换一个文件名，或加 --force。`
        : undefined;
  if (problem || !out || !form) {
    io.err(problem ?? "");
    return EXIT.unreadable;
  }
  const plan = planForm(form, { year, unit });
  io.writeFile(out, writeXlsx([{ name: plan.sheetName, plan }]));
  io.out(`已生成 ${out}：${year} 年度，${form.version} 版表格（${form.issuedBy}）。`);
  return EXIT.ok;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}

/** X7: the form must be the one for the report year. */
function versionFinding(form: FormDef, year?: number): Finding[] {
  const expected = year ? formForYear(year) : undefined;
  if (!expected || expected.version === form.version) return [];
  return [{ rule: "X7", severity: "warning", cells: [], message: `${year} 年度的报告应使用 ${expected.version} 版表格（${expected.issuedBy}），这份表格是 ${form.version} 版。` }];
}

function fromDetection(path: string, d: Detection, grid: readonly (readonly RawCell[])[], year: number | undefined, workbook: boolean, sheet?: string): FileResult {
  const form = d.form!;
  const values: Record<string, RawCell> = {};
  for (const [id, p] of Object.entries(d.binding)) values[id] = grid[p.row]?.[p.col] ?? null;
  const unbound = form.cells.filter((c) => !d.binding[c.id]).length;
  const findings = unbound === form.cells.length ? [] : check(form, values, { workbook }).filter((f) => f.code !== "blank" || d.binding[f.cells[0]]);
  return { path, sheet, version: form.version, year, findings: [...findings, ...versionFinding(form, year)], notes: d.warnings.map((w) => w.message), form, values };
}

function checkText(path: string, bytes: Uint8Array): FileResult[] {
  const text = decodeText(bytes);
  const { year, pasted } = reportGrids(text);
  // without the section titles, the whole text as rows of TAB-separated cells
  const grid = pasted.length ? pasted : text.split(/\r?\n/).map((l) => l.split("\t"));
  const d = detect(grid);
  if (!d.form) return [{ path, year, findings: [], notes: [], error: "没有找到年报的统计表（表二、表三、表四）" }];
  return [fromDetection(path, d, grid, year, false)];
}

function checkDocx(path: string, bytes: Uint8Array): FileResult[] {
  const { year, grid, tables } = docxGrids(bytes);
  if (tables === 0) return [{ path, year, findings: [], notes: [], error: DOCX_TEXT.noTables }];
  const d = detect(grid);
  if (!d.form) return [{ path, year, findings: [], notes: [], error: "Word 文件中的表格不是年报的统计表" }];
  return [fromDetection(path, d, grid, year, false)];
}

async function checkXlsx(path: string, bytes: Uint8Array): Promise<FileResult[]> {
  const wb = readXlsx(bytes);
  const result = await wb.readForms();
  const named = checkAll(result).map((c) => ({
    path,
    sheet: c.read.sheet,
    version: c.read.form.version,
    year: c.read.year,
    findings: [...c.findings, ...versionFinding(c.read.form, c.read.year)],
    notes: c.read.problems,
    unit: c.read.unit,
    form: c.read.form,
    values: c.read.values,
  }));
  const namedSheets = new Set(result.forms.map((f) => f.sheet));
  const found: FileResult[] = [];
  for (const sheet of wb.sheets.filter((s) => !namedSheets.has(s.name))) {
    const used = wb.usedArea(sheet);
    if (!used) continue;
    const grid = wb.shownGrid(sheet, used);
    const d = detect(grid);
    if (d.form) found.push(fromDetection(path, d, grid, undefined, true, sheet.name));
  }
  const all = [...named, ...found];
  return all.length ? all : [{ path, findings: [], notes: [], error: "工作簿中没有找到年报的统计表" }];
}

async function checkOne(path: string, io: Io): Promise<FileResult[]> {
  const ext = path.toLowerCase().split(".").pop();
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch {
    return [{ path, findings: [], notes: [], error: "文件不存在或无法打开" }];
  }
  if (bytes.length > MAX_FILE) return [{ path, findings: [], notes: [], error: `文件有 ${(bytes.length / 1024 / 1024).toFixed(0)} MB，超过 50 MB，请只保留年报所在的工作表后再检查` }];
  try {
    if (ext === "txt") return checkText(path, bytes);
    if (ext === "xlsx" || ext === "xlsm") return await checkXlsx(path, bytes);
    if (ext === "docx") return checkDocx(path, bytes);
    return [{ path, findings: [], notes: [], error: `暂不支持 .${ext} 文件（支持 .xlsx、.docx 和 .txt）` }];
  } catch (e) {
    const known = [...Object.values(DOCX_TEXT), XLSX_TEXT.tooBig] as string[];
    const detail = e instanceof Error && known.includes(e.message) ? e.message : ext === "docx" ? "文件已损坏、已加密或不是有效的 Word 文件" : "文件已损坏、已加密或不是有效的工作簿";
    return [{ path, findings: [], notes: [], error: detail }];
  }
}

const fmt = (n?: number) => (n === undefined ? "" : String(Math.round(n * 1e6) / 1e6));

async function checkFiles(args: string[], io: Io): Promise<number> {
  const json = args.includes("--json");
  const paths = args.filter((a) => !a.startsWith("--"));
  if (!paths.length) {
    io.err("请给出要检查的文件，例如 nianbao check 年报.xlsx。");
    return EXIT.unreadable;
  }
  const results: FileResult[] = [];
  for (const [i, p] of paths.entries()) {
    if (paths.length > 1 && io.isTTY) io.err(`\r正在检查 ${i + 1}/${paths.length} ${"█".repeat(Math.round(((i + 1) / paths.length) * 20)).padEnd(20, "░")}`);
    results.push(...(await checkOne(p, io)));
  }
  if (paths.length > 1 && io.isTTY) io.err("\n");

  if (json) {
    io.out(
      JSON.stringify(
        {
          files: results.map((r) => ({
            path: r.path,
            ...(r.sheet ? { sheet: r.sheet } : {}),
            version: r.version ?? null,
            year: r.year ?? null,
            findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, cells: f.cells, expected: f.expected ?? null, actual: f.actual ?? null, message: f.message })),
            notes: r.notes,
            ...(r.error ? { error: r.error } : {}),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const r of results) {
      const head = `${r.path}${r.sheet ? `（工作表“${r.sheet}”）` : ""}`;
      if (r.error) {
        io.out(`${head}：无法检查——${r.error}。`);
        continue;
      }
      io.out(`${head}：${r.version} 版表格${r.year ? `，${r.year} 年度` : ""}。`);
      for (const f of r.findings) io.out(`  [${f.severity === "error" ? "错误" : "提醒"}] ${f.rule} ${f.message}${f.expected !== undefined && f.actual !== undefined ? `（应为 ${fmt(f.expected)}，实为 ${fmt(f.actual)}）` : ""}`);
      for (const n of r.notes) io.out(`  [识别] ${n}`);
      if (!r.findings.length) io.out("  没有发现问题。");
    }
  }
  if (results.some((r) => r.error)) return EXIT.unreadable;
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? EXIT.errors : EXIT.ok;
}

const baseName = (p: string) => p.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");

async function rollup(args: string[], io: Io): Promise<number> {
  const out = arg(args, "-o", "--output");
  const rollupUnit = arg(args, "--unit") ?? "汇总";
  const paths = args.filter((a, i) => !a.startsWith("-") && !["-o", "--output", "--unit"].includes(args[i - 1] ?? ""));
  if (!out || !paths.length) {
    io.err("用法：nianbao rollup 文件… -o 汇总.xlsx");
    return EXIT.unreadable;
  }
  if (io.exists(out) && !args.includes("--force")) {
    io.err(`文件 ${out} 已存在，没有覆盖。请换一个文件名，或加 --force。`);
    return EXIT.unreadable;
  }
  const results: FileResult[] = [];
  for (const p of paths) results.push(...(await checkOne(p, io)));
  for (const r of results.filter((x) => x.error)) io.out(`${r.path}：无法读取，未汇总——${r.error}。`);
  const units = results.filter((r) => !r.error && r.form && r.values);
  const names: string[] = [];
  const sheets = units.map((u) => {
    const unit = u.unit || baseName(u.path) + (u.sheet ? ` ${u.sheet}` : "");
    const plan = planForm(u.form!, { year: u.year ?? 0, unit });
    const name = freeSheetName(defaultSheetName(u.year ?? 0, unit), names);
    names.push(name);
    const typed = Object.fromEntries(u.form!.cells.filter((c) => !c.computed).map((c) => [c.id, u.values![c.id] ?? null]));
    return { unit, result: u, plan: { ...plan, sheetName: name }, sheet: { name, plan, values: typed } };
  });
  const req = rollupRequest(sheets.map((s) => ({ sheet: s.sheet.name, unit: s.unit, year: s.result.year, form: s.result.form!, at: s.plan.cellAt })));
  if ("reason" in req) {
    io.err(req.reason);
    return EXIT.unreadable;
  }
  const rollPlan = planForm(req.form, { year: req.year ?? 0, unit: rollupUnit, sources: req.sources });
  const rollName = freeSheetName(defaultSheetName(req.year ?? 0, rollupUnit), names);
  const status = [["单位", "文件", "工作表", "版本", "年度", "错误", "提醒"], ...sheets.map((s) => [s.unit, s.result.path, s.sheet.name, s.result.version ?? "", String(s.result.year ?? ""), String(s.result.findings.filter((f) => f.severity === "error").length), String(s.result.findings.filter((f) => f.severity === "warning").length)])];
  const detail = sheets.flatMap((s) => s.result.findings.map((f) => [s.unit, f.rule, f.severity === "error" ? "错误" : "提醒", f.message]));
  const statusCells = [...status, [], ["单位", "规则", "类别", "说明"], ...detail].flatMap((row, r) => row.map((value, c) => ({ row: r, col: c, value })));
  io.writeFile(out, writeXlsx([{ name: rollName, plan: rollPlan }, ...sheets.map((s) => s.sheet), { name: "检查结果", cells: statusCells }]));
  const bad = sheets.filter((s) => s.result.findings.some((f) => f.severity === "error")).map((s) => `“${s.unit}”`);
  io.out(`已生成 ${out}：汇总了 ${sheets.length} 个单位（${req.form.version} 版${req.year ? `，${req.year} 年度` : ""}）。`);
  if (bad.length) io.out(`注意：以下单位的表格本身有错误，汇总表也会不平衡：${bad.join("、")}。详见“检查结果”工作表。`);
  return results.some((r) => r.error) ? EXIT.unreadable : bad.length ? EXIT.errors : EXIT.ok;
}
