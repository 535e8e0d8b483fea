import { constantFormula, planForm, defaultSheetName, rectangles, VALIDATION_TEXT, type Area, type ConditionalFormat, type PlanName, type SheetPlan, type StyleKey } from "../../layout";
import { areaAddress as areaText } from "../../layout/a1";
import { INSERT_TEXT, type InsertRequest, type InsertResult, type WorkbookPort } from "../port";
import { REQUIRED_EXCEL_API } from "./requirements";
import { freePrefix, freeSheetName } from "../freeNames";
import { addNames, applyFixes, onChange, readForms, readGrid, select, setHighlights } from "./read";

/** The part of the Office.js runtime this adapter uses; tests pass a recording fake. */
export interface OfficeHost {
  run<T>(options: { mergeUndoGroup?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

export const UNDO_GROUP_API = "1.20";
/** worksheet.horizontalPageBreaks */
export const PAGE_LAYOUT_API = "1.9";
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const HIGHLIGHT = {
  sum: { fill: "#FFC7CE", font: "#9C0006" },
  invalid: { fill: "#FFEB9C", font: "#9C5700" },
};

export function officeHost(): OfficeHost {
  return {
    run: (options, batch) => Excel.run(options as Excel.RunOptions, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

const range = (sheet: Excel.Worksheet, a: Area) => sheet.getRangeByIndexes(a.row, a.col, a.rows, a.cols);

/** Queue every write of a plan; nothing here syncs. */
export function queuePlan(sheet: Excel.Worksheet, plan: SheetPlan, options: { sizes: boolean; pageBreaks: boolean }): void {
  const { area } = plan;
  const grid: string[][] = Array.from({ length: area.rows }, () => Array.from({ length: area.cols }, () => ""));
  const formats: string[][] = Array.from({ length: area.rows }, () => Array.from({ length: area.cols }, () => "General"));
  const byStyle = new Map<StyleKey, Area[]>();
  for (const c of plan.cells) {
    grid[c.row - area.row][c.col - area.col] = c.formula ?? (c.value === undefined ? "" : String(c.value));
    formats[c.row - area.row][c.col - area.col] = plan.styles[c.style].numberFormat;
    byStyle.set(c.style, [...(byStyle.get(c.style) ?? []), { row: c.row, col: c.col, rows: 1, cols: 1 }]);
  }
  const whole = range(sheet, area);
  whole.numberFormat = formats;
  whole.formulas = grid;
  for (const [key, cells] of byStyle) {
    const st = plan.styles[key];
    for (const a of rectangles(cells)) {
      const r = range(sheet, a);
      r.format.font.name = st.font;
      r.format.font.size = st.size;
      r.format.font.bold = st.bold;
      r.format.horizontalAlignment = st.hAlign === "left" ? "Left" : "Center";
      r.format.verticalAlignment = "Center";
      r.format.wrapText = st.wrap;
      if (st.border) {
        const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
        if (a.rows > 1) edges.push("InsideHorizontal");
        if (a.cols > 1) edges.push("InsideVertical");
        for (const e of edges) {
          const b = r.format.borders.getItem(e);
          b.style = "Continuous";
          b.weight = "Thin";
        }
      }
    }
  }
  for (const m of plan.merges) range(sheet, m).merge(false);
  if (options.sizes) {
    plan.columnWidths.forEach((w, i) => (range(sheet, { row: area.row, col: area.col + i, rows: 1, cols: 1 }).format.columnWidth = w));
    plan.rowHeights.forEach((h, i) => (range(sheet, { row: area.row + i, col: area.col, rows: 1, cols: 1 }).format.rowHeight = h));
  }
  queueNames(sheet, plan.names);
  for (const v of plan.validations) {
    const r = range(sheet, v.area);
    const t = VALIDATION_TEXT[v.kind];
    r.dataValidation.clear();
    r.dataValidation.rule =
      v.kind === "signedCount"
        ? { wholeNumber: { formula1: -1_000_000_000, formula2: 1_000_000_000, operator: "Between" } }
        : v.kind === "count"
          ? { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } }
          : { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    r.dataValidation.ignoreBlanks = true;
    r.dataValidation.prompt = { showPrompt: true, title: t.promptTitle, message: t.prompt };
    r.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: t.errorTitle, message: t.error };
  }
  if (options.pageBreaks) for (const row of plan.pageBreaks) sheet.horizontalPageBreaks.add(range(sheet, { row, col: plan.area.col, rows: 1, cols: 1 }));
  queueHighlights(sheet, plan.conditionalFormats);
}

/** Sheet-scoped names, with their Chinese label as the comment Excel's name manager shows. */
export function queueNames(sheet: Excel.Worksheet, names: readonly PlanName[]): void {
  for (const n of names) {
    const ref = n.area ? range(sheet, n.area) : constantFormula(n.constant);
    sheet.names.add(n.name, ref, n.label.slice(0, 255));
  }
}

export function queueHighlights(sheet: Excel.Worksheet, cfs: readonly ConditionalFormat[]): void {
  for (const cf of cfs) {
    const c = range(sheet, cf.area).conditionalFormats.add("Custom");
    const colors = cf.rule === "invalid" ? HIGHLIGHT.invalid : HIGHLIGHT.sum;
    c.custom.rule.formula = `=${cf.formula}`;
    c.custom.format.fill.color = colors.fill;
    c.custom.format.font.color = colors.font;
  }
}

/** Lays a form out in Excel in one Excel.run: 2 syncs on a new sheet, 3 at the selection, however big the workbook. */
export async function insertForm(host: OfficeHost, request: InsertRequest): Promise<InsertResult> {
  if (!host.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) return { ok: false, reason: INSERT_TEXT.oldExcel(REQUIRED_EXCEL_API) };
  const undoGroup = host.isSetSupported("ExcelApi", UNDO_GROUP_API);
  const pageBreaks = host.isSetSupported("ExcelApi", PAGE_LAYOUT_API);
  const options = undoGroup ? { mergeUndoGroup: true } : {};
  const base = { year: request.year, unit: request.unit, values: request.values, sources: request.sources };
  try {
    return await host.run(options, async (context) => {
      if (request.target === "newSheet") {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const name = freeSheetName(defaultSheetName(request.year, request.unit), sheets.items.map((s) => s.name));
        const plan = { ...planForm(request.form, base), sheetName: name };
        const sheet = sheets.add(name);
        queuePlan(sheet, plan, { sizes: true, pageBreaks });
        sheet.activate();
        range(sheet, plan.tables.t2).select();
        await context.sync();
        return { ok: true, sheetName: name, address: `${name}!${areaText(plan.area)}`, prefix: "NB_", undoGroup };
      }
      const selected = context.workbook.getSelectedRange();
      selected.load("rowIndex,columnIndex");
      const sheet = selected.worksheet;
      sheet.load("name");
      sheet.names.load("items/name");
      await context.sync();
      const prefix = freePrefix(sheet.names.items.map((n) => n.name));
      const plan = planForm(request.form, { ...base, origin: { row: selected.rowIndex, col: selected.columnIndex }, prefix });
      if (plan.area.row + plan.area.rows > MAX_ROWS || plan.area.col + plan.area.cols > MAX_COLS) return { ok: false, reason: INSERT_TEXT.tooFar };
      const used = range(sheet, plan.area).getUsedRangeOrNullObject(true);
      used.load("address");
      await context.sync();
      if (!used.isNullObject) return { ok: false, reason: INSERT_TEXT.notEmpty(areaText(plan.area), used.address.replace(/^.*!/, "")) };
      queuePlan(sheet, { ...plan, sheetName: sheet.name }, { sizes: false, pageBreaks });
      range(sheet, plan.tables.t2).select();
      await context.sync();
      return { ok: true, sheetName: sheet.name, address: `${sheet.name}!${areaText(plan.area)}`, prefix, undoGroup };
    });
  } catch (e) {
    return { ok: false, reason: INSERT_TEXT.failed(e instanceof Error ? e.message : String(e)) };
  }
}

export function officeWorkbook(host: OfficeHost = officeHost()): WorkbookPort {
  return {
    insertForm: (request) => insertForm(host, request),
    readForms: () => readForms(host),
    select: (sheet, area) => select(host, sheet, area),
    applyFixes: (sheet, fixes) => applyFixes(host, sheet, fixes),
    setHighlights: (sheet, prefix, on) => setHighlights(host, sheet, prefix, on),
    readGrid: () => readGrid(host),
    addNames: (sheet, names) => addNames(host, sheet, names),
    onChange: (listener) => onChange(host, listener),
  };
}
