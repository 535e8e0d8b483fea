import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { parseAddress, parseArea, shiftFormula } from "../../layout/a1";
import type { RawCell } from "../../values";
import { MemorySheet, MemoryWorkbook, type MemoryCell } from "../memory";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A workbook that unpacks to more than this is refused (a zip bomb, or far larger than any report). */
export const MAX_UNZIPPED = 200 * 1024 * 1024;
export const XLSX_TEXT = { tooBig: "文件解压后超过 200 MB，可能已损坏或不是年报工作簿" } as const;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const xml = (text: string) => new DOMParser().parseFromString(text, "text/xml");
const els = (node: Document | Element, name: string): Element[] => Array.from(node.getElementsByTagNameNS(NS, name));
const text = (el: Element | undefined): string => (el ? Array.from(el.getElementsByTagNameNS(NS, "t")).map((t) => t.textContent ?? "").join("") : "");

/**
 * An .xlsx file as an in-memory workbook: values (cached formula results where saved), formulas (shared
 * ones expanded), merges and sheet-scoped names. One read of the file, however many sheets it has.
 */
export function readXlsx(bytes: Uint8Array): MemoryWorkbook {
  let total = 0;
  const files = unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      if (total > MAX_UNZIPPED) throw new Error(XLSX_TEXT.tooBig);
      return true;
    },
  });
  const get = (path: string) => (files[path] ? strFromU8(files[path]) : undefined);
  const book = xml(get("xl/workbook.xml") ?? "");
  const rels = xml(get("xl/_rels/workbook.xml.rels") ?? "<Relationships/>");
  const target = new Map(Array.from(rels.getElementsByTagName("Relationship")).map((r) => [r.getAttribute("Id"), r.getAttribute("Target") ?? ""]));
  const shared = els(xml(get("xl/sharedStrings.xml") ?? `<sst xmlns="${NS}"/>`), "si").map((si) => text(si));

  const sheetEls = els(book, "sheet");
  const wb = new MemoryWorkbook(sheetEls.map((s) => s.getAttribute("name") ?? ""));
  sheetEls.forEach((s, i) => {
    const t = target.get(s.getAttributeNS(REL, "id")) ?? "";
    const path = t.startsWith("/") ? t.slice(1) : `xl/${t}`;
    const doc = xml(get(path) ?? `<worksheet xmlns="${NS}"/>`);
    readSheet(doc, wb.sheets[i], shared);
  });
  for (const n of els(book, "definedName")) {
    const local = n.getAttribute("localSheetId");
    const name = n.getAttribute("name") ?? "";
    if (local === null || name.startsWith("_xlnm.")) continue;
    wb.sheets[Number(local)]?.names.set(name, `=${n.textContent ?? ""}`);
  }
  wb.batches = 0;
  return wb;
}

function readSheet(doc: Document, sheet: MemorySheet, shared: string[]): void {
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  for (const c of els(doc, "c")) {
    const ref = c.getAttribute("r");
    if (!ref) continue;
    const { row, col } = parseAddress(ref);
    const type = c.getAttribute("t");
    const v = c.getElementsByTagNameNS(NS, "v")[0]?.textContent ?? undefined;
    const f = c.getElementsByTagNameNS(NS, "f")[0];
    let value: RawCell = null;
    if (type === "s") value = shared[Number(v)] ?? "";
    else if (type === "inlineStr") value = text(c.getElementsByTagNameNS(NS, "is")[0]);
    else if (type === "b") value = v === "1";
    else if (type === "e") value = { error: v ?? "#N/A" };
    else if (type === "str") value = v ?? "";
    else if (v !== undefined) value = Number(v);
    const cell: MemoryCell = {};
    if (f) {
      const si = f.getAttribute("si");
      let formula = f.textContent ?? "";
      if (si !== null && formula) masters.set(si, { formula, row, col });
      else if (si !== null) {
        const m = masters.get(si);
        formula = m ? shiftFormula(m.formula, row - m.row, col - m.col) : "";
      }
      if (formula) {
        cell.formula = `=${formula}`;
        if (v !== undefined) cell.cached = value;
      }
    }
    if (!cell.formula && value !== null) cell.value = value;
    if (cell.formula || cell.value !== undefined) sheet.cells.set(`${row}:${col}`, cell);
  }
  for (const m of els(doc, "mergeCell")) {
    const ref = m.getAttribute("ref");
    if (ref) sheet.merges.push(parseArea(ref));
  }
}
