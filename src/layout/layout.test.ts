import { FORM_2019, FORM_2021, axisLeaves } from "../forms";
import type { MatrixTable } from "../forms/types";
import { COLUMN_WIDTH_PT, areaAddress, defaultSheetName, parseArea, planForm, shiftFormula, sumArgs, type Area, type SheetPlan } from ".";

const plan21 = planForm(FORM_2021, { year: 2025, unit: "某某乡人民政府" });
const plan19 = planForm(FORM_2019, { year: 2020, unit: "某某乡人民政府" });
const plans = [
  ["2021", FORM_2021, plan21],
  ["2019", FORM_2019, plan19],
] as const;

const inside = (a: Area, b: Area) => a.row >= b.row && a.col >= b.col && a.row + a.rows <= b.row + b.rows && a.col + a.cols <= b.col + b.cols;
const mergeAt = (p: SheetPlan, row: number, col: number) => p.merges.find((m) => m.row === row && m.col === col);
const findText = (p: SheetPlan, text: string) => p.cells.find((c) => c.value === text)!;

describe.each(plans)("plan %s", (_, form, plan) => {
  test("every form cell has its own place, inside the sheet area, none twice", () => {
    const places = form.cells.map((c) => plan.cellAt[c.id]);
    expect(places.every(Boolean)).toBe(true);
    expect(new Set(places.map((p) => `${p.row}:${p.col}`)).size).toBe(form.cells.length);
    for (const c of plan.cells) expect(inside({ row: c.row, col: c.col, rows: 1, cols: 1 }, plan.area)).toBe(true);
  });

  test("merges never overlap, and every cell is written once", () => {
    const seen = new Set<string>();
    for (const m of plan.merges) {
      for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) {
        expect(seen.has(`${r}:${c}`)).toBe(false);
        seen.add(`${r}:${c}`);
      }
    }
    const written = plan.cells.map((c) => `${c.row}:${c.col}`);
    expect(new Set(written).size).toBe(written.length);
  });

  test("every official label is written, exactly", () => {
    const texts = new Set(plan.cells.map((c) => c.value));
    for (const t of form.tables) {
      expect(texts).toContain(t.title);
      if (t.layout === "matrix") {
        const labels = (ns: readonly { label: string; children?: readonly unknown[] }[]): string[] =>
          ns.flatMap((n) => [n.label, ...labels((n.children ?? []) as typeof ns)]);
        for (const l of [...labels(t.columns), ...labels(t.rows)].filter(Boolean)) expect(texts).toContain(l);
        if (t.note) expect(texts).toContain(t.note);
      } else {
        for (const b of t.blocks) for (const l of [b.caption, b.itemHeader, ...b.columns.map((c) => c.label), ...b.items.map((i) => i.label)]) expect(texts).toContain(l);
      }
    }
  });

  test("formulas only on declared totals, each summing exactly the declared parts", () => {
    const formulas = plan.cells.filter((c) => c.formula);
    expect(formulas.map((c) => c.cellId).sort()).toEqual(form.cells.filter((c) => c.computed).map((c) => c.id).sort());
    for (const t of form.tables.filter((x): x is MatrixTable => x.layout === "matrix")) {
      for (const r of axisLeaves(t.rows)) {
        for (const c of axisLeaves(t.columns)) {
          const total = r.node.total ?? c.node.total;
          if (!total) continue;
          const id = (rid: string, cid: string) => (t.singleRow ? `${t.id}.${cid}` : `${t.id}.${rid}.${cid}`);
          const parts = r.node.total ? total.of.map((o) => id(o, c.node.id)) : total.of.map((o) => id(r.node.id, o));
          const cell = formulas.find((f) => f.cellId === id(r.node.id, c.node.id))!;
          expect(cell.formula).toBe(`=SUM(${sumArgs(parts.map((p) => plan.cellAt[p]))})`);
        }
      }
    }
  });

  test("data validation covers every input cell and no total", () => {
    const covered = new Map<string, string>();
    for (const v of plan.validations) for (let r = v.area.row; r < v.area.row + v.area.rows; r++) for (let c = v.area.col; c < v.area.col + v.area.cols; c++) covered.set(`${r}:${c}`, v.kind);
    for (const c of form.cells) {
      const at = plan.cellAt[c.id];
      expect([c.id, covered.get(`${at.row}:${at.col}`)]).toEqual([c.id, c.computed ? undefined : c.kind]);
    }
  });

  test("names: valid Excel names, unique, never a cell address, inside the sheet", () => {
    const names = plan.names.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of plan.names) {
      expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]{0,254}$/);
      expect(n.name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
      expect(n.name).not.toMatch(/^[RrCc]\d*([RrCc]\d*)?$/);
      expect(n.label.length).toBeGreaterThan(0);
      if (n.area) expect(inside(n.area, plan.area)).toBe(true);
    }
  });

  test("each 表三 cell is where its row name and column name cross", () => {
    for (const c of form.cells.filter((x) => x.table === "t3")) {
      const row = plan.names.find((n) => n.name === `NB_T3_R_${c.row}`)!.area!;
      const col = plan.names.find((n) => n.name === `NB_T3_C_${c.col}`)!.area!;
      expect({ row: row.row, col: col.col }).toEqual(plan.cellAt[c.id]);
    }
  });

  test("one name per table, per row, per column, per 表二/表四 cell, and the form's version, year and unit", () => {
    const kinds = (k: string) => plan.names.filter((n) => n.kind === k).map((n) => n.name);
    expect(kinds("table")).toEqual(["NB_T2", "NB_T3", "NB_T4"]);
    const t3 = form.table("t3") as MatrixTable;
    expect(kinds("row").filter((n) => n.startsWith("NB_T3_R_"))).toHaveLength(axisLeaves(t3.rows).length);
    expect(kinds("column").filter((n) => n.startsWith("NB_T3_C_"))).toHaveLength(7);
    expect(kinds("cell")).toHaveLength(form.cells.filter((c) => c.table !== "t3").length);
    expect(plan.names.filter((n) => n.kind === "meta").map((n) => [n.name, n.constant])).toEqual([
      ["NB_VERSION", form.version],
      ["NB_YEAR", plan.year],
      ["NB_UNIT", "某某乡人民政府"],
    ]);
  });

  test("the tables are about 17 cm wide, as the A4 text block", () => {
    const cm = (plan.columnWidths.reduce((a, w) => a + w, 0) / 72) * 2.54;
    expect(cm).toBeGreaterThan(16);
    expect(cm).toBeLessThan(17.5);
  });
});

test("表三 merges as in the official table (domain.md §3)", () => {
  const p = plan21;
  const m = (text: string) => {
    const c = findText(p, text);
    return mergeAt(p, c.row, c.col);
  };
  expect(m("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")).toMatchObject({ rows: 3, cols: 8 });
  expect(m("申请人情况")).toMatchObject({ rows: 1, cols: 7 });
  expect(m("自然人")).toMatchObject({ rows: 2, cols: 1 });
  expect(m("法人或其他组织")).toMatchObject({ rows: 1, cols: 5 });
  expect(m("一、本年新收政府信息公开申请数量")).toMatchObject({ rows: 1, cols: 8 });
  expect(m("三、本年度办理结果")).toMatchObject({ rows: 22, cols: 1 });
  expect(m("（一）予以公开")).toMatchObject({ rows: 1, cols: 7 });
  expect(m("（三）不予公开")).toMatchObject({ rows: 8, cols: 2 });
  expect(m("（四）无法提供")).toMatchObject({ rows: 3, cols: 2 });
  expect(m("（五）不予处理")).toMatchObject({ rows: 5, cols: 2 });
  expect(m("（六）其他处理")).toMatchObject({ rows: 3, cols: 2 });
  expect(m("四、结转下年度继续办理")).toMatchObject({ rows: 1, cols: 8 });
  expect(m("1.属于国家秘密")).toMatchObject({ rows: 1, cols: 5 });
  const total = p.cells.filter((c) => c.value === "总计").map((c) => mergeAt(p, c.row, c.col));
  expect(total[0]).toMatchObject({ rows: 2, cols: 1 });
  // 2019: （六）其他处理 is one data row spanning label columns 2–3
  const six = findText(plan19, "（六）其他处理");
  expect(mergeAt(plan19, six.row, six.col)).toMatchObject({ rows: 1, cols: 7 });
});

test("表四 header: 行政复议 results merged down two rows, 行政诉讼 over ten columns", () => {
  const t4 = plan21.tables.t4;
  const row = (r: number) => plan21.cells.filter((c) => c.row === t4.row + r && c.value !== undefined).map((c) => [c.value, mergeAt(plan21, c.row, c.col)?.rows ?? 1, mergeAt(plan21, c.row, c.col)?.cols ?? 1]);
  expect(row(0)).toEqual([["行政复议", 1, 5], ["行政诉讼", 1, 10]]);
  expect(row(1).slice(0, 5)).toEqual(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map((l) => [l, 2, 1]));
  expect(row(1).slice(5)).toEqual([["未经复议直接起诉", 1, 5], ["复议后起诉", 1, 5]]);
});

test("表二: single-value blocks span the three right-hand columns; 2019 two-value blocks leave the third empty", () => {
  const lic = plan21.cellAt["t2.licensing.decisions"];
  expect(mergeAt(plan21, lic.row, lic.col)).toMatchObject({ cols: 9 });
  const fee19 = plan19.cellAt["t2.fees.change"];
  expect(mergeAt(plan19, fee19.row, fee19.col)).toMatchObject({ cols: 3 });
  const empty = plan19.cells.find((c) => c.row === fee19.row && c.col === fee19.col + 3)!;
  expect(empty).toMatchObject({ style: "blank" });
  expect(empty.value).toBeUndefined();
});

test("a plan at another origin is the same plan, moved", () => {
  const moved = planForm(FORM_2021, { year: 2025, unit: "某某乡人民政府", origin: { row: 5, col: 3 } });
  expect(moved.cells).toHaveLength(plan21.cells.length);
  for (const [id, p] of Object.entries(plan21.cellAt)) expect(moved.cellAt[id]).toEqual({ row: p.row + 5, col: p.col + 3 });
  const f = (p: SheetPlan, id: string) => p.cells.find((c) => c.cellId === id)!.formula!;
  expect(f(moved, "t3.new.total")).toBe(`=${shiftFormula(f(plan21, "t3.new.total").slice(1), 5, 3)}`);
  expect(moved.conditionalFormats.map((c) => areaAddress(c.area))).toEqual(
    plan21.conditionalFormats.map((c) => areaAddress({ ...c.area, row: c.area.row + 5, col: c.area.col + 3 })),
  );
});

test("表四 starts a printed page, heading and header together", () => {
  expect(plan21.pageBreaks).toEqual([plan21.tables.t4.row - 1]);
  expect(plan21.cells.find((c) => c.row === plan21.pageBreaks[0])?.value).toBe("四、政府信息公开行政复议、行政诉讼情况");
});

test("a second form on the same sheet gets its own name prefix", () => {
  const p = planForm(FORM_2021, { year: 2025, unit: "甲", prefix: "NB2_" });
  expect(p.names.every((n) => n.name.startsWith("NB2_"))).toBe(true);
});

test("sheet names from year and unit are valid Excel sheet names", () => {
  expect(defaultSheetName(2025, "某某乡人民政府")).toBe("2025年某某乡人民政府");
  expect(defaultSheetName(2025, "a/b:c[d]*?\\")).toBe("2025年abcd");
  expect(defaultSheetName(2025, "")).toBe("2025年年报");
  expect(defaultSheetName(2025, "某".repeat(40))).toHaveLength(31);
});

test("A1 helpers", () => {
  expect(parseArea("I23:O47")).toEqual({ row: 22, col: 8, rows: 25, cols: 7 });
  expect(shiftFormula("AND(COUNT(I$23,I$24)=2,I23<>SUM(A1:B2),\"A1\"=\"x\")", 2, 1)).toBe("AND(COUNT(J$23,J$24)=2,J25<>SUM(B3:C4),\"A1\"=\"x\")");
  expect(sumArgs([{ row: 0, col: 0 }, { row: 1, col: 0 }, { row: 1, col: 1 }])).toBe("A1:A2,B2");
  expect(COLUMN_WIDTH_PT).toBeGreaterThan(0);
});
