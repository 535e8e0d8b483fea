import type { FormDef } from "../forms/types";

/** Where to lay the form: a new sheet, or the selected cell when the whole area it needs is empty. */
export type InsertTarget = "newSheet" | "selection";

export interface InsertRequest {
  form: FormDef;
  year: number;
  unit: string;
  target: InsertTarget;
}

export type InsertResult =
  | { ok: true; sheetName: string; address: string; prefix: string; undoGroup: boolean }
  | { ok: false; reason: string };

/** What the add-in needs from a workbook. Adapters: office/ (Excel), xlsx/ (files); memory/ comes with the demo. */
export interface WorkbookPort {
  insertForm(request: InsertRequest): Promise<InsertResult>;
}

/** Messages the user reads when an insert is refused. */
export const INSERT_TEXT = {
  notEmpty: (address: string, used: string) =>
    `不能在这里插入：表格需要占用 ${address}，其中 ${used} 已有内容。请选择一块空白区域的左上角单元格，或插入到新工作表。`,
  oldExcel: (version: string) => `您的 Excel 不支持插入表格所需的功能（需要 ExcelApi ${version}）。请使用 Microsoft 365 的 Excel、Excel 2019 或更新版本，或 Excel 网页版。`,
  tooFar: "选中的位置太靠近工作表的右边或下边，放不下整张表格。请选择靠左上方的单元格。",
  failed: (detail: string) => `插入表格时 Excel 报告了错误：${detail}。工作簿没有被修改。`,
} as const;
