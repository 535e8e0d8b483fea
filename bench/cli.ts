/**
 * 1,000 filled report workbooks: nianbao check over all of them (files per second), and, in the same run,
 * LibreOffice opening and recalculating a sample of the same files, as a ratio. Run: npm run bench:cli
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../src/cli/main";
import { FORM_2021 } from "../src/forms";
import { planForm } from "../src/layout";
import { writeXlsx } from "../src/workbook/xlsx/write";
import { buildValidReport, lcg } from "../test/support/reports";

const N = Number(process.env.N ?? 1000);
const SAMPLE = 10;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-"));
  let t0 = process.hrtime.bigint();
  const files: string[] = [];
  for (let i = 0; i < N; i++) {
    const plan = planForm(FORM_2021, { year: 2025, unit: `单位${i}` });
    const v = buildValidReport(FORM_2021, lcg(i + 1));
    const values = Object.fromEntries(FORM_2021.cells.filter((c) => !c.computed).map((c) => [c.id, v[c.id]]));
    const file = join(dir, `单位${i}.xlsx`);
    writeFileSync(file, writeXlsx([{ name: plan.sheetName, plan, values }]));
    files.push(file);
  }
  const secs = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`生成 ${N} 个工作簿：${secs(t0).toFixed(1)} 秒（${dir}）`);

  let out = "";
  const io = {
    out: (s: string) => (out += `${s}\n`),
    err: () => undefined,
    readFile: (p: string) => readFileSync(p),
    writeFile: () => undefined,
    exists: () => false,
    isTTY: false,
  };
  t0 = process.hrtime.bigint();
  const code = await run(["check", ...files, "--json"], io);
  const checkSecs = secs(t0);
  const found = (JSON.parse(out) as { files: { findings: unknown[] }[] }).files.reduce((a, f) => a + f.findings.length, 0);
  console.log(`nianbao check ${N} 个文件：${checkSecs.toFixed(1)} 秒，每秒 ${(N / checkSecs).toFixed(0)} 个，退出码 ${code}，问题 ${found} 条`);

  const soffice = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find(existsSync);
  if (!soffice) {
    console.log("没有找到 LibreOffice，跳过对比（apt-get install libreoffice-calc-nogui）。");
    return;
  }
  const outDir = join(dir, "lo");
  mkdirSync(outDir);
  t0 = process.hrtime.bigint();
  execFileSync(soffice, ["--headless", "--norestore", "--convert-to", "csv", "--outdir", outDir, ...files.slice(0, SAMPLE)], { stdio: "pipe" });
  const loPerFile = secs(t0) / SAMPLE;
  const oursPerFile = checkSecs / N;
  console.log(`LibreOffice 打开并重算 ${SAMPLE} 个同样的文件：每个 ${(loPerFile * 1000).toFixed(0)} 毫秒；nianbao 每个 ${(oursPerFile * 1000).toFixed(1)} 毫秒；比值 ${(loPerFile / oursPerFile).toFixed(1)} 倍`);
}

void main();
