import { FORMS } from "../forms";
import { absoluteAddress } from "./a1";
import { planForm } from "./index";

const KIND_TEXT = { table: "整张表格", row: "一行数据", column: "一列数据", cell: "单个单元格", meta: "常量" } as const;

/** docs/names.md: every name the add-in writes, with its Chinese label, for both forms (as laid on a new sheet at A1). */
export function namesDoc(): string {
  const parts = [
    "# 命名区域 / Named ranges",
    "",
    "由 `src/layout/namesDoc.ts` 生成，测试保证与代码一致（`UPDATE_DOCS=1 npx jest test/names-doc.test.ts` 重新生成）。",
    "",
    "- 全部名称都是**工作表级**（sheet-scoped）：同一工作簿中每张工作表都可以有同名的一套名称，互不冲突。",
    "- 前缀 `NB_`；同一张工作表上再插入一份表格时依次用 `NB2_`、`NB3_`……",
    "- 名称只含 ASCII 字母、数字和下划线，以 `NB` 开头、含下划线，不会被误认为单元格地址（如 `T3`、`R1C1`）。",
    "- 表格 `NB_T2`/`NB_T3`/`NB_T4` 含表头，是复制到 Word 的范围；行、列名称只含数字单元格；表三的单个单元格是其行名称与列名称的交叉（`NB_T3_R_new NB_T3_C_natural`）。",
    "- `NB_VERSION`、`NB_YEAR`、`NB_UNIT` 是常量，记录表格格式版本、报告年度和填报单位：没有加载项也能从名称识别工作表。汇总表另有 `NB_ROLLUP`（汇总的单位数）。",
    "- 下表中的地址是在新工作表 A1 处插入时的位置；插入到选定单元格时整体平移。",
    "",
  ];
  for (const form of FORMS) {
    const plan = planForm(form, { year: form.years[0], unit: "（填报单位）" });
    parts.push(`## ${form.version} 版（${form.issuedBy}）`, "", "| 名称 | 类型 | 地址 | 中文标签 |", "|---|---|---|---|");
    for (const n of plan.names) {
      const where = n.area ? absoluteAddress(n.area) : `常量 ${JSON.stringify(n.constant)}`;
      parts.push(`| \`${n.name}\` | ${KIND_TEXT[n.kind]} | ${where} | ${n.label} |`);
    }
    parts.push("");
  }
  return parts.join("\n");
}
