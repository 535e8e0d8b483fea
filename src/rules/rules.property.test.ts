import fc from "fast-check";
import { FORMS } from "../forms";
import type { FormDef } from "../forms/types";
import { check, equations, type RuleId } from ".";
import { validReport } from "../../test/support/reports";

const RUNS = { numRuns: 300 };

function rulesOf(form: FormDef, cell: string): Set<RuleId> {
  const kind = form.cell(cell).kind;
  const valueRule: RuleId = kind === "count" || kind === "signedCount" ? "R7" : "R8";
  return new Set([valueRule, ...equations(form).filter((e) => e.lhs.includes(cell) || e.rhs.includes(cell)).map((e) => e.rule)]);
}

describe.each(FORMS.map((f) => [f.version, f] as const))("form %s", (_, form) => {
  const inEquation = form.cells.filter((c) => equations(form).some((e) => e.lhs.includes(c.id) || e.rhs.includes(c.id)));

  test("random reports built to satisfy every rule produce no finding", () => {
    fc.assert(fc.property(validReport(form), (v) => check(form, v).length === 0), RUNS);
  });

  test("changing one cell of a sum by any amount: findings name that cell, and only rules it takes part in", () => {
    fc.assert(
      fc.property(validReport(form), fc.constantFrom(...inEquation), fc.integer({ min: 1, max: 400 }), fc.boolean(), (v, cell, d, up) => {
        const before = v[cell.id];
        const after = up || before - d < 0 ? before + d : before - d;
        const findings = check(form, { ...v, [cell.id]: after });
        const allowed = rulesOf(form, cell.id);
        expect(findings.length).toBeGreaterThan(0);
        for (const f of findings) {
          expect(f.cells).toContain(cell.id);
          for (const r of [f.rule, ...(f.alsoBreaks ?? [])]) expect(allowed).toContain(r);
        }
        // 表三: every cell is in two or more rules that no other single cell shares, so it is found exactly
        if (cell.table === "t3") {
          expect(findings).toHaveLength(1);
          expect(findings[0]).toMatchObject({ cells: [cell.id], expected: before, actual: after });
        }
      }),
      RUNS,
    );
  });

  test("changing any one cell to something that is not a valid value: findings name that cell, and only rules it takes part in", () => {
    const invalid: Record<string, fc.Arbitrary<unknown>> = {
      count: fc.constantFrom("", null, "/", "—", "无", "#REF!", "-1", "2.5", "三件", true),
      signedCount: fc.constantFrom("", null, "/", "#VALUE!", "0.5", "约5", false),
      amountWan: fc.constantFrom("", null, "/", "#REF!", "-3", "3940元", "三万"),
      amount: fc.constantFrom("", null, "—", "#N/A", "-0.1", "若干"),
    };
    fc.assert(
      fc.property(
        validReport(form),
        fc.constantFrom(...form.cells).chain((c) => fc.tuple(fc.constant(c), invalid[c.kind])),
        (v, [cell, raw]) => {
          const findings = check(form, { ...v, [cell.id]: raw as string });
          const allowed = rulesOf(form, cell.id);
          expect(findings.length).toBeGreaterThan(0);
          for (const f of findings) {
            expect(f.cells).toContain(cell.id);
            for (const r of [f.rule, ...(f.alsoBreaks ?? [])]) expect(allowed).toContain(r);
          }
          expect(findings.some((f) => f.rule === "R7" || f.rule === "R8")).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
