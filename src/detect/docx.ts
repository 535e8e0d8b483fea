import { DOMParser, type Element } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { reportYear } from "./report";
import type { Grid } from "./textGrid";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MAX_UNZIPPED = 200 * 1024 * 1024;

export const DOCX_TEXT = {
  notDocx: "不是有效的 Word（.docx）文件",
  noTables: "Word 文件中没有表格",
  tooBig: "文件解压后超过 200 MB，可能已损坏",
} as const;

const children = (el: Element, name: string): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W);
const texts = (el: Element): string => Array.from(el.getElementsByTagNameNS(W, "t")).map((t) => t.textContent ?? "").join("");

/** One Word table as the grid Excel receives when it is pasted: a merged cell's text in its first grid cell. */
function tableGrid(tbl: Element): Grid {
  const grid: Grid = [];
  for (const tr of children(tbl, "tr")) {
    const row: string[] = [];
    for (const tc of children(tr, "tc")) {
      const pr = children(tc, "tcPr")[0];
      const span = Number(pr && children(pr, "gridSpan")[0]?.getAttributeNS(W, "val")) || 1;
      const vmerge = pr && children(pr, "vMerge")[0];
      const continued = vmerge !== undefined && vmerge.getAttributeNS(W, "val") !== "restart";
      const text = continued ? "" : children(tc, "p").map(texts).join("\n");
      row.push(text, ...Array<string>(span - 1).fill(""));
    }
    grid.push(row);
  }
  return grid;
}

/** The tables of a .docx report, stacked with a blank row between, and the report year from its title. */
export function docxGrids(bytes: Uint8Array): { year?: number; grid: Grid; tables: number } {
  let total = 0;
  const files = unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      if (total > MAX_UNZIPPED) throw new Error(DOCX_TEXT.tooBig);
      return f.name === "word/document.xml";
    },
  });
  const xml = files["word/document.xml"];
  if (!xml) throw new Error(DOCX_TEXT.notDocx);
  const doc = new DOMParser().parseFromString(strFromU8(xml), "text/xml");
  const body = doc.getElementsByTagNameNS(W, "body")[0];
  if (!body) throw new Error(DOCX_TEXT.notDocx);
  const grid: Grid = [];
  const paragraphs: string[] = [];
  let tables = 0;
  for (const el of Array.from(body.childNodes).filter((n): n is Element => n.nodeType === 1)) {
    if (el.localName === "p") paragraphs.push(texts(el));
    else if (el.localName === "tbl") {
      tables++;
      grid.push(...tableGrid(el), []);
    }
  }
  return { year: reportYear(paragraphs.join("\n")), grid, tables };
}
