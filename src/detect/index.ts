import { axisLeaves, cellId, FORMS } from "../forms";
import { canonicalLabel as canonicalUncached, foldLabel, type CanonicalLabel } from "../forms/labels";
import type { AxisNode, BlocksTable, FormDef, FormVersion, MatrixTable, TableId } from "../forms/types";
import { parseCell } from "../values";
import { bounding } from "../layout/a1";

export { textToGrid, sections, type Grid } from "./textGrid";

/** What detection saw and decided, in Chinese, with the cell it is about where there is one. */
export interface DetectNote {
  code: "variant" | "format" | "other_version" | "old_row" | "split_label" | "fuzzy" | "short_row" | "long_row" | "duplicate_row" | "missing_row" | "unplaced" | "no_table";
  message: string;
  cell?: { row: number; col: number };
}

export interface Detection {
  version?: FormVersion;
  form?: FormDef;
  /** form cell id → grid cell (0-based row and column of the given grid) */
  binding: Record<string, { row: number; col: number }>;
  tables: TableId[];
  /** each found table's extent in the grid: its labels, headers and data cells */
  areas: Partial<Record<TableId, { row: number; col: number; rows: number; cols: number }>>;
  warnings: DetectNote[];
}

type Cell = string | number | boolean | null | undefined;

const canonCache = new Map<string, CanonicalLabel>();
/** Labels repeat across rows and calls; normalising each text once keeps big grids fast. */
function canonicalLabel(s: string): CanonicalLabel {
  let c = canonCache.get(s);
  if (!c) {
    if (canonCache.size > 50_000) canonCache.clear();
    c = canonicalUncached(s);
    canonCache.set(s, c);
  }
  return c;
}

const isBlank = (s: string) => s.replace(/[\s\u00A0\u3000]/g, "") === "";
const strip = (s: string) => s.replace(/[\s\u00A0\u3000]/g, "");

/** A cell that holds a value (or could: blank, number, "/", "3件"), not a label. */
function valueLike(s: string): boolean {
  if (/^[\s\u00A0\u3000]*[+-]?[\d.,]*[\s\u00A0\u3000]*$/.test(s)) return true;
  const p = parseCell(s, "amount");
  return p.value !== undefined || p.findings.some((f) => f.code === "placeholder" || f.code === "wrong_unit" || f.code === "negative" || f.code === "excel_error");
}

interface Label {
  official: string;
  key: string;
}

const gramCache = new Map<string, string[]>();
function grams(s: string): string[] {
  let g = gramCache.get(s);
  if (!g) {
    if (gramCache.size > 50_000) gramCache.clear();
    g = Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
    gramCache.set(s, g);
  }
  return g;
}

/** Character-bigram similarity (Dice), for typos no list foresees. */
function similarity(a: string, b: string): number {
  const A = grams(a);
  const B = grams(b);
  if (!A.length || !B.length) return a === b ? 1 : 0;
  const counts = new Map<string, number>();
  for (const g of B) counts.set(g, (counts.get(g) ?? 0) + 1);
  let hit = 0;
  for (const g of A) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      hit++;
      counts.set(g, n - 1);
    }
  }
  return (2 * hit) / (A.length + B.length);
}

class Notes {
  list: DetectNote[] = [];
  private seen = new Set<string>();
  add(note: DetectNote, once?: string): void {
    const k = once ?? `${note.code}|${note.message}|${note.cell?.row}:${note.cell?.col}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.list.push(note);
  }
}

const at = (row: number, col: number) => ({ row, col });
const where = (c: { row: number; col: number }) => `第 ${c.row + 1} 行第 ${c.col + 1} 列`;

/** Matches written text to one official label: exact after normalisation, else a unique close match. */
function matchOne(text: string, labels: readonly Label[], notes: Notes, cell: { row: number; col: number }, allowFuzzy = true): Label | undefined {
  const canon = canonicalLabel(text);
  const exact = labels.find((l) => l.key === canon.key);
  const found = exact ?? (allowFuzzy ? fuzzy(canon.key, labels) : undefined);
  if (!found) return undefined;
  for (const v of canon.variants) notes.add({ code: "variant", message: `${where(cell)}「${strip(text)}」：${v.note}，正式表述为“${found.official}”。`, cell });
  if (!exact) notes.add({ code: "fuzzy", message: `${where(cell)}「${strip(text)}」与正式表述不完全一致，按“${found.official}”识别，请核对。`, cell });
  else if (!canon.variants.length && strip(text) !== found.official && foldLabel(text) === foldLabel(found.official)) {
    notes.add({ code: "format", message: `「${strip(text)}」的括号或编号写法与正式表述“${found.official}”不同。`, cell }, `format|${strip(text)}`);
  }
  return found;
}

function fuzzy(key: string, labels: readonly Label[]): Label | undefined {
  if (key.length < 4) return undefined;
  const scored = labels.map((l) => ({ l, s: similarity(key, l.key) })).sort((a, b) => b.s - a.s);
  if (scored[0] && scored[0].s >= 0.75 && (scored.length === 1 || scored[0].s - scored[1].s >= 0.1)) return scored[0].l;
  return undefined;
}

const labelsOf = (texts: readonly string[]): Label[] => [...new Set(texts)].map((official) => ({ official, key: canonicalLabel(official).key }));

/** Labels only one version of the form has: they decide the version. */
function versionLabels(form: FormDef): string[] {
  const all = (f: FormDef) =>
    f.tables.flatMap((t) =>
      t.layout === "blocks" ? t.blocks.flatMap((b) => [b.caption, ...b.columns.map((c) => c.label), ...b.items.map((i) => i.label)]) : allAxis(t.rows),
    );
  const other = new Set(all(FORMS.find((f) => f !== form)!).map((l) => canonicalLabel(l).key));
  return all(form).filter((l) => !other.has(canonicalLabel(l).key));
}

function allAxis(nodes: readonly AxisNode[]): string[] {
  return nodes.flatMap((n) => [n.label, ...allAxis(n.children ?? [])]).filter(Boolean);
}

interface Row {
  index: number;
  labels: { col: number; text: string }[];
  /** cells after the last label, trailing blanks dropped */
  values: { col: number; text: string }[];
}

function rowsOf(grid: string[][]): Row[] {
  return grid.map((cells, index) => {
    let end = cells.length;
    while (end > 0 && cells[end - 1] === "") end--;
    const labels = cells.slice(0, end).map((text, col) => ({ col, text })).filter((c) => !valueLike(c.text));
    const last = labels.length ? labels[labels.length - 1].col : -1;
    const values = cells.slice(last + 1, end).map((text, i) => ({ col: last + 1 + i, text }));
    return { index, labels, values };
  });
}

/**
 * Finds 表二, 表三 and 表四 of either form in a grid of cell texts (a pasted Word table, a sheet region,
 * a text report), places every data cell it can, and says what it noticed. Never throws on odd input.
 */
export function detect(input: readonly (readonly Cell[])[]): Detection {
  const grid = input.map((r) => (Array.isArray(r) ? r : []).map((c) => (c === null || c === undefined ? "" : String(c))));
  const notes = new Notes();
  const rows = rowsOf(grid);
  const keys = new Set(rows.flatMap((r) => r.labels.map((l) => canonicalLabel(l.text).key)));
  const score = (f: FormDef) => versionLabels(f).filter((l) => keys.has(canonicalLabel(l).key)).length;
  const [best, other] = [...FORMS].sort((a, b) => score(b) - score(a));
  const form = score(best) > 0 ? best : undefined;
  if (!form) {
    notes.add({ code: "no_table", message: "没有找到政府信息公开工作年度报告的统计表（表二、表三、表四）。请选中表格所在的区域再试。" });
    return { binding: {}, tables: [], areas: {}, warnings: notes.list };
  }
  if (score(other) > 0) {
    notes.add({ code: "other_version", message: `表格按 ${form.version} 版识别，但其中也有 ${other.version} 版的标签：${versionLabels(other).filter((l) => keys.has(canonicalLabel(l).key)).map((l) => `“${l}”`).join("、")}。` });
  }
  const binding: Record<string, { row: number; col: number }> = {};
  const used = new Set<string>();
  const tables: TableId[] = [];
  const areas: Detection["areas"] = {};
  for (const t of form.tables) {
    const usedBefore = new Set(used);
    const boundBefore = new Set(Object.keys(binding));
    const found = t.layout === "blocks" ? detectBlocks(t, form.version, other, rows, binding, used, notes) : t.singleRow ? detectSingleRow(t, rows, binding, used, notes) : detectMatrix(t, other, rows, binding, used, notes);
    if (!found) continue;
    tables.push(t.id);
    areas[t.id] = bounding([
      ...[...used].filter((k) => !usedBefore.has(k)).map((k) => ({ row: Number(k.split(":")[0]), col: Number(k.split(":")[1]) })),
      ...Object.entries(binding).filter(([id]) => !boundBefore.has(id)).map(([, p]) => p),
    ]);
  }
  // every label cell inside a found table's rows that nothing explained
  const span = bounding(Object.values(binding));
  const lo = span ? span.row : Infinity;
  const hi = span ? span.row + span.rows - 1 : -Infinity;
  for (const r of rows) {
    if (r.index < lo - 4 || r.index > hi) continue;
    for (const l of r.labels) {
      if (!used.has(`${r.index}:${l.col}`)) notes.add({ code: "unplaced", message: `${where(at(r.index, l.col))}的「${strip(l.text).slice(0, 40)}」无法识别为表格中的标签，已跳过，请核对。`, cell: at(r.index, l.col) });
    }
  }
  return { version: form.version, form, binding, tables, areas, warnings: notes.list };
}

function bindRight(values: Row["values"], ids: readonly string[], row: number, binding: Detection["binding"], notes: Notes, name: string): boolean {
  const cell = at(row, values[0]?.col ?? 0);
  if (values.length < ids.length) {
    notes.add({ code: "short_row", message: `${where(cell)}起的「${name}」只有 ${values.length} 个数字格，应为 ${ids.length} 个；这一行没有绑定，请核对。`, cell });
    return false;
  }
  const extra = values.slice(0, values.length - ids.length);
  if (extra.some((v) => !isBlank(v.text))) notes.add({ code: "long_row", message: `「${name}」有 ${values.length} 个数字格，应为 ${ids.length} 个；按最右边的 ${ids.length} 个识别，请核对。`, cell });
  const take = values.slice(values.length - ids.length);
  ids.forEach((id, i) => (binding[id] = at(row, take[i].col)));
  return true;
}

function detectMatrix(t: MatrixTable, other: FormDef, rows: Row[], binding: Detection["binding"], used: Set<string>, notes: Notes): boolean {
  const leaves = axisLeaves(t.rows);
  const cols = axisLeaves(t.columns).map((l) => l.node.id);
  const leafLabels = labelsOf(leaves.map((l) => l.node.label));
  const groups = allAxis(t.rows).filter((l) => !leaves.some((x) => x.node.label === l));
  const otherT = other.table(t.id) as MatrixTable;
  const otherLeaves = labelsOf(axisLeaves(otherT.rows).map((l) => l.node.label)).filter((l) => !leafLabels.some((x) => x.key === l.key));
  const headerish = labelsOf([...allAxis(t.columns), t.note ?? "", ...groups].filter(Boolean));
  const seen = new Map<string, number>();
  const partial: { key: string; cell: { row: number; col: number } }[] = [];
  let found = false;

  for (const r of rows) {
    if (!r.labels.length) continue;
    const last = r.labels[r.labels.length - 1];
    const cell = at(r.index, last.col);
    let leaf: Label | undefined;
    let labelCells = [last];
    if (r.values.length) {
      // exact on the last label; then 一、 | 本年新收… broken over two cells; then a close match
      leaf = matchOne(last.text, leafLabels, new Notes(), cell, false);
      if (!leaf && r.labels.length > 1) {
        leaf = matchOne(r.labels.map((l) => l.text).join(""), leafLabels, new Notes(), cell, false);
        if (leaf) labelCells = r.labels;
      }
      leaf ??= matchOne(last.text, leafLabels, new Notes(), cell);
    }
    if (leaf) matchOne(labelCells.map((l) => l.text).join(""), [leaf], notes, cell);
    if (!leaf && r.values.length) {
      const old = matchOne(last.text, otherLeaves, new Notes(), cell);
      if (old) notes.add({ code: "other_version", message: `${where(cell)}的「${strip(last.text)}」是 ${other.version} 版的行，本表按另一版本识别，这一行没有绑定。`, cell });
    }
    if (leaf) {
      const node = leaves.find((l) => canonicalLabel(l.node.label).key === leaf!.key)!.node;
      if (seen.has(node.id)) {
        notes.add({ code: "duplicate_row", message: `${where(cell)}的「${node.label}」在第 ${seen.get(node.id)! + 1} 行已经出现过，按第一次出现的行识别。`, cell });
        labelCells.forEach((l) => used.add(`${r.index}:${l.col}`));
        continue;
      }
      seen.set(node.id, r.index);
      labelCells.forEach((l) => used.add(`${r.index}:${l.col}`));
      if (bindRight(r.values, cols.map((c) => cellId(t, node.id, c)), r.index, binding, notes, node.label)) found = true;
    }
    // group labels, header labels, and the pieces of a label split over two rows
    for (const l of r.labels) {
      if (used.has(`${r.index}:${l.col}`)) continue;
      const c = at(r.index, l.col);
      const key = canonicalLabel(l.text).key;
      const head = partial.find((p) => groups.some((g) => canonicalLabel(g).key === p.key + key));
      if (matchOne(l.text, headerish, notes, c, false)) used.add(`${r.index}:${l.col}`);
      else if (groups.some((g) => canonicalLabel(g).key.startsWith(key) && key.length >= 2)) {
        partial.push({ key, cell: c });
        used.add(`${r.index}:${l.col}`);
      } else if (head) {
        const g = groups.find((x) => canonicalLabel(x).key === head.key + key)!;
        notes.add({ code: "split_label", message: `「${g}」被分在${where(head.cell)}和${where(c)}两处（常见于跨页的表格），已合并识别。`, cell: c });
        used.add(`${r.index}:${l.col}`);
      } else if (matchOne(l.text, headerish, notes, c)) used.add(`${r.index}:${l.col}`);
    }
  }
  if (found) {
    for (const l of leaves) if (!seen.has(l.node.id)) notes.add({ code: "missing_row", message: `表三缺少「${l.node.label}」这一行，它的单元格无法检查。` });
  }
  return found;
}

function detectSingleRow(t: MatrixTable, rows: Row[], binding: Detection["binding"], used: Set<string>, notes: Notes): boolean {
  const tops = labelsOf(t.columns.map((c) => c.label));
  const header = rows.findIndex((r) => tops.every((top) => r.labels.some((l) => canonicalLabel(l.text).key === top.key)));
  if (header < 0) return false;
  const headerLabels = labelsOf(allAxis(t.columns));
  const ids = axisLeaves(t.columns).map((c) => cellId(t, "", c.node.id));
  for (const r of rows.slice(header, header + t.headerDepth)) for (const l of r.labels) if (matchOne(l.text, headerLabels, notes, at(r.index, l.col))) used.add(`${r.index}:${l.col}`);
  const data = rows.slice(header + 1, header + t.headerDepth + 2).find((r) => r.labels.length === 0 && r.values.length > 0);
  if (!data) {
    notes.add({ code: "missing_row", message: "找到了表四的表头，但下面没有数字行。" });
    return false;
  }
  return bindRight(data.values, ids, data.index, binding, notes, "表四数字行");
}

function detectBlocks(t: BlocksTable, version: FormVersion, other: FormDef, rows: Row[], binding: Detection["binding"], used: Set<string>, notes: Notes): boolean {
  const captions = labelsOf(t.blocks.map((b) => b.caption));
  const otherT = other.table(t.id) as BlocksTable;
  let found = false;
  const starts = rows.filter((r) => r.labels.length === 1 && matchOne(r.labels[0].text, captions, new Notes(), at(r.index, r.labels[0].col)));
  for (const [i, start] of starts.entries()) {
    const caption = matchOne(start.labels[0].text, captions, notes, at(start.index, start.labels[0].col))!;
    used.add(`${start.index}:${start.labels[0].col}`);
    const block = t.blocks.find((b) => canonicalLabel(b.caption).key === caption.key)!;
    const otherBlock = otherT.blocks.find((b) => canonicalLabel(b.caption).key === caption.key);
    const end = starts[i + 1]?.index ?? start.index + 2 + block.items.length + 2;
    const body = rows.filter((r) => r.index > start.index && r.index < end);
    const heads = labelsOf([block.itemHeader, ...block.columns.map((c) => c.label)]);
    const otherHeads = labelsOf(otherBlock ? otherBlock.columns.map((c) => c.label) : []).filter((l) => !heads.some((h) => h.key === l.key));
    for (const r of body) {
      for (const l of r.labels) {
        const c = at(r.index, l.col);
        if (matchOne(l.text, heads, notes, c)) used.add(`${r.index}:${l.col}`);
        else if (matchOne(l.text, otherHeads, new Notes(), c)) {
          notes.add({ code: "other_version", message: `${where(c)}「${strip(l.text)}」是 ${other.version} 版表二的栏目；${block.caption}按 ${version} 版的“${block.columns.map((x) => x.label).join("”“")}”识别。`, cell: c });
          used.add(`${r.index}:${l.col}`);
        }
      }
      const first = r.labels[0];
      if (!first || r.labels.length !== 1) continue;
      const c = at(r.index, first.col);
      const items = labelsOf(block.items.map((x) => x.label));
      let item = matchOne(first.text, items, notes, c, false);
      if (!item && otherBlock) {
        const olds = otherBlock.items.map((x) => ({ x, k: canonicalLabel(x.label).key }));
        const old = olds.find((o) => o.k === canonicalLabel(first.text).key);
        const same = old && block.items.find((x) => x.id === old.x.id);
        if (same) {
          notes.add({ code: "other_version", message: `${where(c)}「${strip(first.text)}」是 ${other.version} 版的标签，正式表述为“${same.label}”。`, cell: c });
          item = { official: same.label, key: canonicalLabel(same.label).key };
        }
      }
      item ??= matchOne(first.text, items, notes, c);
      if (!item) continue;
      used.add(`${r.index}:${first.col}`);
      const it = block.items.find((x) => canonicalLabel(x.label).key === item!.key)!;
      const filled = r.values.filter((v) => !isBlank(v.text));
      const ids = block.columns.map((col) => cellId(t, it.id, col.id));
      if (block.columns.length === 1 && filled.length === 3 && otherBlock?.columns.length === 3) {
        notes.add({ code: "old_row", message: `${where(c)}「${it.label}」填了三个数（${other.version} 版的${otherBlock.columns.map((x) => `“${x.label}”`).join("、")}），按 ${version} 版只取最后一个数作为“${block.columns[0].label}”。`, cell: c });
        binding[ids[0]] = at(r.index, filled[2].col);
        found = true;
        continue;
      }
      const vals = r.values.slice(0, Math.max(ids.length, r.values.length));
      const useful = vals.filter((v, k) => k < ids.length || !isBlank(v.text));
      if (useful.length > ids.length) notes.add({ code: "long_row", message: `${where(c)}「${it.label}」有 ${useful.length} 个数，应为 ${ids.length} 个；按前 ${ids.length} 个识别。`, cell: c });
      if (vals.length < ids.length) {
        notes.add({ code: "short_row", message: `${where(c)}「${it.label}」只有 ${vals.length} 个数字格，应为 ${ids.length} 个；这一行没有绑定。`, cell: c });
        continue;
      }
      ids.forEach((id, k) => (binding[id] = at(r.index, vals[k].col)));
      found = true;
    }
  }
  return found;
}
