import { FORM_2019, FORM_2021, FORMS, axisLeaves, cellLabel, formForYear, getForm } from ".";
import type { AxisNode, BlocksTable, MatrixTable } from "./types";
import { codeBlocksAfter, sharedFile } from "../../test/support/shared";

const domain = sharedFile("domain.md");
const [t2_2021, t2_2019] = codeBlocksAfter(domain, "## 2. Table 二");
const [t3Rows2021, t4Header] = codeBlocksAfter(domain, "Rows, 2021");

const count = (v: typeof FORM_2021, t: string): number => v.cells.filter((c) => c.table === t).length;

describe("cell counts from the forms' data", () => {
  test.each([
    ["2021", "t3", 175],
    ["2019", "t3", 161],
    ["2021", "t2", 10],
    ["2019", "t2", 22],
    ["2021", "t4", 15],
    ["2019", "t4", 15],
  ] as const)("%s %s has %i cells", (v, t, n) => {
    expect(count(getForm(v), t)).toBe(n);
  });
});

describe("ids", () => {
  test.each(FORMS.map((f) => [f.version, f] as const))("%s: every cell id is unique, stable ASCII", (_, form) => {
    const ids = form.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^t[234](\.[a-z][a-z0-9_]*){1,2}$/);
  });

  test("the two versions share the ids of every cell they have in common", () => {
    const ids2019 = new Set(FORM_2019.cells.map((c) => c.id));
    const shared = FORM_2021.cells.filter((c) => ids2019.has(c.id));
    // 表三 apart from （六） and 表四 are the same in both forms
    expect(shared.filter((c) => c.table === "t3")).toHaveLength(161 - 7);
    expect(shared.filter((c) => c.table === "t4")).toHaveLength(15);
    for (const c of shared.filter((x) => x.table !== "t2")) {
      expect(FORM_2019.cell(c.id).colPath).toEqual(c.colPath);
      expect(FORM_2019.cell(c.id).rowPath).toEqual(c.rowPath);
    }
  });
});

/** Pre-order labels of a hierarchy, as domain.md lists them. */
function preorder(nodes: readonly AxisNode[]): string[] {
  return nodes.flatMap((n) => [n.label, ...preorder(n.children ?? [])]);
}

describe("labels exactly as domain.md gives them", () => {
  const domainRows = t3Rows2021.map((l) => l.replace(/\[.*\]/, "").trim());

  test("表三 rows, 2021", () => {
    expect(preorder((FORM_2021.table("t3") as MatrixTable).rows)).toEqual(domainRows);
  });

  test("表三 rows, 2019: identical except （六）其他处理 is one row", () => {
    const i = domainRows.indexOf("（六）其他处理");
    const expected2019 = [...domainRows.slice(0, i + 1), ...domainRows.slice(i + 4)];
    expect(preorder((FORM_2019.table("t3") as MatrixTable).rows)).toEqual(expected2019);
  });

  test("表三 header and corner note", () => {
    for (const form of FORMS) {
      const t3 = form.table("t3") as MatrixTable;
      expect(domain).toContain(`\`${t3.note}\``);
      expect(preorder(t3.columns)).toEqual(["申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
      const text = domain.slice(domain.indexOf("Data columns (7, in order)"));
      const order = text.slice(0, text.indexOf("\n")).split(":")[1].split("·").map((s) => s.replace(/\*/g, "").trim().replace(/\.$/, ""));
      expect(axisLeaves(t3.columns).map((l) => l.node.label)).toEqual(order);
    }
  });

  test("表四 header", () => {
    const t4 = FORM_2021.table("t4") as MatrixTable;
    const tokens = t4Header.slice(0, 3).join("|").replace(/\(spans \d+\)|\(each merged down two header rows\)/g, "").split("|").map((s) => s.trim()).filter(Boolean);
    expect(preorder(t4.columns)).toEqual([
      tokens[0], ...tokens.slice(2, 7), tokens[1], tokens[7], ...tokens.slice(9, 14), tokens[8], ...tokens.slice(14, 19),
    ]);
    expect(FORM_2019.table("t4")).toBe(t4);
  });

  test.each([
    ["2021", t2_2021],
    ["2019", t2_2019],
  ] as const)("表二 %s: captions, column headers, items", (v, block) => {
    const t2 = getForm(v).table("t2") as BlocksTable;
    const lines = t2.blocks.flatMap((b) => [b.caption, [b.itemHeader, ...b.columns.map((c) => c.label)].join(" | "), ...b.items.map((i) => i.label)]);
    expect(lines).toEqual(block);
  });
});

describe("cell kinds", () => {
  test("2021: the fee is 万元, every other 表二 cell a count", () => {
    const t2 = FORM_2021.cells.filter((c) => c.table === "t2");
    expect(t2.filter((c) => c.kind === "amountWan").map((c) => c.id)).toEqual(["t2.fees.amount"]);
    expect(t2.filter((c) => c.kind !== "amountWan").every((c) => c.kind === "count")).toBe(true);
  });

  test("2019: 本年增/减 is signed, 采购总金额 an amount without unit", () => {
    const kinds = Object.fromEntries(FORM_2019.cells.filter((c) => c.table === "t2").map((c) => [c.id, c.kind]));
    expect(Object.entries(kinds).filter(([, k]) => k === "signedCount").map(([id]) => id)).toEqual([
      "t2.licensing.change", "t2.other_services.change", "t2.penalty.change", "t2.coercion.change", "t2.fees.change",
    ]);
    expect(kinds["t2.procurement.amount"]).toBe("amount");
  });

  test("表三 and 表四 are counts", () => {
    for (const f of FORMS) expect(f.cells.filter((c) => c.table !== "t2").every((c) => c.kind === "count")).toBe(true);
  });
});

describe("totals declared in the data", () => {
  test("表三: 总计 column and （七）总计 row are computed, nothing else", () => {
    const computed = FORM_2021.cells.filter((c) => c.table === "t3" && c.computed);
    expect(computed).toHaveLength(25 + 7 - 1);
    expect(computed.every((c) => c.col === "total" || c.row === "total")).toBe(true);
  });

  test("表四: the three 总计 cells", () => {
    expect(FORM_2021.cells.filter((c) => c.table === "t4" && c.computed).map((c) => c.id)).toEqual([
      "t4.review_total", "t4.suit_direct_total", "t4.suit_after_total",
    ]);
  });
});

describe("form for a report year", () => {
  test.each([
    [2019, "2019"],
    [2020, "2019"],
    [2021, "2021"],
    [2025, "2021"],
  ])("%i → %s", (y, v) => expect(formForYear(y)?.version).toBe(v));
  test("no form before 2019", () => expect(formForYear(2018)).toBeUndefined());
});

test("cell names for messages are readable Chinese", () => {
  expect(cellLabel(FORM_2021, "t3.withheld_1.natural")).toBe("表三「（三）不予公开 1.属于国家秘密」×「自然人」");
  expect(cellLabel(FORM_2021, "t4.suit_direct_total")).toBe("表四「未经复议直接起诉 总计」");
  expect(cellLabel(FORM_2019, "t2.procurement.amount")).toBe("表二「政府集中采购」×「采购总金额」");
});
