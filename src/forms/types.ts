export type FormVersion = "2021" | "2019";
export type TableId = "t2" | "t3" | "t4";

/** count: whole ≥ 0 · signedCount: whole, may be negative · amountWan: decimal ≥ 0 in 万元 · amount: decimal ≥ 0, no unit */
export type CellKind = "count" | "signedCount" | "amountWan" | "amount";

/** The hard rules whose sums are declared in the form itself. */
export type SumRuleId = "R2" | "R3" | "R4" | "R5" | "R6";

/** A total: this row (column) equals the sum of the listed sibling rows (columns). */
export interface TotalSpec {
  rule: SumRuleId;
  of: readonly string[];
}

/**
 * A node of a header or label hierarchy. A leaf is a data row (column); a group only spans its children.
 * Depth in the tree decides where the label sits: a leaf at depth d spans the remaining levels.
 */
export interface AxisNode {
  id: string;
  label: string;
  children?: readonly AxisNode[];
  total?: TotalSpec;
}

export interface MatrixTable {
  layout: "matrix";
  id: TableId;
  title: string;
  /** text of the top-left corner cell (表三's reconciliation note), spanning the label columns and header rows */
  note?: string;
  /** label columns on the left (3 for 表三, 0 for 表四) */
  labelDepth: number;
  /** header rows above the data (3 for 表三, 3 for 表四) */
  headerDepth: number;
  columns: readonly AxisNode[];
  rows: readonly AxisNode[];
  kind: CellKind;
  /** 表四 has one unlabelled data row: its cell ids leave the row out */
  singleRow?: boolean;
}

export interface BlockColumn {
  id: string;
  label: string;
  kind: CellKind;
}

export interface Block {
  id: string;
  caption: string;
  itemHeader: string;
  columns: readonly BlockColumn[];
  items: readonly { id: string; label: string }[];
}

export interface BlocksTable {
  layout: "blocks";
  id: TableId;
  title: string;
  /** width of the grid in columns: the item label column plus the widest block */
  width: number;
  blocks: readonly Block[];
}

export type TableDef = MatrixTable | BlocksTable;

/** One numeric cell of a form. */
export interface CellDef {
  id: string;
  table: TableId;
  row: string;
  col: string;
  kind: CellKind;
  /** row label path from the outermost group to the leaf */
  rowPath: readonly string[];
  /** column label path from the outermost group to the leaf */
  colPath: readonly string[];
  /** true where the layout writes a formula (a declared total) */
  computed: boolean;
}

export interface FormDef {
  version: FormVersion;
  name: string;
  issuedBy: string;
  /** first and last report year the form applies to (last undefined: still current) */
  years: readonly [number, number | undefined];
  tables: readonly TableDef[];
  cells: readonly CellDef[];
  cell(id: string): CellDef;
  table(id: TableId): TableDef;
}
