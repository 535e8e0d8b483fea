import { useEffect, useState, type CSSProperties } from "react";
import { cellAddress, type Area, type CellStyle } from "../layout";
import type { MemorySheet, MemoryWorkbook } from "../workbook/memory";
import type { Scalar } from "../workbook/memory/formula";
import { D } from "./strings";

const FONTS: Record<string, string> = {
  宋体: "SimSun, 'Noto Serif CJK SC', 'Songti SC', serif",
  楷体: "KaiTi, 'AR PL UKai CN', 'Noto Serif CJK SC', serif",
  黑体: "SimHei, 'Noto Sans CJK SC', 'Heiti SC', sans-serif",
};
const HIGHLIGHT = { sum: "#FFC7CE", invalid: "#FFEB9C" };
const PT = 96 / 72;

function shown(v: Scalar, format: string): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (format === "+0;-0;0") return v > 0 ? `+${v}` : String(v);
  if (format === "0.00##") return v.toFixed(4).replace(/(\.\d\d\d?)0+$/, "$1").replace(/(\.\d\d)0$/, "$1");
  return String(Math.round(v * 1e6) / 1e6);
}

const inside = (a: Area, r: number, c: number) => r >= a.row && r < a.row + a.rows && c >= a.col && c < a.col + a.cols;

/** The in-memory workbook drawn as an editable sheet: values, merges, styles and live highlighting. */
export function Grid({ wb }: { wb: MemoryWorkbook }) {
  const [, setTick] = useState(0);
  const [draft, setDraft] = useState<string>();
  useEffect(() => wb.watch(() => setTick((t) => t + 1)), [wb]);

  const sheet = wb.sheet(wb.selection.sheet) ?? wb.sheets[0];
  const sel = wb.selection.sheet === sheet.name ? wb.selection.area : { row: 0, col: 0, rows: 1, cols: 1 };
  const current = sheet.cells.get(`${sel.row}:${sel.col}`);
  const raw = current?.formula ?? (current?.value === undefined || current?.value === null ? "" : typeof current.value === "object" ? current.value.error : String(current.value));

  const commit = () => {
    if (draft === undefined) return;
    wb.input(sheet.name, sel.row, sel.col, draft);
    setDraft(undefined);
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%" }}>
      <div role="tablist" aria-label={D.sheets} style={{ display: "flex", gap: 4, padding: 4, background: "#f3f3f3" }}>
        {wb.sheets.map((s) => (
          <button key={s.name} role="tab" aria-selected={s === sheet} onClick={() => void wb.select(s.name, { row: 0, col: 0, rows: 1, cols: 1 })} style={{ fontWeight: s === sheet ? 600 : 400 }}>
            {s.name}
          </button>
        ))}
      </div>
      <label style={{ display: "flex", gap: 6, alignItems: "center", padding: 4, borderBottom: "1px solid #ccc" }}>
        <span style={{ minWidth: 90 }}>{D.cell(cellAddress(sel.row, sel.col))}</span>
        <input
          aria-label={D.formulaBar}
          value={draft ?? raw}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") setDraft(undefined);
          }}
          onBlur={commit}
          style={{ flex: 1, fontSize: 14, padding: 2 }}
        />
      </label>
      <div style={{ overflow: "auto", flex: 1 }}>
        <SheetTable wb={wb} sheet={sheet} sel={sel} onSelect={(r, c) => (setDraft(undefined), void wb.select(sheet.name, { row: r, col: c, rows: 1, cols: 1 }))} />
      </div>
    </div>
  );
}

function SheetTable({ wb, sheet, sel, onSelect }: { wb: MemoryWorkbook; sheet: MemorySheet; sel: Area; onSelect: (r: number, c: number) => void }) {
  const keys = [...sheet.cells.keys()].map((k) => k.split(":").map(Number));
  const rows = Math.max(30, ...keys.map(([r]) => r + 3));
  const cols = Math.max(16, ...keys.map(([, c]) => c + 2));
  const plan = sheet.plans[0];
  const width = (c: number) => (plan && c >= plan.area.col && c < plan.area.col + plan.area.cols ? plan.columnWidths[c - plan.area.col] * PT : 64);
  const height = (r: number) => (plan && r >= plan.area.row && r < plan.area.row + plan.area.rows ? plan.rowHeights[r - plan.area.row] * PT : 20);
  const mergeAt = new Map(sheet.merges.map((m) => [`${m.row}:${m.col}`, m]));
  const covered = new Set<string>();
  for (const m of sheet.merges) for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`);

  return (
    <table role="grid" aria-label={D.sheet(sheet.name)} style={{ borderCollapse: "collapse", tableLayout: "fixed" }}>
      <colgroup>
        {Array.from({ length: cols }, (_, c) => (
          <col key={c} style={{ width: width(c) }} />
        ))}
      </colgroup>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r} style={{ height: height(r) }}>
            {Array.from({ length: cols }, (_, c) => {
              if (covered.has(`${r}:${c}`)) return null;
              const m = mergeAt.get(`${r}:${c}`);
              const cell = sheet.cells.get(`${r}:${c}`);
              const st: CellStyle | undefined = cell?.style && plan ? plan.styles[cell.style] : undefined;
              const rule = wb.highlightAt(sheet, r, c);
              const selected = inside(sel, r, c);
              const style: CSSProperties = {
                border: st?.border ? "1px solid #000" : "1px solid #e4e4e4",
                fontFamily: st ? FONTS[st.font] : undefined,
                fontSize: st ? st.size * PT : 13,
                fontWeight: st?.bold ? 600 : undefined,
                textAlign: st?.hAlign ?? "left",
                whiteSpace: st?.wrap ? "normal" : "nowrap",
                padding: "0 2px",
                overflow: "hidden",
                background: rule ? (rule === "invalid" ? HIGHLIGHT.invalid : HIGHLIGHT.sum) : undefined,
                outline: selected ? "2px solid #217346" : undefined,
                outlineOffset: -2,
                cursor: "cell",
              };
              return (
                <td
                  key={c}
                  role="gridcell"
                  data-addr={cellAddress(r, c)}
                  data-highlight={rule}
                  aria-selected={selected}
                  rowSpan={m?.rows}
                  colSpan={m?.cols}
                  style={style}
                  onClick={() => onSelect(r, c)}
                >
                  {shown(wb.valueAt(sheet, r, c), st?.numberFormat ?? "General")}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
