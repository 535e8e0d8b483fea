import type { CellKind, FormVersion, TableId } from "../forms/types";
import type { RuleId } from "../rules";
import type { Area } from "./a1";

export type StyleKey = "title" | "heading" | "caption" | "header" | "label" | "group" | "note" | "blank" | CellKind;

export interface CellStyle {
  font: string;
  size: number;
  bold: boolean;
  hAlign: "left" | "center";
  wrap: boolean;
  border: boolean;
  numberFormat: string;
}

export interface PlanCell {
  row: number;
  col: number;
  style: StyleKey;
  value?: string | number;
  /** A1 formula with a leading "=" */
  formula?: string;
  /** the form cell written here */
  cellId?: string;
}

export type NameKind = "table" | "row" | "column" | "cell" | "meta";

export interface PlanName {
  name: string;
  kind: NameKind;
  /** what the name points at (absolute on the plan's sheet), or a constant */
  area?: Area;
  constant?: string | number;
  /** the Chinese label shown beside the name in docs/names.md */
  label: string;
}

export interface Validation {
  area: Area;
  kind: CellKind;
}

/** R1–R6 as in domain.md, and "invalid" for values that are not numbers of the cell's kind. */
export type HighlightRule = Extract<RuleId, "R1" | "R2" | "R3" | "R4" | "R5" | "R6"> | "invalid";

export interface ConditionalFormat {
  area: Area;
  /** without "=", written relative to the top-left cell of area */
  formula: string;
  rule: HighlightRule;
}

export interface SheetPlan {
  version: FormVersion;
  year: number;
  unit: string;
  sheetName: string;
  /** every cell the plan writes lies inside this area */
  area: Area;
  cells: PlanCell[];
  merges: Area[];
  styles: Record<StyleKey, CellStyle>;
  /** width in points of each column of area, left to right */
  columnWidths: number[];
  /** height in points of each row of area, top to bottom */
  rowHeights: number[];
  names: PlanName[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  /** each table's whole range, headers included: what the user copies into Word */
  tables: Record<TableId, Area>;
  /** rows that start a new printed page (表四 keeps its heading and header together) */
  pageBreaks: number[];
  /** where each form cell is */
  cellAt: Record<string, { row: number; col: number }>;
}
