import { zipSync, strToU8 } from "fflate";
import { absoluteAddress, cellAddress, areaAddress, sheetRef, type Area } from "../../layout/a1";
import { constantFormula } from "../../layout/names";
import type { CellStyle, HighlightRule, SheetPlan, StyleKey } from "../../layout/plan";
import type { RawCell } from "../../values";
import type { CellKind } from "../../forms/types";
import { VALIDATION_TEXT } from "../../layout/texts";
import type { MemoryWorkbook } from "../memory";

/** One sheet of the file: a form plan (optionally filled) and/or loose cells. */
export interface XlsxSheet {
  name: string;
  plan?: SheetPlan;
  /** values typed into the form's cells, by cell id; a value on a total replaces its formula */
  values?: Readonly<Record<string, RawCell>>;
  /** further cells, e.g. probes in tests */
  cells?: { row: number; col: number; value?: RawCell; formula?: string }[];
  /** sheet-scoped names as formulas (='S'!$A$1, ="2021"); instead of the plan's when given */
  names?: readonly { name: string; formula: string }[];
  /** merged areas; instead of the plan's when given */
  merges?: readonly Area[];
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Highlight colours: arithmetic rules in Excel's light red, invalid values in its yellow. */
const DXF: Record<"sum" | "invalid", { fill: string; font: string }> = {
  sum: { fill: "FFFFC7CE", font: "FF9C0006" },
  invalid: { fill: "FFFFEB9C", font: "FF9C5700" },
};
const dxfIndex = (rule: HighlightRule): number => (rule === "invalid" ? 1 : 0);

class Styles {
  fonts: string[] = ['<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>'];
  numFmts: string[] = [];
  xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private keys = new Map<string, number>();

  index(style: CellStyle): number {
    const key = JSON.stringify(style);
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const font = `<font>${style.bold ? "<b/>" : ""}<sz val="${style.size}"/><name val="${esc(style.font)}"/><charset val="134"/></font>`;
    let fontId = this.fonts.indexOf(font);
    if (fontId < 0) fontId = this.fonts.push(font) - 1;
    let numFmtId = 0;
    if (style.numberFormat !== "General") {
      const at = this.numFmts.indexOf(style.numberFormat);
      numFmtId = 164 + (at >= 0 ? at : this.numFmts.push(style.numberFormat) - 1);
    }
    const align = `<alignment horizontal="${style.hAlign}" vertical="center"${style.wrap ? ' wrapText="1"' : ""}/>`;
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${style.border ? 1 : 0}" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"${numFmtId ? ' applyNumberFormat="1"' : ""}>${align}</xf>`;
    const id = this.xfs.push(xf) - 1;
    this.keys.set(key, id);
    return id;
  }

  xml(): string {
    const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
    const dxfs = Object.values(DXF).map((d) => `<dxf><font><color rgb="${d.font}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${d.fill}"/></patternFill></fill></dxf>`);
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (this.numFmts.length ? `<numFmts count="${this.numFmts.length}">${this.numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join("")}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${dxfs.length}">${dxfs.join("")}</dxfs>` +
      "</styleSheet>"
    );
  }
}

function cellXml(row: number, col: number, s: number | undefined, value: RawCell, formula?: string): string {
  const r = cellAddress(row, col);
  const sa = s !== undefined ? ` s="${s}"` : "";
  if (formula) return `<c r="${r}"${sa}><f>${esc(formula.replace(/^=/, ""))}</f></c>`;
  if (value === null || value === undefined || value === "") return `<c r="${r}"${sa}/>`;
  if (typeof value === "number") return `<c r="${r}"${sa}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${r}"${sa} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "object") return `<c r="${r}"${sa} t="e"><v>${esc(value.error)}</v></c>`;
  return `<c r="${r}"${sa} t="inlineStr"><is><t xml:space="preserve">${esc(value)}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet, styles: Styles): string {
  const plan = sheet.plan;
  const byPos = new Map<string, { row: number; col: number; s?: number; value?: RawCell; formula?: string }>();
  const key = (r: number, c: number) => `${r}:${c}`;
  if (plan) {
    const xf = Object.fromEntries(Object.entries(plan.styles).map(([k, st]) => [k, styles.index(st)])) as Record<StyleKey, number>;
    for (const c of plan.cells) {
      const typed = c.cellId !== undefined && sheet.values && c.cellId in sheet.values ? sheet.values[c.cellId] : undefined;
      const useTyped = typed !== undefined;
      byPos.set(key(c.row, c.col), { row: c.row, col: c.col, s: xf[c.style], value: useTyped ? typed : c.value, formula: useTyped ? undefined : c.formula });
    }
  }
  for (const c of sheet.cells ?? []) byPos.set(key(c.row, c.col), { ...byPos.get(key(c.row, c.col)), ...c });

  const rows = new Map<number, typeof byPos extends Map<string, infer V> ? V[] : never>();
  for (const c of byPos.values()) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
  const rowNums = [...rows.keys()].sort((a, b) => a - b);
  const height = (r: number) => (plan && r >= plan.area.row && r < plan.area.row + plan.area.rows ? plan.rowHeights[r - plan.area.row] : undefined);
  const sheetData = rowNums
    .map((r) => {
      const h = height(r);
      const cells = rows.get(r)!.sort((a, b) => a.col - b.col).map((c) => cellXml(c.row, c.col, c.s, c.value ?? null, c.formula)).join("");
      return `<row r="${r + 1}"${h ? ` ht="${h}" customHeight="1"` : ""}>${cells}</row>`;
    })
    .join("");

  const cols = plan ? `<cols>${plan.columnWidths.map((w, i) => `<col min="${plan.area.col + i + 1}" max="${plan.area.col + i + 1}" width="${(w / 5.25).toFixed(2)}" customWidth="1"/>`).join("")}</cols>` : "";
  const mergeList = sheet.merges ?? plan?.merges ?? [];
  const merges = mergeList.length ? `<mergeCells count="${mergeList.length}">${mergeList.map((m) => `<mergeCell ref="${areaAddress(m)}"/>`).join("")}</mergeCells>` : "";
  let priority = 1;
  const cfs = (plan?.conditionalFormats ?? [])
    .map((cf) => `<conditionalFormatting sqref="${areaAddress(cf.area)}"><cfRule type="expression" dxfId="${dxfIndex(cf.rule)}" priority="${priority++}"><formula>${esc(cf.formula)}</formula></cfRule></conditionalFormatting>`)
    .join("");
  const dvs = plan?.validations.length
    ? `<dataValidations count="${plan.validations.length}">${plan.validations.map((v) => validationXml(v.area, v.kind)).join("")}</dataValidations>`
    : "";
  return (
    XML_HEAD +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    '<sheetViews><sheetView workbookViewId="0" showGridLines="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols +
    `<sheetData>${sheetData}</sheetData>` +
    merges +
    cfs +
    dvs +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>' +
    (plan?.pageBreaks.length
      ? `<rowBreaks count="${plan.pageBreaks.length}" manualBreakCount="${plan.pageBreaks.length}">${plan.pageBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`
      : "") +
    "</worksheet>"
  );
}

function validationXml(area: Area, kind: CellKind): string {
  const t = VALIDATION_TEXT[kind];
  const type = kind === "count" || kind === "signedCount" ? "whole" : "decimal";
  const bounded = kind === "signedCount" ? `operator="between"` : `operator="greaterThanOrEqual"`;
  const formulas = kind === "signedCount" ? "<formula1>-1000000000</formula1><formula2>1000000000</formula2>" : "<formula1>0</formula1>";
  return (
    `<dataValidation type="${type}" ${bounded} allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop" ` +
    `promptTitle="${esc(t.promptTitle)}" prompt="${esc(t.prompt)}" errorTitle="${esc(t.errorTitle)}" error="${esc(t.error)}" sqref="${areaAddress(area)}">${formulas}</dataValidation>`
  );
}


/** An .xlsx file holding the given sheets, with each plan's sheet-scoped names, formulas, validation and highlighting. */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const styles = new Styles();
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s, styles))));

  const names = sheets.flatMap((s, i) => [
    ...(s.names ?? (s.plan?.names ?? []).map((n) => ({ name: n.name, formula: n.area ? `=${sheetRef(s.name)}${absoluteAddress(n.area)}` : constantFormula(n.constant) }))).map(
      (n) => `<definedName name="${esc(n.name)}" localSheetId="${i}">${esc(n.formula.replace(/^=/, ""))}</definedName>`,
    ),
    ...(s.plan ? [`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${esc(sheetRef(s.name) + absoluteAddress(s.plan.area))}</definedName>`] : []),
  ]);
  files["xl/workbook.xml"] = strToU8(
    XML_HEAD +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      "</sheets>" +
      (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") +
      '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      "</Relationships>",
  );
  files["xl/styles.xml"] = strToU8(styles.xml());
  files["_rels/.rels"] = strToU8(
    XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  files["[Content_Types].xml"] = strToU8(
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      "</Types>",
  );
  return zipSync(files, { level: 6 });
}

/** The sheets of an in-memory workbook, for writing it as a file. */
export function memorySheets(wb: MemoryWorkbook): XlsxSheet[] {
  return wb.sheets.map((s) => ({
    name: s.name,
    plan: s.plans[0],
    cells: [...s.cells.entries()].map(([k, c]) => {
      const [row, col] = k.split(":").map(Number);
      return { row, col, value: c.value, formula: c.formula };
    }),
    names: [...s.names.entries()].map(([name, formula]) => ({ name, formula })),
    merges: s.merges,
  }));
}
