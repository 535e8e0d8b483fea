import type { FormDef } from "../forms/types";
import type { Area } from "../layout/a1";
import type { PlanName } from "../layout/plan";
import type { ReadForm } from "./binding";

/** Where to lay the form: a new sheet, or the selected cell when the whole area it needs is empty. */
export type InsertTarget = "newSheet" | "selection";

export interface InsertRequest {
  form: FormDef;
  year: number;
  unit: string;
  target: InsertTarget;
  /** numbers to start with (next year's 二、上年结转) */
  values?: Readonly<Record<string, number>>;
  /** a roll-up: each input cell sums the same cell on these sheets */
  sources?: readonly { sheet: string; at: Readonly<Record<string, { row: number; col: number }>> }[];
}

export type InsertResult =
  | { ok: true; sheetName: string; address: string; prefix: string; undoGroup: boolean }
  | { ok: false; reason: string };

/** Every form the workbook holds, found from names, with its cells' values and formulas. */
export interface ReadResult {
  forms: ReadForm[];
  /** sheets whose names cannot be understood, in Chinese */
  problems: string[];
}

/** One write a fix makes, only where the cell still is as the pane saw it. */
export interface CellFix {
  row: number;
  col: number;
  /** "blank": write only into an empty cell; "notFormula": only where the cell holds no formula */
  onlyIf: "blank" | "notFormula";
  formula?: string;
  value?: number;
}

export interface FixResult {
  written: number;
  /** cells changed since the check, left as they are */
  skipped: number;
}

/** The largest region read for recognition. */
export const GRID_LIMIT = 200_000;

/** A region of a sheet as text and numbers: the selection, or the whole used range when one cell is selected. */
export type GridRead =
  | { sheet: string; origin: { row: number; col: number }; cells: (string | number | boolean | null)[][]; names: string[] }
  | { error: string };

/** What the add-in needs from a workbook. Adapters: office/ (Excel), memory/ (tests, demo), xlsx/ (files). */
export interface WorkbookPort {
  insertForm(request: InsertRequest): Promise<InsertResult>;
  readForms(): Promise<ReadResult>;
  /** Select cells on a sheet; a Chinese message when the sheet is gone. */
  select(sheet: string, area: Area): Promise<string | undefined>;
  applyFixes(sheet: string, fixes: readonly CellFix[]): Promise<FixResult>;
  /**
   * The add-in's own marks (its conditional formats) on one form: always removes them; adds them back
   * where `on`. Numbers, formulas and validation are not touched.
   */
  setHighlights(sheet: string, prefix: string, on: boolean): Promise<{ removed: number; added: number }>;
  readGrid(): Promise<GridRead>;
  /** Adds sheet-scoped names (nothing else); a Chinese message when they cannot be added. */
  addNames(sheet: string, names: readonly PlanName[]): Promise<string | undefined>;
  /** Calls back when cells change (a hint only: the pane always reads the workbook again). */
  onChange(listener: () => void): () => void;
}

/** Messages the user reads when an insert is refused. */
export const INSERT_TEXT = {
  notEmpty: (address: string, used: string) =>
    `不能在这里插入：表格需要占用 ${address}，其中 ${used} 已有内容。请选择一块空白区域的左上角单元格，或插入到新工作表。`,
  oldExcel: (version: string) => `您的 Excel 不支持插入表格所需的功能（需要 ExcelApi ${version}）。请使用 Microsoft 365 的 Excel、Excel 2019 或更新版本，或 Excel 网页版。`,
  tooFar: "选中的位置太靠近工作表的右边或下边，放不下整张表格。请选择靠左上方的单元格。",
  failed: (detail: string) => `插入表格时 Excel 报告了错误：${detail}。请查看工作表，如有写了一半的内容，可按 Ctrl+Z 撤销。`,
  gridTooBig: (cells: number) => `选中的区域有 ${cells} 个单元格，太大了。请只选中表格所在的区域再识别。`,
  emptySheet: "工作表是空的：请选中表格所在的区域再识别。",
  namesFailed: (detail: string) => `添加名称时出错：${detail}。单元格没有被修改；可在“公式 → 名称管理器”中查看已添加的名称。`,
  sheetGone: (sheet: string) => `找不到工作表“${sheet}”，它可能已被删除或改名。请重新检查。`,
} as const;
