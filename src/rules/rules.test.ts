import { FORM_2019, FORM_2021, FORMS } from "../forms";
import { check, equations } from ".";
import { buildValidReport, lcg } from "../../test/support/reports";

const valid = (seed = 7) => buildValidReport(FORM_2021, lcg(seed));

describe("equations derived from the form", () => {
  test.each([
    [FORM_2021, 25],
    [FORM_2019, 23],
  ] as const)("%# counts per rule", (form, rows) => {
    const byRule: Record<string, number> = {};
    for (const e of equations(form)) byRule[e.rule] = (byRule[e.rule] ?? 0) + 1;
    expect(byRule).toEqual({ R1: 7, R2: 7, R3: rows, R4: 1, R5: 1, R6: 1 });
  });

  test("R2 sums every result row of the version, not the group rows", () => {
    const r2 = (f: typeof FORM_2021) => equations(f).find((e) => e.key === "R2:t3:col:natural")!;
    expect(r2(FORM_2021).lhs).toHaveLength(2 + 8 + 3 + 5 + 3);
    expect(r2(FORM_2019).lhs).toHaveLength(2 + 8 + 3 + 5 + 1);
    expect(r2(FORM_2019).lhs).toContain("t3.other.natural");
    expect(r2(FORM_2021).lhs).toEqual(expect.arrayContaining(["t3.other_1.natural", "t3.other_3.natural"]));
  });

  test("R1 on the 总计 column follows from the other columns and R3", () => {
    const r1 = equations(FORM_2021).find((e) => e.key === "R1:t3:col:total")!;
    expect(r1.derivedFrom).toHaveLength(6 + 4);
  });
});

describe("a valid report", () => {
  test.each(FORMS.map((f) => [f.version, f] as const))("%s: no finding", (_, form) => {
    expect(check(form, buildValidReport(form, lcg(42)))).toEqual([]);
  });
});

describe("root cause first", () => {
  test("a mistyped （七）总计 is one finding naming that cell, not three", () => {
    const v = valid();
    const right = v["t3.total.natural"];
    v["t3.total.natural"] = right + 5;
    const f = check(FORM_2021, v);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "R2", severity: "error", cells: ["t3.total.natural"], expected: right, actual: right + 5, alsoBreaks: ["R1", "R3"] });
    expect(f[0].message).toBe(
      `表三「（七）总计」×「自然人」填写为 ${right + 5}，与表中其他数字不符，应为 ${right}（表三「自然人」列应满足 一+二 = （七）+四；表三「自然人」列的（七）总计应等于（一）至（六）各项之和；表三「（七）总计」行的总计应等于自然人、法人或其他组织之和）。`,
    );
  });

  test("a mistyped row 总计 is one R3 finding", () => {
    const v = valid();
    v["t3.new.total"] -= 1;
    const f = check(FORM_2021, v);
    expect(f.map((x) => [x.rule, x.cells, x.alsoBreaks])).toEqual([["R3", ["t3.new.total"], ["R1"]]]);
  });

  test("R1 broken with every sum right: one R1 finding over the column's four cells", () => {
    const v = valid();
    v["t3.carryover.natural"] += 3;
    v["t3.carryover.total"] += 3;
    const f = check(FORM_2021, v);
    expect(f).toHaveLength(1);
    const left = v["t3.new.natural"] + v["t3.carried.natural"];
    expect(f[0]).toMatchObject({
      rule: "R1",
      cells: ["t3.new.natural", "t3.carried.natural", "t3.total.natural", "t3.carryover.natural"],
      expected: left,
      actual: left + 3,
    });
    expect(f[0].message).toBe(
      `表三「自然人」列不平衡：一+二 = ${left}，（七）+四 = ${left + 3}，相差 3。（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）`,
    );
  });

  test("表四: a wrong 总计 cannot be told from a wrong part, so all five cells are named", () => {
    const v = valid();
    v["t4.review_total"] += 2;
    const f = check(FORM_2021, v);
    expect(f).toHaveLength(1);
    expect(f[0].rule).toBe("R4");
    expect(f[0].cells).toEqual(["t4.review_upheld", "t4.review_corrected", "t4.review_other", "t4.review_pending", "t4.review_total"]);
    expect(f[0].message).toBe(`表四「行政复议」的总计为 ${v["t4.review_total"]}，但结果维持、结果纠正、其他结果、尚未审结之和为 ${v["t4.review_total"] - 2}，相差 2。`);
  });

  test("two independent mistakes are two findings", () => {
    const v = valid();
    v["t3.new.natural"] += 1;
    v["t3.withheld_3.legal"] += 4;
    const f = check(FORM_2021, v);
    expect(f.map((x) => x.cells)).toEqual(expect.arrayContaining([["t3.new.natural"], ["t3.withheld_3.legal"]]));
    expect(f).toHaveLength(2);
  });
});

describe("blanks and bad values", () => {
  test("a blank cell is reported as unfilled and the sums through it are not checked", () => {
    const v: Record<string, unknown> = valid();
    delete v["t3.disclosed.natural"];
    const f = check(FORM_2021, v as Record<string, number>);
    expect(f).toEqual([
      expect.objectContaining({ rule: "R7", code: "blank", cells: ["t3.disclosed.natural"], message: "表三「（一）予以公开」×「自然人」：未填写。空白不会当作 0：没有发生的事项请填 0。" }),
    ]);
  });

  test("a fee typed with 元 is an R8 finding", () => {
    const v: Record<string, unknown> = valid();
    v["t2.fees.amount"] = "3940元";
    expect(check(FORM_2021, v as Record<string, number>)).toEqual([
      expect.objectContaining({ rule: "R8", code: "wrong_unit", severity: "error", cells: ["t2.fees.amount"] }),
    ]);
  });

  test("a negative 本年增/减 is fine in 2019, a negative count is not", () => {
    const v: Record<string, unknown> = buildValidReport(FORM_2019, lcg(3));
    v["t2.penalty.change"] = "-7";
    v["t2.penalty.prev"] = -1;
    expect(check(FORM_2019, v as Record<string, number>).map((f) => [f.rule, f.code, f.cells[0]])).toEqual([["R7", "negative", "t2.penalty.prev"]]);
  });
});

describe("values read from a workbook", () => {
  test("a number stored as text is reported and left out of the sums, as Excel's formulas leave it out", () => {
    const v: Record<string, unknown> = valid();
    v["t3.new.natural"] = String(v["t3.new.natural"]);
    const asText = check(FORM_2021, v as Record<string, number>, { workbook: true });
    expect(asText).toEqual([expect.objectContaining({ rule: "R7", code: "stored_as_text", severity: "warning", cells: ["t3.new.natural"] })]);
    expect(asText[0].message).toBe("表三「一、本年新收政府信息公开申请数量」×「自然人」：这个数字是文本格式（单元格左上角通常有绿色三角），Excel 的合计公式不会计入。请重新输入为数字。");
    // from a text report the same string is simply the number
    expect(check(FORM_2021, v as Record<string, number>)).toEqual([]);
  });
});
