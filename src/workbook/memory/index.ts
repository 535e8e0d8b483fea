import { absoluteAddress, areaAddress, bounding, constantFormula, defaultSheetName, highlights, planForm, sheetRef, type Area, type ConditionalFormat, type HighlightRule, type PlanName, type SheetPlan, type StyleKey, shiftFormula } from "../../layout";
import type { RawCell } from "../../values";
import { bindForms, boundArea, type NameRef, type ReadForm } from "../binding";
import { GRID_LIMIT, INSERT_TEXT, type CellFix, type FixResult, type GridRead, type InsertRequest, type InsertResult, type ReadResult, type WorkbookPort } from "../port";
import { evaluate, type Scalar } from "./formula";
import { freePrefix, freeSheetName } from "../freeNames";

export interface MemoryCell {
  value?: RawCell;
  formula?: string;
  /** the formula's result as saved in a file, used until the cell is edited */
  cached?: RawCell;
  style?: StyleKey;
}

export class MemorySheet {
  cells = new Map<string, MemoryCell>();
  /** sheet-scoped names: name → formula as Excel reports it */
  names = new Map<string, string>();
  merges: Area[] = [];
  conditionalFormats: ConditionalFormat[] = [];
  plans: SheetPlan[] = [];
  constructor(public name: string) {}
}

const key = (row: number, col: number) => `${row}:${col}`;
const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

/** What Excel makes of text typed into a cell. */
export function typedValue(text: string): MemoryCell {
  if (text.startsWith("=")) return { formula: text };
  if (text === "") return {};
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { value: Number(text) };
  if (/^(TRUE|FALSE)$/i.test(text)) return { value: text.toUpperCase() === "TRUE" };
  if (ERRORS.includes(text.toUpperCase())) return { value: { error: text.toUpperCase() } };
  return { value: text };
}

/** An in-memory workbook with the same behaviour as the Office adapter: tests and the browser demo. */
export class MemoryWorkbook implements WorkbookPort {
  sheets: MemorySheet[];
  selection: { sheet: string; area: Area };
  /** round trips to the workbook, the analogue of context.sync() */
  batches = 0;
  private listeners = new Set<() => void>();
  private viewers = new Set<() => void>();

  constructor(sheetNames: string[] = ["Sheet1"]) {
    this.sheets = sheetNames.map((n) => new MemorySheet(n));
    this.selection = { sheet: this.sheets[0].name, area: { row: 0, col: 0, rows: 1, cols: 1 } };
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  async insertForm(request: InsertRequest): Promise<InsertResult> {
    this.batches++;
    const base = { year: request.year, unit: request.unit, values: request.values, sources: request.sources };
    if (request.target === "newSheet") {
      const name = freeSheetName(defaultSheetName(request.year, request.unit), this.sheets.map((s) => s.name));
      const sheet = new MemorySheet(name);
      this.sheets.push(sheet);
      const plan = { ...planForm(request.form, base), sheetName: name };
      this.apply(sheet, plan);
      this.selection = { sheet: name, area: plan.tables.t2 };
      this.emit();
      return { ok: true, sheetName: name, address: `${name}!${areaAddress(plan.area)}`, prefix: "NB_", undoGroup: false };
    }
    const sheet = this.sheet(this.selection.sheet)!;
    const prefix = freePrefix(sheet.names.keys());
    const plan = { ...planForm(request.form, { ...base, origin: { row: this.selection.area.row, col: this.selection.area.col }, prefix }), sheetName: sheet.name };
    const used = this.usedIn(sheet, plan.area);
    if (used) return { ok: false, reason: INSERT_TEXT.notEmpty(areaAddress(plan.area), areaAddress(used)) };
    this.apply(sheet, plan);
    this.emit();
    return { ok: true, sheetName: sheet.name, address: `${sheet.name}!${areaAddress(plan.area)}`, prefix, undoGroup: false };
  }

  private usedIn(sheet: MemorySheet, a: Area): Area | undefined {
    return bounding(
      [...sheet.cells.entries()]
        .filter(([, c]) => c.formula !== undefined || (c.value !== undefined && c.value !== null && c.value !== ""))
        .map(([k]) => k.split(":").map(Number))
        .filter(([r, c]) => r >= a.row && r < a.row + a.rows && c >= a.col && c < a.col + a.cols)
        .map(([row, col]) => ({ row, col })),
    );
  }

  private apply(sheet: MemorySheet, plan: SheetPlan): void {
    for (const c of plan.cells) sheet.cells.set(key(c.row, c.col), { style: c.style, ...(c.formula ? { formula: c.formula } : c.value !== undefined ? { value: c.value } : {}) });
    sheet.merges.push(...plan.merges);
    sheet.conditionalFormats.push(...plan.conditionalFormats);
    sheet.plans.push(plan);
    for (const n of plan.names) sheet.names.set(n.name, nameFormula(sheet.name, n));
  }

  async readForms(): Promise<ReadResult> {
    this.batches++;
    const forms: ReadForm[] = [];
    const problems: string[] = [];
    for (const sheet of this.sheets) {
      const names: NameRef[] = [...sheet.names.entries()].map(([name, formula]) => ({ name, formula }));
      const bound = bindForms(sheet.name, names);
      problems.push(...bound.problems);
      for (const b of bound.forms) {
        const values: Record<string, RawCell> = {};
        const formulas: Record<string, string | undefined> = {};
        if (boundArea(b)) {
          for (const [id, p] of Object.entries(b.at)) {
            values[id] = this.valueAt(sheet, p.row, p.col);
            formulas[id] = sheet.cells.get(key(p.row, p.col))?.formula;
          }
        }
        forms.push({ ...b, values, formulas });
      }
    }
    return { forms, problems };
  }

  async select(sheet: string, area: Area): Promise<string | undefined> {
    this.batches++;
    if (!this.sheet(sheet)) return INSERT_TEXT.sheetGone(sheet);
    this.selection = { sheet, area };
    this.show();
    return undefined;
  }

  async applyFixes(sheetName: string, fixes: readonly CellFix[]): Promise<FixResult> {
    this.batches++;
    const sheet = this.sheet(sheetName);
    if (!sheet) return { written: 0, skipped: fixes.length };
    let written = 0;
    for (const f of fixes) {
      const cell = sheet.cells.get(key(f.row, f.col)) ?? {};
      const ok = f.onlyIf === "blank" ? cell.formula === undefined && (cell.value === undefined || cell.value === null || cell.value === "") : cell.formula === undefined;
      if (!ok) continue;
      sheet.cells.set(key(f.row, f.col), { style: cell.style, ...(f.formula ? { formula: f.formula } : { value: f.value }) });
      written++;
    }
    if (written) this.emit();
    return { written, skipped: fixes.length - written };
  }

  async setHighlights(sheetName: string, prefix: string, on: boolean): Promise<{ removed: number; added: number }> {
    this.batches++;
    const sheet = this.sheet(sheetName);
    const bound = sheet && bindForms(sheet.name, [...sheet.names.entries()].map(([name, formula]) => ({ name, formula }))).forms.find((f) => f.prefix === prefix);
    if (!sheet || !bound) return { removed: 0, added: 0 };
    const ours = highlights(bound.form, (id) => bound.areas[id]);
    const sig = (cf: ConditionalFormat) => `${areaAddress(cf.area)} ${cf.formula}`;
    const mine = new Set(ours.map(sig));
    const before = sheet.conditionalFormats.length;
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !mine.has(sig(cf)));
    const removed = before - sheet.conditionalFormats.length;
    if (on) sheet.conditionalFormats.push(...ours);
    this.show();
    return { removed, added: on ? ours.length : 0 };
  }

  async readGrid(): Promise<GridRead> {
    this.batches++;
    const sheet = this.sheet(this.selection.sheet);
    if (!sheet) return { error: INSERT_TEXT.sheetGone(this.selection.sheet) };
    let area = this.selection.area;
    if (area.rows === 1 && area.cols === 1) {
      const used = this.usedArea(sheet);
      if (!used) return { error: INSERT_TEXT.emptySheet };
      area = used;
    }
    if (area.rows * area.cols > GRID_LIMIT) return { error: INSERT_TEXT.gridTooBig(area.rows * area.cols) };
    return { sheet: sheet.name, origin: { row: area.row, col: area.col }, cells: this.shownGrid(sheet, area), names: [...sheet.names.keys()] };
  }

  /** The smallest area holding every value or formula of the sheet. */
  usedArea(sheet: MemorySheet): Area | undefined {
    return this.usedIn(sheet, { row: 0, col: 0, rows: 1_048_576, cols: 16_384 });
  }

  /** What an area shows, as a grid: formulas' results, errors as their text. */
  shownGrid(sheet: MemorySheet, area: Area): (string | number | boolean | null)[][] {
    return Array.from({ length: area.rows }, (_, i) =>
      Array.from({ length: area.cols }, (__, j) => {
        const v = this.valueAt(sheet, area.row + i, area.col + j);
        return typeof v === "object" && v !== null ? v.error : v;
      }),
    );
  }

  async addNames(sheetName: string, names: readonly PlanName[]): Promise<string | undefined> {
    this.batches++;
    const sheet = this.sheet(sheetName);
    if (!sheet) return INSERT_TEXT.sheetGone(sheetName);
    const clash = names.find((n) => sheet.names.has(n.name));
    if (clash) return INSERT_TEXT.namesFailed(`名称 ${clash.name} 已存在`);
    for (const n of names) sheet.names.set(n.name, nameFormula(sheet.name, n));
    this.emit();
    return undefined;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For a view of the workbook: called on every change of data or selection. */
  watch(viewer: () => void): () => void {
    this.viewers.add(viewer);
    return () => this.viewers.delete(viewer);
  }

  private emit(): void {
    for (const l of this.listeners) l();
    this.show();
  }

  private show(): void {
    for (const v of this.viewers) v();
  }

  // ── what a person does in the demo grid ──────────────────────────────────

  /** Type text into a cell, as in Excel. */
  input(sheetName: string, row: number, col: number, text: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const old = sheet.cells.get(key(row, col));
    sheet.cells.set(key(row, col), { style: old?.style, ...typedValue(text) });
    this.emit();
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    if (!sheet) return;
    sheet.name = to;
    for (const s of this.sheets) for (const [n, f] of s.names) s.names.set(n, f.split(sheetRef(from)).join(sheetRef(to)));
    if (this.selection.sheet === from) this.selection.sheet = to;
    this.emit();
  }

  /** Delete whole rows, as Excel does: cells move up, names into the rows become #REF!. */
  deleteRows(sheetName: string, row: number, count: number): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) return;
    const moved = new Map<string, MemoryCell>();
    for (const [k, c] of sheet.cells) {
      const [r, col] = k.split(":").map(Number);
      if (r < row) moved.set(k, c);
      else if (r >= row + count) moved.set(key(r - count, col), c.formula ? { ...c, formula: `=${shiftRows(c.formula.slice(1), row, count)}` } : c);
    }
    sheet.cells = moved;
    for (const [n, f] of sheet.names) {
      const m = /^=(.*!)?(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(f);
      if (!m) continue;
      const shifted = shiftRows(m[2], row, count);
      sheet.names.set(n, shifted.includes("#REF!") ? "=#REF!" : `=${m[1] ?? ""}${shifted}`);
    }
    sheet.plans = [];
    this.emit();
  }

  // ── what the demo grid shows ─────────────────────────────────────────────

  valueAt(sheet: MemorySheet, row: number, col: number, depth = 0): Scalar {
    const cell = sheet.cells.get(key(row, col));
    if (!cell) return null;
    if (cell.formula) {
      if (cell.cached !== undefined) return cell.cached as Scalar;
      if (depth > 50) return { error: "#REF!" };
      try {
        return evaluate(cell.formula, (r, c, other) => {
          const target = other === undefined ? sheet : this.sheet(other);
          return target ? this.valueAt(target, r, c, depth + 1) : { error: "#REF!" };
        });
      } catch {
        return { error: "#NAME?" };
      }
    }
    return (cell.value ?? null) as Scalar;
  }

  /** The rule whose highlighting the cell shows now, as Excel's conditional formats would. */
  highlightAt(sheet: MemorySheet, row: number, col: number): HighlightRule | undefined {
    for (const cf of sheet.conditionalFormats) {
      const { area } = cf;
      if (row < area.row || row >= area.row + area.rows || col < area.col || col >= area.col + area.cols) continue;
      try {
        if (evaluate(shiftFormula(cf.formula, row - area.row, col - area.col), (r, c) => this.valueAt(sheet, r, c)) === true) return cf.rule;
      } catch {
        continue;
      }
    }
    return undefined;
  }
}

/** A name's formula as Excel reports it: ='Sheet'!$A$1:$B$2, ="2021", =2025. */
function nameFormula(sheet: string, n: PlanName): string {
  return n.area ? `=${sheetRef(sheet)}${absoluteAddress(n.area)}` : constantFormula(n.constant);
}

/** References after deleting rows [row, row+count): below moves up, inside becomes #REF!. */
function shiftRows(formula: string, row: number, count: number): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (m, d1, letters, d2, digits) => {
    const r = Number(digits) - 1;
    if (r < row) return m;
    if (r < row + count) return "#REF!";
    return `${d1}${letters}${d2}${r - count + 1}`;
  });
}
