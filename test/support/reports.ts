import fc from "fast-check";
import { axisLeaves, cellId, matrixTables } from "../../src/forms";
import type { CellKind, FormDef } from "../../src/forms/types";
import { BALANCES } from "../../src/rules";

/**
 * A filled form that satisfies every rule, built from the form's own declarations (totals, balances) and
 * a stream of random numbers: free cells take random values, declared totals and the first row of each
 * balance are computed.
 */
export function buildValidReport(form: FormDef, rand: () => number): Record<string, number> {
  const v: Record<string, number> = {};
  const int = (max: number): number => Math.floor(rand() * (max + 1));
  const byKind: Record<CellKind, () => number> = {
    count: () => int(500),
    signedCount: () => int(100) - 50,
    amountWan: () => int(10_000_000) / 100,
    amount: () => int(10_000_000) / 10,
  };
  for (const c of form.cells.filter((x) => x.table === "t2")) v[c.id] = byKind[c.kind]();

  for (const t of matrixTables(form)) {
    const rows = axisLeaves(t.rows).map((l) => l.node);
    const cols = axisLeaves(t.columns).map((l) => l.node);
    const balance = BALANCES.find((b) => b.table === t.id);
    const balanced = new Set(balance ? [...balance.lhs, ...balance.rhs] : []);
    const id = (r: string, c: string): string => cellId(t, r, c);
    for (const c of cols.filter((x) => !x.total)) {
      for (const r of rows.filter((x) => !x.total && !balanced.has(x.id))) v[id(r.id, c.id)] = int(60);
      // carry-over and the rows summed by a total first, then the balance's other rows
      for (const r of rows.filter((x) => x.total)) v[id(r.id, c.id)] = r.total!.of.reduce((a, o) => a + (v[id(o, c.id)] ?? 0), 0);
      if (balance) {
        const [first, ...others] = balance.lhs;
        for (const r of balance.rhs.filter((x) => v[id(x, c.id)] === undefined)) v[id(r, c.id)] = int(20);
        const right = balance.rhs.reduce((a, r) => a + v[id(r, c.id)], 0);
        let left = right;
        for (const r of others) left -= v[id(r, c.id)] = int(left);
        v[id(first, c.id)] = left;
      }
    }
    for (const c of cols.filter((x) => x.total)) {
      for (const r of rows) v[id(r.id, c.id)] = c.total!.of.reduce((a, o) => a + v[id(r.id, o)], 0);
    }
  }
  return v;
}

/** fast-check arbitrary of valid reports: a seed drives a small deterministic generator, so failures replay. */
export function validReport(form: FormDef): fc.Arbitrary<Record<string, number>> {
  return fc.integer({ min: 1, max: 2 ** 31 - 2 }).map((seed) => buildValidReport(form, lcg(seed)));
}

export function lcg(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}
