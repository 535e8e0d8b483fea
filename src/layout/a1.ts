/** A rectangle of cells, 0-based. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The smallest area holding all the given cells (or areas); undefined when there are none. A loop, so a
 * sheet's worth of cells does not overflow Math.min's argument list. */
export function bounding(items: Iterable<{ row: number; col: number; rows?: number; cols?: number } | undefined>): Area | undefined {
  let r0 = Infinity, c0 = Infinity, r1 = -Infinity, c1 = -Infinity;
  for (const a of items) {
    if (!a) continue;
    r0 = Math.min(r0, a.row);
    c0 = Math.min(c0, a.col);
    r1 = Math.max(r1, a.row + (a.rows ?? 1));
    c1 = Math.max(c1, a.col + (a.cols ?? 1));
  }
  return r0 === Infinity ? undefined : { row: r0, col: c0, rows: r1 - r0, cols: c1 - c0 };
}

export function colLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function cellAddress(row: number, col: number, absRow = false, absCol = false): string {
  return `${absCol ? "$" : ""}${colLetters(col)}${absRow ? "$" : ""}${row + 1}`;
}

export function areaAddress(a: Area): string {
  const tl = cellAddress(a.row, a.col);
  return a.rows === 1 && a.cols === 1 ? tl : `${tl}:${cellAddress(a.row + a.rows - 1, a.col + a.cols - 1)}`;
}

/** $A$1:$B$2 — for names, which must not move. */
export function absoluteAddress(a: Area): string {
  const tl = cellAddress(a.row, a.col, true, true);
  return a.rows === 1 && a.cols === 1 ? tl : `${tl}:${cellAddress(a.row + a.rows - 1, a.col + a.cols - 1, true, true)}`;
}

/** Sheet name as a formula reference prefix: 'My sheet'! */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a1);
  if (!m) throw new Error(`not a cell address: ${a1}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

export function parseArea(a1: string): Area {
  const [a, b = a] = a1.replace(/^.*!/, "").split(":");
  const p = parseAddress(a);
  const q = parseAddress(b);
  return { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col), rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

/**
 * The same formula as seen from a cell dr rows and dc columns further on: relative references move,
 * $-anchored parts stay. (How a conditional format's formula applies to each cell of its range.)
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  return formula.replace(/("[^"]*")|(?<![A-Za-z_])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g, (_m, str, dCol, letters, dRow, digits) => {
    if (str) return str;
    const col = dCol ? colIndex(letters) : colIndex(letters) + dc;
    const row = dRow ? Number(digits) - 1 : Number(digits) - 1 + dr;
    return `${dCol}${colLetters(col)}${dRow}${row + 1}`;
  });
}

/** Contiguous runs of the given cells as SUM arguments: I12:I31 or I12,I15. */
export function sumArgs(cells: readonly { row: number; col: number }[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < cells.length) {
    let j = i;
    const sameCol = (k: number) => cells[k + 1].col === cells[k].col && cells[k + 1].row === cells[k].row + 1;
    const sameRow = (k: number) => cells[k + 1].row === cells[k].row && cells[k + 1].col === cells[k].col + 1;
    const step = j + 1 < cells.length ? (sameCol(j) ? sameCol : sameRow(j) ? sameRow : undefined) : undefined;
    while (step && j + 1 < cells.length && step(j)) j++;
    const a = cells[i];
    const b = cells[j];
    parts.push(i === j ? cellAddress(a.row, a.col) : `${cellAddress(a.row, a.col)}:${cellAddress(b.row, b.col)}`);
    i = j + 1;
  }
  return parts.join(",");
}
