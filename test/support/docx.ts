import { strToU8, zipSync } from "fflate";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A cell of a Word table: text, and how it is merged (gridSpan across, vMerge down). */
export type DocxCell = string | { text: string; span?: number; vmerge?: "restart" | "continue" };

/** A minimal .docx: a title paragraph, then each table, as Word stores them. */
export function makeDocx(title: string, tables: DocxCell[][][]): Uint8Array {
  const cell = (c: DocxCell) => {
    const x = typeof c === "string" ? { text: c } : c;
    const pr = `${x.span && x.span > 1 ? `<w:gridSpan w:val="${x.span}"/>` : ""}${x.vmerge ? `<w:vMerge${x.vmerge === "restart" ? ' w:val="restart"' : ""}/>` : ""}`;
    const paras = x.text.split("\n").map((t) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`).join("");
    return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${paras}</w:tc>`;
  };
  const body =
    `<w:p><w:r><w:t>${esc(title)}</w:t></w:r></w:p>` +
    tables.map((t) => `<w:tbl>${t.map((r) => `<w:tr>${r.map(cell).join("")}</w:tr>`).join("")}</w:tbl><w:p/>`).join("");
  return zipSync({
    "[Content_Types].xml": strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "word/document.xml": strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}
