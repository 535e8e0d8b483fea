import { parseCell, type RawCell } from ".";
import type { CellKind } from "../forms/types";

const only = (raw: RawCell, kind: CellKind = "count") => {
  const r = parseCell(raw, kind);
  return { value: r.value, codes: r.findings.map((f) => f.code), severity: r.findings.map((f) => f.severity), text: r.findings.map((f) => f.message).join(" ") };
};

describe("clean numbers pass without a finding", () => {
  test.each([
    [0, "count", 0],
    [35, "count", 35],
    ["35", "count", 35],
    ["12.11", "amountWan", 12.11],
    [12.11, "amountWan", 12.11],
    ["-3", "signedCount", -3],
    ["+12", "signedCount", 12],
    ["1585.5", "amount", 1585.5],
    [3.0, "count", 3],
  ] as const)("%p as %s → %p", (raw, kind, value) => {
    expect(parseCell(raw, kind)).toEqual({ value, findings: [] });
  });
});

describe("no number", () => {
  test.each([null, undefined, "", "   ", "\u00A0", "\u3000\u3000"])("blank %p is unfilled, never 0", (raw) => {
    const r = only(raw);
    expect(r.value).toBeUndefined();
    expect(r.codes).toEqual(["blank"]);
    expect(r.severity).toEqual(["error"]);
    expect(r.text).toBe("未填写。空白不会当作 0：没有发生的事项请填 0。");
  });

  test.each(["/", "／", "—", "-", "－", "无", " / "])("placeholder %p", (raw) => {
    const r = only(raw);
    expect(r.value).toBeUndefined();
    expect(r.codes).toEqual(["placeholder"]);
    expect(r.text).toBe(`填写了“${raw.trim()}”，不是数字。没有发生的事项请填 0。`);
  });

  test.each(["#REF!", "#VALUE!", { error: "#DIV/0!" }, "#n/a"])("Excel error %p", (raw) => {
    const r = only(raw as RawCell);
    expect(r.value).toBeUndefined();
    expect(r.codes).toEqual(["excel_error"]);
    expect(r.text).toMatch(/^单元格显示 Excel 错误 #[A-Za-z/0!?]+，通常是公式引用了被删除或无效的单元格。/);
  });

  test("boolean", () => {
    expect(only(true)).toMatchObject({ value: undefined, codes: ["boolean"], text: "填写了逻辑值 TRUE，不是数字。本栏应填写不小于 0 的整数。" });
  });

  test.each([["约3"], ["三"], ["3-4"], ["1,5"], ["++3"], ["8.属于行政查询事项"], ["第二十条第（一）项"]])("text %p", (raw) => {
    const r = only(raw);
    expect(r.value).toBeUndefined();
    expect(r.codes).toContain("not_a_number");
    expect(r.text).toContain(`“${raw}”不是数字。本栏应填写不小于 0 的整数。`);
  });

  test("NaN and Infinity are not numbers", () => {
    expect(only(Number.NaN).codes).toEqual(["not_finite"]);
    expect(only(Number.POSITIVE_INFINITY, "amount").text).toBe("数值无效。本栏应填写不小于 0 的金额。");
  });
});

describe("a number the clerk meant, with a warning that says how to write it", () => {
  test("unit typed into a count: 3件", () => {
    const r = only("3件");
    expect(r).toMatchObject({ value: 3, codes: ["unit"], severity: ["warning"] });
    expect(r.text).toBe("单元格中写了单位“件”。请只填数字：在 Excel 中带单位的单元格是文本，合计公式不会计入。");
  });

  test("unit typed into an amount: 251000元 in 采购总金额", () => {
    expect(only("251000元", "amount")).toMatchObject({ value: 251000, codes: ["unit"], text: expect.stringContaining("单位“元”") });
  });

  test("万元 typed into the 万元 fee", () => {
    expect(only("12.11万元", "amountWan")).toMatchObject({ value: 12.11, codes: ["unit"] });
  });

  test("元 typed into the 万元 fee is not converted silently", () => {
    const r = only("3940元", "amountWan");
    expect(r.value).toBeUndefined();
    expect(r.codes).toEqual(["wrong_unit"]);
    expect(r.text).toBe("填写的单位是“元”，而本栏单位为万元（3940元 = 0.394万元）。请换算后只填数字。");
  });

  test("件 typed into an amount is the wrong unit", () => {
    expect(only("3件", "amount")).toMatchObject({ value: undefined, codes: ["wrong_unit"], text: "单元格中写了单位“件”，与本栏不符。本栏应填写不小于 0 的金额，只填数字。" });
  });

  test("full-width digits １２", () => {
    expect(only("１２")).toMatchObject({ value: 12, codes: ["full_width"], text: "“１２”使用了全角数字或符号，请改为半角数字 12。" });
  });

  test.each([["\u00A00"], ["\u3000\u30000"], ["0\u3000"], [" 5 "]])("spaces around %p", (raw) => {
    const r = only(raw);
    expect(r.value).toBe(Number(raw.replace(/[\u00A0\u3000 ]/g, "")));
    expect(r.codes).toEqual(["spaces"]);
    expect(r.text).toBe("数字前后有空格（或不间断空格、全角空格）。在 Excel 中这样的单元格是文本，合计公式不会计入，请删去空格。");
  });

  test("a leading + on a count", () => {
    expect(only("+5")).toMatchObject({ value: 5, codes: ["plus_sign"], text: "数字前有“+”号，本栏不需要正负号，请删去。" });
  });

  test("a leading + on 本年增/减 is how it is written", () => {
    expect(only("+12", "signedCount")).toMatchObject({ value: 12, codes: [] });
  });

  test("thousands separators", () => {
    expect(only("3,985,758")).toMatchObject({ value: 3985758, codes: ["thousands"], text: "“3,985,758”中有千位分隔符，已按 3985758 理解；请只填数字。" });
    expect(only("96,171.6", "amountWan")).toMatchObject({ value: 96171.6, codes: ["thousands"] });
  });

  test("several defects at once: full-width digits with a unit and an ideographic space", () => {
    expect(only("\u3000３件")).toMatchObject({ value: 3, codes: ["spaces", "full_width", "unit"] });
  });
});

describe("numbers that break R7/R8", () => {
  test("a decimal where a count belongs", () => {
    const r = only(1.5);
    expect(r).toMatchObject({ value: 1.5, codes: ["decimal_in_count"], severity: ["error"] });
    expect(r.text).toBe("填写了小数 1.5，件数应为整数。本栏应填写不小于 0 的整数。");
  });

  test("a negative count", () => {
    expect(only("-2")).toMatchObject({ codes: ["negative"], text: "填写了负数 -2。本栏应填写不小于 0 的整数。" });
  });

  test("a negative amount", () => {
    expect(only(-0.5, "amountWan")).toMatchObject({ codes: ["negative"], text: "填写了负数 -0.5。本栏应填写以万元为单位、不小于 0 的金额。" });
  });

  test("a negative 本年增/减 is allowed, a fractional one is not", () => {
    expect(only(-3, "signedCount").codes).toEqual([]);
    expect(only("-1.5", "signedCount").text).toBe("填写了小数 -1.5，件数应为整数。本栏应填写整数（减少时写负数）。");
  });
});
