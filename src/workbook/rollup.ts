import type { FormDef } from "../forms/types";
import { MAX_FORMULA, sheetRef } from "../layout";
import type { Finding } from "../rules";
import { cellLabel } from "../forms";
import type { ReadForm } from "./binding";

export const ROLLUP_TEXT = {
  none: "请至少选择一个单位。",
  versions: (list: string) => `所选单位使用的表格格式不同，不能汇总：${list}。请只选择同一版本的单位。`,
  years: (list: string) => `所选单位的报告年度不同，不能汇总：${list}。`,
  unbound: (sheet: string) => `工作表“${sheet}”中有单元格找不到（名称失效），不能汇总。请先检查这张表。`,
  tooLong: (n: number) => `所选的 ${n} 个单位太多：汇总公式会超过 Excel 的长度限制。请分成几批汇总，再把各批汇总。`,
  typedOver: "汇总表的这个单元格不再是对各单位求和的公式",
} as const;

/** What a roll-up needs of a unit: where its cells are, and what it is. */
export type RollupUnit = Pick<ReadForm, "sheet" | "unit" | "year" | "form" | "at">;

const who = (u: RollupUnit) => `“${u.unit || u.sheet}”（${u.form.version} 版${u.year ? `，${u.year} 年度` : ""}）`;

/** What a roll-up of these units sums, or why it cannot be made. */
export function rollupRequest(units: readonly RollupUnit[]): { form: FormDef; year?: number; sources: { sheet: string; at: ReadForm["at"] }[] } | { reason: string } {
  if (units.length === 0) return { reason: ROLLUP_TEXT.none };
  const versions = new Set(units.map((u) => u.form.version));
  if (versions.size > 1) return { reason: ROLLUP_TEXT.versions(units.map(who).join("、")) };
  const years = new Set(units.map((u) => u.year));
  if (years.size > 1) return { reason: ROLLUP_TEXT.years(units.map(who).join("、")) };
  const form = units[0].form;
  const broken = units.find((u) => form.cells.some((c) => !u.at[c.id]));
  if (broken) return { reason: ROLLUP_TEXT.unbound(broken.sheet) };
  const longest = 1 + units.reduce((n, u) => n + sheetRef(u.sheet).length + 9, 0);
  if (longest > MAX_FORMULA) return { reason: ROLLUP_TEXT.tooLong(units.length) };
  return { form, year: units[0].year, sources: units.map((u) => ({ sheet: u.sheet, at: u.at })) };
}

/** X8: a roll-up's input cells must stay sums of the units; one typed over no longer is. */
export function rollupFindings(read: ReadForm): Finding[] {
  if (!read.rollup) return [];
  return read.form.cells
    .filter((c) => !c.computed && read.at[c.id] && !read.formulas[c.id])
    .map((c) => ({ rule: "X8" as const, severity: "warning" as const, cells: [c.id], message: `${cellLabel(read.form, c.id)}：${ROLLUP_TEXT.typedOver}。` }));
}
