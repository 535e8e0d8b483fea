import { axisLeaves, cellId } from "../forms";
import type { AxisNode, BlocksTable, CellKind, FormDef, MatrixTable, TableDef, TableId } from "../forms/types";
import { BALANCES } from "../rules";
import { absoluteAddress, cellAddress, sheetRef, sumArgs, type Area } from "./a1";
import type { CellStyle, ConditionalFormat, HighlightRule, PlanCell, PlanName, SheetPlan, StyleKey, Validation } from "./plan";
import { sheetTitle } from "./texts";
import { formNames } from "./names";

export * from "./plan";
export * from "./a1";
export { VALIDATION_TEXT, sheetTitle } from "./texts";
export { constantFormula, formNames } from "./names";

/** Every table is laid on the same 15 columns (表四's count), about 17 cm in all. */
export const GRID_COLUMNS = 15;
export const COLUMN_WIDTH_PT = 32;
/** 表三's three label levels over 8 grid columns; data columns take one each. */
const LABEL_SPANS: Record<number, number[]> = { 0: [], 3: [1, 2, 5] };
/** 表二: the item label over 6 columns, then three value slots of 3. */
const BLOCK_LABEL_SPAN = 6;
const BLOCK_SLOT_SPAN = 3;

const BODY = "宋体";
const base: CellStyle = { font: BODY, size: 10, bold: false, hAlign: "center", wrap: true, border: true, numberFormat: "General" };
export const STYLES: Record<StyleKey, CellStyle> = {
  title: { ...base, font: "黑体", size: 14, border: false, wrap: false },
  heading: { ...base, font: "黑体", size: 12, hAlign: "left", border: false, wrap: false },
  caption: { ...base, hAlign: "left" },
  header: base,
  label: { ...base, hAlign: "left" },
  group: base,
  note: { ...base, font: "楷体" },
  blank: base,
  count: { ...base, numberFormat: "0" },
  signedCount: { ...base, numberFormat: "+0;-0;0" },
  amountWan: { ...base, numberFormat: "0.00##" },
  amount: { ...base, numberFormat: "0.00##" },
};

export interface PlanOptions {
  year: number;
  unit: string;
  /** top-left cell of the plan (0-based); default A1 */
  origin?: { row: number; col: number };
  /** name prefix; NB_ unless the sheet already holds a form */
  prefix?: string;
  /** numbers typed into input cells from the start (next year's 二、上年结转) */
  values?: Readonly<Record<string, number>>;
  /** a roll-up: every input cell is the live sum of the same cell on these sheets */
  sources?: readonly { sheet: string; at: Readonly<Record<string, { row: number; col: number }>> }[];
}

/** Excel refuses formulas longer than this. */
export const MAX_FORMULA = 8192;

export function defaultSheetName(year: number, unit: string): string {
  const clean = unit.replace(/[[\]:*?/\\]/g, "").replace(/^'+|'+$/g, "").trim();
  const name = `${year}年${clean || "年报"}`;
  return name.slice(0, 31);
}

class Builder {
  cells: PlanCell[] = [];
  merges: Area[] = [];
  names: PlanName[] = [];
  validations: Validation[] = [];
  cfs: ConditionalFormat[] = [];
  cellAt: Record<string, { row: number; col: number }> = {};
  spans = new Map<string, Area>();

  constructor(readonly col0: number, readonly prefix: string) {}

  put(row: number, col: number, rows: number, cols: number, style: StyleKey, value?: string | number, extra: Partial<PlanCell> = {}): Area {
    const area = { row, col: this.col0 + col, rows, cols };
    this.cells.push({ row, col: area.col, style, ...(value !== undefined && value !== "" ? { value } : {}), ...extra });
    if (rows > 1 || cols > 1) this.merges.push(area);
    // blank cells under a merge still carry the style (borders)
    for (let r = row; r < row + rows; r++) {
      for (let c = area.col; c < area.col + cols; c++) if (r !== row || c !== area.col) this.cells.push({ row: r, col: c, style });
    }
    return area;
  }

}

function leavesWithRange(nodes: readonly AxisNode[]): Map<AxisNode, { first: number; count: number; depth: number }> {
  const out = new Map<AxisNode, { first: number; count: number; depth: number }>();
  let next = 0;
  const walk = (ns: readonly AxisNode[], depth: number): void => {
    for (const n of ns) {
      const first = next;
      if (n.children) walk(n.children, depth + 1);
      else next++;
      out.set(n, { first, count: next - first, depth });
    }
  };
  walk(nodes, 1);
  return out;
}

function layBlocks(b: Builder, t: BlocksTable, top: number): number {
  let r = top;
  const slotCols = (k: number, j: number): [number, number] =>
    k === 1 ? [BLOCK_LABEL_SPAN, BLOCK_SLOT_SPAN * 3] : [BLOCK_LABEL_SPAN + BLOCK_SLOT_SPAN * j, BLOCK_SLOT_SPAN];
  for (const block of t.blocks) {
    b.put(r++, 0, 1, GRID_COLUMNS, "caption", block.caption);
    b.put(r, 0, 1, BLOCK_LABEL_SPAN, "header", block.itemHeader);
    const k = block.columns.length;
    block.columns.forEach((c, j) => {
      const [col, span] = slotCols(k, j);
      b.put(r, col, 1, span, "header", c.label);
    });
    const emptySlots = k === 1 ? 0 : 3 - k;
    for (let s = 0; s < emptySlots; s++) b.put(r, BLOCK_LABEL_SPAN + BLOCK_SLOT_SPAN * (k + s), 1, BLOCK_SLOT_SPAN, "blank");
    r++;
    for (const item of block.items) {
      b.put(r, 0, 1, BLOCK_LABEL_SPAN, "label", item.label);
      block.columns.forEach((c, j) => {
        const [col, span] = slotCols(k, j);
        const id = cellId(t, item.id, c.id);
        const area = b.put(r, col, 1, span, c.kind, undefined, { cellId: id });
        b.cellAt[id] = { row: area.row, col: area.col };
        b.spans.set(id, area);
      });
      for (let s = 0; s < emptySlots; s++) b.put(r, BLOCK_LABEL_SPAN + BLOCK_SLOT_SPAN * (k + s), 1, BLOCK_SLOT_SPAN, "blank");
      r++;
    }
  }
  return r;
}

function layMatrix(b: Builder, t: MatrixTable, top: number): number {
  const spans = LABEL_SPANS[t.labelDepth];
  if (!spans) throw new Error(`no label layout for depth ${t.labelDepth}`);
  const labelWidth = spans.reduce((a, s) => a + s, 0);
  const levelStart = spans.map((_, i) => spans.slice(0, i).reduce((a, s) => a + s, 0));
  const cols = axisLeaves(t.columns);
  const rows = axisLeaves(t.rows);
  const span = (GRID_COLUMNS - labelWidth) / cols.length;
  if (!Number.isInteger(span)) throw new Error(`${t.id}: ${cols.length} data columns do not fit the grid`);

  // header
  if (labelWidth > 0) b.put(top, 0, t.headerDepth, labelWidth, "note", t.note);
  for (const [node, at] of leavesWithRange(t.columns)) {
    const height = node.children ? 1 : t.headerDepth - at.depth + 1;
    b.put(top + at.depth - 1, labelWidth + at.first * span, height, at.count * span, "header", node.label);
  }
  const dataTop = top + t.headerDepth;

  // row labels
  if (labelWidth > 0) {
    for (const [node, at] of leavesWithRange(t.rows)) {
      const level = at.depth - 1;
      const width = node.children ? spans[level] : labelWidth - levelStart[level];
      b.put(dataTop + at.first, levelStart[level], node.children ? at.count : 1, width, node.children ? "group" : "label", node.label);
    }
  }

  // data cells, totals as formulas
  const pos = (r: string, c: string): { row: number; col: number } => b.cellAt[cellId(t, r, c)];
  rows.forEach((r, i) =>
    cols.forEach((c, j) => {
      const id = cellId(t, r.node.id, c.node.id);
      const area = { row: dataTop + i, col: b.col0 + labelWidth + j * span };
      b.cellAt[id] = area;
    }),
  );
  rows.forEach((r) =>
    cols.forEach((c) => {
      const id = cellId(t, r.node.id, c.node.id);
      const at = b.cellAt[id];
      const formula = totalFormula(r.node, c.node, pos);
      const area = b.put(at.row, at.col - b.col0, 1, span, t.kind, undefined, { cellId: id, ...(formula ? { formula } : {}) });
      b.spans.set(id, area);
    }),
  );


  return dataTop + rows.length;
}

/**
 * The formula of a declared total: the row's sum where the row is a total (（七）总计, also in the 总计
 * column), else the column's sum; undefined for an input cell. `at` says where each part is now.
 */
export function totalFormula(
  row: AxisNode,
  col: AxisNode,
  at: (row: string, col: string) => { row: number; col: number } | undefined,
): string | undefined {
  const parts = row.total ? row.total.of.map((o) => at(o, col.id)) : col.total ? col.total.of.map((o) => at(row.id, o)) : undefined;
  if (!parts || parts.some((p) => p === undefined)) return undefined;
  return `=SUM(${sumArgs(parts as { row: number; col: number }[])})`;
}

/** Conditional formats for the declared totals (R2–R6) and balances (R1) of one table, cells where `at` says. */
function sumHighlights(t: MatrixTable, at: (r: string, c: string) => { row: number; col: number } | undefined): ConditionalFormat[] {
  const out: ConditionalFormat[] = [];
  const rows = axisLeaves(t.rows).map((l) => l.node);
  const cols = axisLeaves(t.columns).map((l) => l.node);
  const addr = (p: { row: number; col: number }) => cellAddress(p.row, p.col);
  const all = <T,>(xs: (T | undefined)[]): xs is T[] => xs.every((x) => x !== undefined);
  for (const r of rows.filter((x) => x.total)) {
    const first = at(r.id, cols[0].id);
    const last = at(r.id, cols[cols.length - 1].id);
    const parts = r.total!.of.map((o) => at(o, cols[0].id));
    if (!first || !last || !all(parts)) continue;
    out.push({
      rule: r.total!.rule,
      area: { row: first.row, col: first.col, rows: 1, cols: last.col - first.col + 1 },
      formula: `AND(COUNT(${sumArgs([...parts, first])})=${parts.length + 1},${addr(first)}<>SUM(${sumArgs(parts)}))`,
    });
  }
  for (const c of cols.filter((x) => x.total)) {
    const first = at(rows[0].id, c.id);
    const last = at(rows[rows.length - 1].id, c.id);
    const parts = c.total!.of.map((o) => at(rows[0].id, o));
    if (!first || !last || !all(parts)) continue;
    out.push({
      rule: c.total!.rule,
      area: { row: first.row, col: first.col, rows: last.row - first.row + 1, cols: 1 },
      formula: `AND(COUNT(${sumArgs([...parts, first])})=${parts.length + 1},${addr(first)}<>SUM(${sumArgs(parts)}))`,
    });
  }
  for (const bal of BALANCES.filter((x) => x.table === t.id)) {
    const ids = [...bal.lhs, ...bal.rhs];
    const places = ids.map((rid) => at(rid, cols[0].id));
    const lastCol = at(rows[0].id, cols[cols.length - 1].id);
    if (!all(places) || !lastCol) continue;
    const c0 = places[0].col;
    const ref = (i: number) => cellAddress(places[i].row, c0, true, false);
    const lhs = bal.lhs.map((_, i) => ref(i));
    const rhs = bal.rhs.map((_, i) => ref(bal.lhs.length + i));
    const formula = `AND(COUNT(${[...lhs, ...rhs].join(",")})=${ids.length},${lhs.join("+")}<>${rhs.join("+")})`;
    // one area per contiguous run of the balance's rows; rows are $-anchored so the formula is the same in each
    const rowNums = places.map((p) => p.row).sort((x, y) => x - y);
    let start = rowNums[0];
    rowNums.forEach((row, i) => {
      if (i === rowNums.length - 1 || rowNums[i + 1] !== row + 1) {
        out.push({ rule: bal.rule as HighlightRule, area: { row: start, col: c0, rows: row - start + 1, cols: lastCol.col - c0 + 1 }, formula });
        start = rowNums[i + 1];
      }
    });
  }
  return out;
}

const INVALID: Record<CellKind, (x: string) => string> = {
  count: (x) => `IFERROR(AND(${x}<>"",OR(NOT(ISNUMBER(${x})),${x}<0,${x}<>INT(${x}))),TRUE)`,
  signedCount: (x) => `IFERROR(AND(${x}<>"",OR(NOT(ISNUMBER(${x})),${x}<>INT(${x}))),TRUE)`,
  amountWan: (x) => `IFERROR(AND(${x}<>"",OR(NOT(ISNUMBER(${x})),${x}<0)),TRUE)`,
  amount: (x) => `IFERROR(AND(${x}<>"",OR(NOT(ISNUMBER(${x})),${x}<0)),TRUE)`,
};

/** Rectangles covering the given areas (same height, side by side, or same columns, stacked), in order. */
export function rectangles(areas: Area[]): Area[] {
  const rowRuns: Area[] = [];
  for (const a of [...areas].sort((x, y) => x.row - y.row || x.col - y.col)) {
    const last = rowRuns[rowRuns.length - 1];
    if (last && last.row === a.row && last.rows === a.rows && last.col + last.cols === a.col) last.cols += a.cols;
    else rowRuns.push({ ...a });
  }
  const out: Area[] = [];
  for (const a of rowRuns) {
    const above = out.find((o) => o.col === a.col && o.cols === a.cols && o.row + o.rows === a.row);
    if (above) above.rows += a.rows;
    else out.push({ ...a });
  }
  return out;
}

const KINDS: readonly CellKind[] = ["count", "signedCount", "amountWan", "amount"];

function validations(b: Builder, form: FormDef): void {
  for (const kind of KINDS) {
    const inputs = form.cells.filter((c) => c.kind === kind && !c.computed);
    for (const area of rectangles(inputs.map((c) => b.spans.get(c.id)!))) b.validations.push({ area, kind });
  }
}

/**
 * Every conditional format of a form whose cells are where `areaOf` says (their merged area where known):
 * R1, R2–R6 and invalid values. The layout writes these; a fix can find and restore them on a bound form.
 */
export function highlights(form: FormDef, areaOf: (id: string) => Area | undefined): ConditionalFormat[] {
  const out: ConditionalFormat[] = [];
  for (const t of form.tables.filter((x): x is MatrixTable => x.layout === "matrix")) {
    out.push(...sumHighlights(t, (r, c) => areaOf(cellId(t, r, c))));
  }
  for (const kind of KINDS) {
    const areas = form.cells.filter((c) => c.kind === kind).map((c) => areaOf(c.id)).filter((a): a is Area => a !== undefined);
    for (const area of rectangles(areas)) out.push({ rule: "invalid", area, formula: INVALID[kind](cellAddress(area.row, area.col)) });
  }
  return out;
}

/** Row heights (points) that show every label whole at 宋体 10 pt. */
function rowHeights(cells: PlanCell[], merges: Area[], top: number, count: number, styles: Record<StyleKey, CellStyle>): number[] {
  const heights = Array.from({ length: count }, () => 15);
  const mergeAt = new Map(merges.map((m) => [`${m.row}:${m.col}`, m]));
  const textWidth = (s: string, size: number) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x100 ? 0.55 : 1) * size, 0);
  const need = (c: PlanCell) => {
    const st = styles[c.style];
    const m = mergeAt.get(`${c.row}:${c.col}`);
    const width = (m?.cols ?? 1) * COLUMN_WIDTH_PT - 5;
    const lines = st.wrap ? Math.max(1, Math.ceil(textWidth(String(c.value ?? ""), st.size) / width)) : 1;
    return { rows: m?.rows ?? 1, height: lines * st.size * 1.3 + 4 };
  };
  const texts = cells.filter((c) => typeof c.value === "string");
  for (const c of texts) {
    const n = need(c);
    if (n.rows === 1) heights[c.row - top] = Math.max(heights[c.row - top], Math.ceil(n.height));
  }
  for (const c of texts) {
    const n = need(c);
    if (n.rows === 1) continue;
    const have = heights.slice(c.row - top, c.row - top + n.rows).reduce((a, h) => a + h, 0);
    if (have < n.height) {
      const add = Math.ceil((n.height - have) / n.rows);
      for (let i = 0; i < n.rows; i++) heights[c.row - top + i] += add;
    }
  }
  return heights;
}

/** The whole sheet plan for a form: cells, merges, styles, names, formulas, validation, highlighting. */
export function planForm(form: FormDef, options: PlanOptions): SheetPlan {
  const origin = options.origin ?? { row: 0, col: 0 };
  const b = new Builder(origin.col, options.prefix ?? "NB_");
  let r = origin.row;
  b.put(r, 0, 1, GRID_COLUMNS, "title", sheetTitle(options.unit, options.year));
  r += 2;
  const tables = {} as Record<TableId, Area>;
  const pageBreaks: number[] = [];
  for (const t of form.tables as TableDef[]) {
    if (t.id === "t4") pageBreaks.push(r);
    b.put(r++, 0, 1, GRID_COLUMNS, "heading", t.title);
    const top = r;
    r = t.layout === "blocks" ? layBlocks(b, t, top) : layMatrix(b, t, top);
    tables[t.id] = { row: top, col: origin.col, rows: r - top, cols: GRID_COLUMNS };
    r++;
  }
  validations(b, form);
  b.cfs.push(...highlights(form, (id) => b.spans.get(id)));
  for (const c of b.cells) {
    if (!c.cellId || c.formula) continue;
    if (options.sources) c.formula = `=${options.sources.map((s) => sheetRef(s.sheet) + cellAddress(s.at[c.cellId!].row, s.at[c.cellId!].col)).join("+")}`;
    else if (options.values && c.cellId in options.values) c.value = options.values[c.cellId];
  }
  b.names = formNames(form, (id) => b.spans.get(id), tables, b.prefix, { year: options.year, unit: options.unit, rollup: options.sources?.length });

  const area = { row: origin.row, col: origin.col, rows: r - 1 - origin.row, cols: GRID_COLUMNS };
  return {
    version: form.version,
    year: options.year,
    unit: options.unit,
    sheetName: defaultSheetName(options.year, options.unit),
    area,
    cells: b.cells,
    merges: b.merges,
    styles: STYLES,
    columnWidths: Array.from({ length: GRID_COLUMNS }, () => COLUMN_WIDTH_PT),
    rowHeights: rowHeights(b.cells, b.merges, area.row, area.rows, STYLES),
    names: b.names,
    validations: b.validations,
    conditionalFormats: b.cfs,
    tables,
    pageBreaks,
    cellAt: b.cellAt,
  };
}

export { absoluteAddress };
