import { axisLeaves } from "../src/forms";
import { canonicalLabel } from "../src/forms/labels";
import type { AxisNode, MatrixTable } from "../src/forms/types";
import { seedFiles } from "./support/shared";
import { dataRows, isNumberText, readReport } from "./support/seeds";

function allLabels(nodes: readonly AxisNode[]): string[] {
  return nodes.flatMap((n) => [n.label, ...allLabels(n.children ?? [])]).filter(Boolean);
}

const seeds = seedFiles().map((s) => readReport(s.name, s.text));

test("five seeds: three on the 2021 form, two on the 2019 form", () => {
  expect(seeds.map((s) => [s.year, s.form.version])).toEqual([
    [2021, "2021"],
    [2021, "2021"],
    [2021, "2021"],
    [2019, "2019"],
    [2020, "2019"],
  ]);
});

describe.each(seeds.map((s) => [s.name, s] as const))("表三 labels of seed %s", (_, seed) => {
  const t3 = seed.form.table("t3") as MatrixTable;
  const official = [t3.note ?? "", ...allLabels(t3.columns), ...allLabels(t3.rows)];
  const fragments = seed.grids.t3.flat().filter((c) => c.trim() !== "" && !isNumberText(c)).map((c) => ({ text: c, ...canonicalLabel(c), used: false }));

  test("every official label of the form is in the seed, after normalisation", () => {
    const missing: string[] = [];
    for (const label of official) {
      const key = canonicalLabel(label).key;
      const whole = fragments.find((f) => !f.used && f.key === key);
      if (whole) {
        whole.used = true;
        continue;
      }
      // a label broken across two cells (一、 | 本年新收…) or across a page break (三、本年度办理 … 结果)
      const head = fragments.find((f) => !f.used && key.startsWith(f.key) && fragments.some((g) => g !== f && !g.used && f.key + g.key === key));
      const tail = head && fragments.find((g) => g !== head && !g.used && head.key + g.key === key);
      if (head && tail) {
        head.used = tail.used = true;
      } else missing.push(label);
    }
    expect(missing).toEqual([]);
  });

  test("every label in the seed's 表三 is one of the form's", () => {
    expect(fragments.filter((f) => !f.used).map((f) => f.text)).toEqual([]);
  });

  test("the seed has one data row per row of the form", () => {
    expect(dataRows(seed.grids.t3, 7)).toHaveLength(axisLeaves(t3.rows).length);
  });
});

test("seed 002's wording defects are recognised and reported with the official wording", () => {
  const seed = seeds.find((s) => s.name.startsWith("002")) as (typeof seeds)[number];
  const variants = seed.grids.t3.flat().flatMap((c) => canonicalLabel(c).variants.map((v) => v.note));
  expect(variants).toEqual(["“情形”误写为“清醒”"]);
  const t2 = seed.grids.t2.flat().flatMap((c) => canonicalLabel(c).variants.map((v) => v.note));
  expect(t2).toEqual(["缺少“第”字", "缺少“第”字"]);
});
