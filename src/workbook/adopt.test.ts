import { detect } from "../detect";
import { check } from "../rules";
import { adoptionNames } from "./adopt";
import { typedOverTotals } from "./fixes";
import { MemoryWorkbook } from "./memory";
import { readReport } from "../../test/support/seeds";
import { seedFiles, sharedFile } from "../../test/support/shared";
import { paste } from "../../test/support/paste";

const huaian = readReport("huaian", sharedFile("samples", "huaian_2024.txt"));
/** Columns aligned as in a Word table pasted into Excel: label cells padded so every row has the same width. */
const aligned = (rows: string[][], width: number) => rows.map((r) => [...r.slice(0, r.length - 7).filter((c) => c !== "").slice(-1), ...Array(Math.max(0, width - 1 - Math.min(7, r.length))).fill(""), ...r.slice(-7)].slice(-width));

test("a pasted table is bound where it lies: names only, no cell changed; then checked like an inserted one", async () => {
  const wb = new MemoryWorkbook();
  const t3 = huaian.grids.t3.filter((r) => r.some((c) => /[一二三四]、|（|\d[.、]/.test(c)) && r.filter((c) => /^\d+$/.test(c)).length === 7);
  const grid = [...huaian.grids.t2, [], ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"], ["", "自然人", "法人或其他组织", "", "", "", "", "总计"], ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], ...aligned(t3, 8), [], ...huaian.grids.t4];
  paste(wb, "Sheet1", 5, 2, grid);
  const before = new Map(wb.sheet("Sheet1")!.cells);
  const read = await wb.readGrid();
  if ("error" in read) throw new Error(read.error);
  expect(read.origin).toEqual({ row: 5, col: 2 });
  const d = detect(read.cells);
  expect(d.version).toBe("2021");
  const adopted = adoptionNames(d, read.origin, "NB_");
  if ("reason" in adopted) throw new Error(adopted.reason);
  expect(await wb.addNames("Sheet1", adopted.names)).toBeUndefined();
  expect(wb.sheet("Sheet1")!.cells).toEqual(before);

  const { forms } = await wb.readForms();
  expect(forms).toHaveLength(1);
  expect(forms[0].problems).toEqual([]);
  expect([forms[0].values["t3.new.total"], forms[0].values["t3.other_3.natural"], forms[0].values["t4.review_total"], forms[0].values["t2.fees.amount"]]).toEqual([3119, 108, 351, 96171.6]);
  expect(check(forms[0].form, forms[0].values, { workbook: true })).toEqual([]);
  // the totals the report typed are checked as typed; making them formulas is a separate, confirmed fix
  expect(typedOverTotals(forms[0])).toHaveLength(34);
});

test("a ragged grid (text copied from a web page) is recognised but not bound by row and column", () => {
  const seed = readReport("000", seedFiles()[0].text);
  const d = detect([...seed.grids.t2, [], ...seed.grids.t3, [], ...seed.grids.t4]);
  expect(d.version).toBe("2021");
  const r = adoptionNames(d, { row: 0, col: 0 }, "NB_");
  expect(r).toEqual({ reason: expect.stringMatching(/^表三的数字没有上下对齐（“自然人”/) });
});

test("nothing recognised, nothing bound", () => {
  expect(adoptionNames(detect([["你好"]]), { row: 0, col: 0 }, "NB_")).toEqual({ reason: "没有识别出统计表，不能绑定。" });
});
