import { axisLeaves } from "../src/forms";
import type { MatrixTable } from "../src/forms/types";
import { check } from "../src/rules";
import { seedFiles, sharedFile } from "./support/shared";
import { readReport, reportValues } from "./support/seeds";

const seed = (prefix: string) => {
  const s = seedFiles().find((x) => x.name.startsWith(prefix))!;
  const r = readReport(s.name, s.text);
  return { report: r, findings: check(r.form, reportValues(r)) };
};

test("淮安市 2024 (3,119 applications, every rule holds): no finding", () => {
  const r = readReport("huaian", sharedFile("samples", "huaian_2024.txt"));
  const values = reportValues(r);
  expect(r.form.version).toBe("2021");
  expect(values["t3.new.total"]).toBe("3119");
  expect(values["t4.review_total"]).toBe("351");
  expect(values["t2.fees.amount"]).toBe("96171.6");
  expect(check(r.form, values)).toEqual([]);
});

test("淮安市 2024 with one typo in （七）总计: one finding with the right figure", () => {
  const r = readReport("huaian", sharedFile("samples", "huaian_2024.txt"));
  const f = check(r.form, { ...reportValues(r), "t3.total.natural": "2923" });
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ rule: "R2", cells: ["t3.total.natural"], expected: 2932, actual: 2923 });
});

test("seed 000: all zeros, nothing wrong", () => {
  expect(seed("000").findings).toEqual([]);
});

test("seed 001: numbers padded with non-breaking spaces are warnings, the arithmetic holds", () => {
  const { findings } = seed("001");
  expect(findings.length).toBe(56);
  expect(findings.every((f) => f.code === "spaces" && f.severity === "warning" && f.rule === "R7")).toBe(true);
  expect(findings.map((f) => f.cells[0])).toContain("t3.carryover.total");
});

test("seed 003 (2019): only 总计 filled in 表三, every applicant cell reported unfilled", () => {
  const { report, findings } = seed("003");
  const blanks = findings.filter((f) => f.code === "blank").map((f) => f.cells[0]);
  const t3 = report.form.table("t3") as MatrixTable;
  expect(blanks).toHaveLength(axisLeaves(t3.rows).length * 6);
  expect(blanks.every((id) => id.startsWith("t3.") && !id.endsWith(".total"))).toBe(true);
  expect(findings.filter((f) => f.severity === "error").every((f) => f.code === "blank")).toBe(true);
});

test("seed 004 (2020 on the 2019 form): 表四 行政复议 left blank", () => {
  const { findings } = seed("004");
  expect(findings.map((f) => [f.rule, f.code, f.cells[0]])).toEqual(
    ["upheld", "corrected", "other", "pending", "total"].map((x) => ["R7", "blank", `t4.review_${x}`]),
  );
  expect(findings[0].message).toBe("表四「行政复议 结果维持」：未填写。空白不会当作 0：没有发生的事项请填 0。");
});
