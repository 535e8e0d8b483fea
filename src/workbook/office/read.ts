import type { Area } from "../../layout/a1";
import type { RawCell } from "../../values";
import { bindForms, boundArea, type ReadForm } from "../binding";
import { GRID_LIMIT, INSERT_TEXT, type CellFix, type FixResult, type GridRead, type ReadResult } from "../port";
import type { PlanName } from "../../layout/plan";
import { highlights } from "../../layout";
import { queueHighlights, queueNames, type OfficeHost } from "./insert";

export const EVENTS_API = "1.9";

function raw(value: unknown, type: string): RawCell {
  switch (type) {
    case "Empty":
      return null;
    case "Double":
    case "Integer":
      return Number(value);
    case "Boolean":
      return Boolean(value);
    case "Error":
      return { error: String(value) };
    default:
      return value === "" ? null : String(value);
  }
}

/** Every form in the workbook, found from each sheet's names: 2 syncs however many sheets. */
export async function readForms(host: OfficeHost): Promise<ReadResult> {
  return host.run({}, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/names/items/name,items/names/items/formula");
    await context.sync();
    const problems: string[] = [];
    const pending: { form: ReadForm; range: Excel.Range; area: Area }[] = [];
    const forms: ReadForm[] = [];
    for (const sheet of sheets.items) {
      const bound = bindForms(sheet.name, sheet.names.items.map((n) => ({ name: n.name, formula: n.formula })));
      problems.push(...bound.problems);
      for (const b of bound.forms) {
        const form: ReadForm = { ...b, values: {}, formulas: {} };
        forms.push(form);
        const area = boundArea(b);
        if (!area) continue;
        const range = sheet.getRangeByIndexes(area.row, area.col, area.rows, area.cols);
        range.load("values,valueTypes,formulas");
        pending.push({ form, range, area });
      }
    }
    if (pending.length) await context.sync();
    for (const { form, range, area } of pending) {
      const { values, valueTypes, formulas } = range;
      for (const [id, p] of Object.entries(form.at)) {
        const i = p.row - area.row;
        const j = p.col - area.col;
        form.values[id] = raw(values[i][j], valueTypes[i][j]);
        const f = formulas[i][j];
        form.formulas[id] = typeof f === "string" && f.startsWith("=") ? f : undefined;
      }
    }
    return { forms, problems };
  });
}

export async function select(host: OfficeHost, sheetName: string, area: Area): Promise<string | undefined> {
  return host.run({}, async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    sheet.load("isNullObject");
    await context.sync();
    if (sheet.isNullObject) return INSERT_TEXT.sheetGone(sheetName);
    sheet.activate();
    sheet.getRangeByIndexes(area.row, area.col, area.rows, area.cols).select();
    await context.sync();
    return undefined;
  });
}

/** Writes each fix only where the cell still is as the pane saw it: 3 syncs however many fixes. */
export async function applyFixes(host: OfficeHost, sheetName: string, fixes: readonly CellFix[]): Promise<FixResult> {
  return host.run({}, async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    sheet.load("isNullObject");
    await context.sync();
    if (sheet.isNullObject) return { written: 0, skipped: fixes.length };
    const cells = fixes.map((f) => {
      const r = sheet.getRangeByIndexes(f.row, f.col, 1, 1);
      r.load("formulas");
      return r;
    });
    await context.sync();
    let written = 0;
    fixes.forEach((f, i) => {
      const now = cells[i].formulas[0][0];
      const isFormula = typeof now === "string" && now.startsWith("=");
      const ok = f.onlyIf === "blank" ? now === "" || now === null : !isFormula;
      if (!ok) return;
      cells[i].formulas = [[f.formula ?? f.value ?? ""]];
      written++;
    });
    if (written) await context.sync();
    return { written, skipped: fixes.length - written };
  });
}

/** Removes the add-in's conditional formats from one form, and adds them back where `on`: 3 syncs. */
export async function setHighlights(host: OfficeHost, sheetName: string, prefix: string, on: boolean): Promise<{ removed: number; added: number }> {
  return host.run({}, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/names/items/name,items/names/items/formula");
    await context.sync();
    const sheet = sheets.items.find((s) => s.name === sheetName);
    const bound = sheet && bindForms(sheet.name, sheet.names.items.map((n) => ({ name: n.name, formula: n.formula }))).forms.find((f) => f.prefix === prefix);
    if (!sheet || !bound) return { removed: 0, added: 0 };
    const ours = highlights(bound.form, (id) => bound.areas[id]);
    const mine = new Set(ours.map((cf) => `=${cf.formula}`));
    const collections = Object.values(bound.tables).map((a) => {
      const cfs = sheet.getRangeByIndexes(a.row, a.col, a.rows, a.cols).conditionalFormats;
      cfs.load("items/type,items/custom/rule/formula");
      return cfs;
    });
    await context.sync();
    let removed = 0;
    for (const cfs of collections) {
      for (const cf of cfs.items) {
        if (cf.type === "Custom" && mine.has(cf.custom.rule.formula)) {
          cf.delete();
          removed++;
        }
      }
    }
    if (on) queueHighlights(sheet, ours);
    await context.sync();
    return { removed, added: on ? ours.length : 0 };
  });
}

/** The selection, or the used range when one cell is selected, as values: 2 syncs. */
export async function readGrid(host: OfficeHost): Promise<GridRead> {
  return host.run({}, async (context) => {
    const selected = context.workbook.getSelectedRange();
    selected.load("rowIndex,columnIndex,rowCount,columnCount");
    const sheet = selected.worksheet;
    sheet.load("name");
    sheet.names.load("items/name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const single = selected.rowCount === 1 && selected.columnCount === 1;
    if (single && used.isNullObject) return { error: INSERT_TEXT.emptySheet };
    const r = single ? used : selected;
    if (r.rowCount * r.columnCount > GRID_LIMIT) return { error: INSERT_TEXT.gridTooBig(r.rowCount * r.columnCount) };
    const area = sheet.getRangeByIndexes(r.rowIndex, r.columnIndex, r.rowCount, r.columnCount);
    area.load("values");
    await context.sync();
    const cells = area.values.map((row) => row.map((v) => (v === "" ? null : (v as string | number | boolean))));
    return { sheet: sheet.name, origin: { row: r.rowIndex, col: r.columnIndex }, cells, names: sheet.names.items.map((n) => n.name) };
  });
}

/** Adds the names of an adopted table: 1 sync, nothing but names. */
export async function addNames(host: OfficeHost, sheetName: string, names: readonly PlanName[]): Promise<string | undefined> {
  try {
    return await host.run({}, async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      queueNames(sheet, names);
      await context.sync();
      return undefined;
    });
  } catch (e) {
    return INSERT_TEXT.namesFailed(e instanceof Error ? e.message : String(e));
  }
}

/** Change events as a hint to check again: the whole workbook where ExcelApi 1.9 allows, else each sheet. */
export function onChange(host: OfficeHost, listener: () => void): () => void {
  const handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  const handler = async () => listener();
  void host
    .run({}, async (context) => {
      const sheets = context.workbook.worksheets;
      if (host.isSetSupported("ExcelApi", EVENTS_API)) handlers.push(sheets.onChanged.add(handler));
      else {
        sheets.load("items");
        await context.sync();
        for (const s of sheets.items) handlers.push(s.onChanged.add(handler));
      }
      await context.sync();
    })
    .catch(() => undefined);
  return () => {
    for (const h of handlers) void host.run({}, async (context) => (h.remove(), context.sync())).catch(() => undefined);
  };
}
