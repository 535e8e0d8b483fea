import { TABLES_2019, TABLES_2021 } from "./definitions";
import type { AxisNode, CellDef, FormDef, FormVersion, MatrixTable, TableDef, TableId } from "./types";

export * from "./types";

export interface AxisLeaf {
  node: AxisNode;
  /** labels from the outermost group down to this leaf */
  path: readonly string[];
  /** 1-based depth of the leaf in the hierarchy */
  depth: number;
}

/** The data rows (or columns) of a hierarchy, in order, with their label paths. */
export function axisLeaves(nodes: readonly AxisNode[]): AxisLeaf[] {
  const out: AxisLeaf[] = [];
  const walk = (ns: readonly AxisNode[], path: string[]): void => {
    for (const n of ns) {
      const p = n.label ? [...path, n.label] : path;
      if (n.children) walk(n.children, p);
      else out.push({ node: n, path: p, depth: path.length + 1 });
    }
  };
  walk(nodes, []);
  return out;
}

export function cellId(table: TableDef, row: string, col: string): string {
  return table.layout === "matrix" && table.singleRow ? `${table.id}.${col}` : `${table.id}.${row}.${col}`;
}

function tableCells(table: TableDef): CellDef[] {
  if (table.layout === "blocks") {
    return table.blocks.flatMap((b) =>
      b.items.flatMap((item) =>
        b.columns.map((c) => ({
          id: cellId(table, item.id, c.id),
          table: table.id,
          row: item.id,
          col: c.id,
          kind: c.kind,
          rowPath: [b.caption, item.label],
          colPath: [c.label],
          computed: false,
        })),
      ),
    );
  }
  const cols = axisLeaves(table.columns);
  return axisLeaves(table.rows).flatMap((r) =>
    cols.map((c) => ({
      id: cellId(table, r.node.id, c.node.id),
      table: table.id,
      row: r.node.id,
      col: c.node.id,
      kind: table.kind,
      rowPath: r.path,
      colPath: c.path,
      computed: Boolean(r.node.total || c.node.total),
    })),
  );
}

function build(
  version: FormVersion,
  name: string,
  issuedBy: string,
  years: [number, number | undefined],
  tables: readonly TableDef[],
): FormDef {
  const cells = tables.flatMap(tableCells);
  const byId = new Map(cells.map((c) => [c.id, c]));
  if (byId.size !== cells.length) throw new Error(`duplicate cell id in form ${version}`);
  return {
    version,
    name,
    issuedBy,
    years,
    tables,
    cells,
    cell(id) {
      const c = byId.get(id);
      if (!c) throw new Error(`no cell ${id} in form ${version}`);
      return c;
    },
    table(id: TableId) {
      const t = tables.find((x) => x.id === id);
      if (!t) throw new Error(`no table ${id} in form ${version}`);
      return t;
    },
  };
}

export const FORM_2021 = build(
  "2021",
  "政府信息公开工作年度报告格式",
  "国办公开办函〔2021〕30号",
  [2021, undefined],
  TABLES_2021,
);
export const FORM_2019 = build(
  "2019",
  "政府信息公开工作年度报告格式（试行）",
  "国办公开办函〔2019〕60号",
  [2019, 2020],
  TABLES_2019,
);
export const FORMS: readonly FormDef[] = [FORM_2021, FORM_2019];

export function getForm(version: FormVersion): FormDef {
  return version === "2021" ? FORM_2021 : FORM_2019;
}

/** The form a report year is filled on, or undefined before the first national form (2019). */
export function formForYear(year: number): FormDef | undefined {
  if (!Number.isInteger(year)) return undefined;
  return FORMS.find((f) => year >= f.years[0] && (f.years[1] === undefined || year <= f.years[1]));
}

export function matrixTables(form: FormDef): MatrixTable[] {
  return form.tables.filter((t): t is MatrixTable => t.layout === "matrix");
}

/** A short Chinese name of a cell for messages: 表三「（三）不予公开 1.属于国家秘密」×「自然人」. */
export function cellLabel(form: FormDef, id: string): string {
  const c = form.cell(id);
  const tableName = TABLE_NAMES[c.table];
  const leafCount = form.cells.filter((x) => x.table === c.table && x.row === c.row && x.colPath.at(-1) === c.colPath.at(-1)).length;
  const col = (leafCount > 1 ? c.colPath.slice(-2) : c.colPath.slice(-1)).join(" ");
  const rowPath = c.rowPath.filter((p) => p !== "");
  const row = (rowPath.length >= 3 ? rowPath.slice(-2) : rowPath.slice(-1)).join(" ");
  return row ? `${tableName}「${row}」×「${col}」` : `${tableName}「${col}」`;
}

export const TABLE_NAMES: Record<TableId, string> = { t2: "表二", t3: "表三", t4: "表四" };
