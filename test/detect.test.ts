import fc from "fast-check";
import { detect, textToGrid } from "../src/detect";
import { seedFiles, sharedFile } from "./support/shared";
import { readReport, reportValues, type SeedReport } from "./support/seeds";

const reports = [...seedFiles(), { name: "huaian", text: sharedFile("samples", "huaian_2024.txt") }].map((s) => readReport(s.name, s.text));
/** The three tables as Excel receives them when pasted together, a blank row between. */
const pasted = (r: SeedReport) => [...r.grids.t2, [], ...r.grids.t3, [], ...r.grids.t4];
/** The same grid as text in each layout of domain.md §6, read back. */
const asRows = (g: string[][]) => textToGrid(g.map((row) => row.map((c) => c.replace(/\n/g, " ")).join("\t")).join("\n").split("\n"));
const asCells = (g: string[][]) => textToGrid(g.map((row) => row.map((c) => `\t${c}`).join("\n")).join("\n\n").split("\n"));
const at = (g: string[][], p?: { row: number; col: number }) => (p ? g[p.row][p.col] : undefined);
const codes = (d: ReturnType<typeof detect>) => d.warnings.map((w) => w.code);

describe.each(reports.map((r) => [r.name, r] as const))("%s", (_, report) => {
  const grid = pasted(report);
  const d = detect(grid);

  test("the right version, all three tables, every data cell bound where the table has it", () => {
    expect(d.version).toBe(report.form.version);
    expect(d.tables).toEqual(["t2", "t3", "t4"]);
    const expected = reportValues(report);
    expect(Object.keys(d.binding).sort()).toEqual(report.form.cells.map((c) => c.id).sort());
    for (const id of Object.keys(expected)) expect([id, at(grid, d.binding[id])]).toEqual([id, expected[id]]);
  });

  test.each([
    ["one row per line", asRows],
    ["one cell per line", asCells],
  ])("the same report as text %s: same version, same values", (__, layout) => {
    const g = layout(grid);
    const again = detect(g);
    expect(again.version).toBe(d.version);
    for (const id of Object.keys(d.binding)) expect([id, at(g, again.binding[id])?.replace(/\s/g, "")]).toEqual([id, at(grid, d.binding[id])?.replace(/\s/g, "")]);
  });

  test("nothing left unplaced", () => {
    expect(d.warnings.filter((w) => w.code === "unplaced" || w.code === "missing_row" || w.code === "short_row")).toEqual([]);
  });
});

const find = (name: string) => detect(pasted(reports.find((r) => r.name.startsWith(name))!));

test("seed 002: its own label defects, each with the official wording", () => {
  const m = find("002").warnings.map((w) => w.message);
  expect(m).toContain("第 22 行第 2 列「（二）部分公开（区分处理的，只计这一清醒，不计其他情形）」：“情形”误写为“清醒”，正式表述为“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”。");
  expect(m).toContain("第 4 行第 1 列「规范性文件」是 2019 版的标签，正式表述为“行政规范性文件”。");
  expect(m).toContain("「1、属于国家秘密」的括号或编号写法与正式表述“1.属于国家秘密”不同。");
  expect(m).toContain("第 7 行第 1 列「行政许可」填了三个数（2019 版的“上一年项目数量”、“本年增/减”、“处理决定数量”），按 2021 版只取最后一个数作为“本年处理决定数量”。");
  expect(m).toContain("第 5 行第 1 列「第二十条（五）项」：缺少“第”字，正式表述为“第二十条第（五）项”。");
});

test("seeds 000, 004 and 淮安: 法律法规, 记, a label split by a page break, half-width brackets, 1、", () => {
  expect(find("000").warnings.map((w) => w.message)).toEqual(
    expect.arrayContaining([
      "第 24 行第 3 列「2.其他法律法规禁止公开」：缺少“行政”二字，正式表述为“2.其他法律行政法规禁止公开”。",
      "「(三)不予公开」的括号或编号写法与正式表述“（三）不予公开”不同。",
      "第 13 行第 2 列「本年收费金额（单位：万元，保留4位小数）」：注明了“保留4位小数”（部分省份的要求），正式表述为“本年收费金额（单位：万元）”。",
    ]),
  );
  expect(find("004").warnings.map((w) => w.message)).toEqual(
    expect.arrayContaining([
      "「三、本年度办理结果」被分在第 25 行第 1 列和第 27 行第 1 列两处（常见于跨页的表格），已合并识别。",
      "第 26 行第 2 列「（二）部分公开（区分处理的，只记这一情形，不计其他情形）」：“计”误写为“记”，正式表述为“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”。",
    ]),
  );
  expect(find("huaian").warnings.map((w) => w.message)).toContain("「3、其他」的括号或编号写法与正式表述“3.其他”不同。");
});

test("淮安市 2024: figures land on the right ids", () => {
  const r = reports.find((x) => x.name === "huaian")!;
  const g = pasted(r);
  const d = detect(g);
  const v = (id: string) => at(g, d.binding[id]);
  expect([v("t3.unable_1.total"), v("t3.other_3.natural"), v("t3.carryover.natural"), v("t4.review_total"), v("t4.suit_after_pending"), v("t2.penalty.decisions"), v("t2.fees.amount")]).toEqual(["769", "108", "103", "351", "6", "3985758", "96171.6"]);
});

describe("mutations give clear findings and never throw", () => {
  const base = pasted(reports.find((r) => r.name === "huaian")!);
  const rowOf = (g: string[][], text: string) => g.findIndex((r) => r.some((c) => c.includes(text)));

  test("a row removed: that row is named missing, the others still bound", () => {
    const g = base.filter((_, i) => i !== rowOf(base, "3.危及"));
    const d = detect(g);
    expect(d.warnings.map((w) => w.message)).toContain("表三缺少「3.危及“三安全一稳定”」这一行，它的单元格无法检查。");
    expect(d.binding["t3.withheld_3.natural"]).toBeUndefined();
    expect(at(g, d.binding["t3.withheld_4.natural"])).toBe("6");
  });

  test("a row duplicated: said so, the first one is used", () => {
    const i = rowOf(base, "1.本机关不掌握");
    const g = [...base.slice(0, i + 1), base[i].map((c) => (c === "746" ? "999" : c)), ...base.slice(i + 1)];
    const d = detect(g);
    expect(codes(d)).toContain("duplicate_row");
    expect(at(g, d.binding["t3.unable_1.natural"])).toBe("746");
  });

  test("a column added to every 表三 row: each row said too long, read from the right", () => {
    const first = rowOf(base, "一、本年新收");
    const last = rowOf(base, "四、结转下年度");
    const g = base.map((r, i) => (i >= first && i <= last ? [...r.slice(0, r.length - 7), "1", ...r.slice(r.length - 7)] : r));
    const d = detect(g);
    expect(codes(d).filter((c) => c === "long_row").length).toBeGreaterThanOrEqual(20);
    expect(at(g, d.binding["t3.new.total"])).toBe("3119");
  });

  test("a garbled label: reported with its cell, never silently dropped", () => {
    const i = rowOf(base, "8.属于行政查询事项");
    const g = base.map((r, k) => (k === i ? r.map((c) => (c.includes("8.属于行政查询事项") ? "＃＠乱码？？" : c)) : r));
    const d = detect(g);
    const col = g[i].indexOf("＃＠乱码？？");
    expect(d.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: "unplaced", cell: { row: i, col } })]));
    expect(d.warnings.map((w) => w.message)).toContain("表三缺少「8.属于行政查询事项」这一行，它的单元格无法检查。");
  });

  test("a typo no list knows: recognised by closeness, with a warning to check", () => {
    const g = base.map((r) => r.map((c) => c.replace("保护第三方合法权益", "保护第三方合法权利")));
    const d = detect(g);
    expect(d.binding["t3.withheld_4.natural"]).toBeDefined();
    expect(d.warnings.some((w) => w.code === "fuzzy" && w.message.includes("按“4.保护第三方合法权益”识别"))).toBe(true);
  });

  test("an empty grid, or one with no table", () => {
    for (const g of [[], [[]], [["你好", "1"], ["2", "3"]]]) {
      expect(detect(g)).toEqual({ binding: {}, tables: [], areas: {}, warnings: [expect.objectContaining({ code: "no_table", message: "没有找到政府信息公开工作年度报告的统计表（表二、表三、表四）。请选中表格所在的区域再试。" })] });
    }
  });

  test("a huge grid with the tables somewhere inside", () => {
    const noise = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 50 }, (__, j) => ((i * 31 + j * 7) % 11 === 0 ? `文字${i}` : String((i * j) % 97))));
    const g = [...noise.slice(0, 1500), ...base.map((r) => [...r, ...Array(50 - r.length).fill("")]), ...noise.slice(1500)];
    const d = detect(g);
    expect(d.version).toBe("2021");
    expect(at(g, d.binding["t3.new.total"])).toBe("3119");
  });

  test("any grid of any cells: never throws", () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("一、本年新收政府信息公开申请数量", "（七）总计", "行政复议", "行政诉讼", "第二十条第（一）项", "规章", "0", "", "/"), fc.integer().map(String));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 40 }), (g) => {
        const d = detect(g);
        expect(Array.isArray(d.warnings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
