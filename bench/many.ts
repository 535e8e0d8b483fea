/**
 * A supervising office's workbook: 300 unit sheets in the in-memory workbook (the same logic the pane runs
 * over Excel). Prints the time to list and check them all and to build the roll-up. Run: npm run bench:many
 */
import { FORM_2021 } from "../src/forms";
import { checkAll } from "../src/workbook/checkAll";
import { MemoryWorkbook } from "../src/workbook/memory";
import { rollupRequest } from "../src/workbook/rollup";

async function main(): Promise<void> {
  const wb = new MemoryWorkbook();
  const n = 300;
  for (let i = 0; i < n; i++) {
    const r = await wb.insertForm({ form: FORM_2021, year: 2025, unit: `单位${i}`, target: "newSheet" });
    if (!r.ok) throw new Error(r.reason);
    const plan = wb.sheet(r.sheetName)!.plans[0];
    for (const c of FORM_2021.cells) if (!c.computed) wb.input(r.sheetName, plan.cellAt[c.id].row, plan.cellAt[c.id].col, String((i * 7 + c.id.length) % 13));
  }
  const ms = (t0: bigint) => (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0);
  wb.batches = 0;
  let t0 = process.hrtime.bigint();
  const result = await wb.readForms();
  const checked = checkAll(result);
  const findings = checked.reduce((a, c) => a + c.findings.length, 0);
  console.log(`列出并检查 ${checked.length} 张单位表：${ms(t0)} ms，${wb.batches} 次读取，${findings} 条问题`);
  t0 = process.hrtime.bigint();
  const req = rollupRequest(result.forms);
  if ("reason" in req) throw new Error(req.reason);
  const r = await wb.insertForm({ form: req.form, year: 2025, unit: "全县汇总", target: "newSheet", sources: req.sources });
  if (!r.ok) throw new Error(r.reason);
  console.log(`生成 ${n} 个单位的汇总表：${ms(t0)} ms`);
  t0 = process.hrtime.bigint();
  const roll = (await wb.readForms()).forms.find((f) => f.rollup)!;
  console.log(`读取汇总表（每格是 ${n} 个单元格之和的公式）：${ms(t0)} ms，表三一、总计 = ${roll.values["t3.new.total"]}`);
}

void main();
