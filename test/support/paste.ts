import type { MemoryWorkbook } from "../../src/workbook/memory";

/** What pasting a table into a sheet at (row, col) does: each cell's text typed in. */
export function paste(wb: MemoryWorkbook, sheet: string, row: number, col: number, grid: readonly (readonly string[])[]): void {
  grid.forEach((cells, i) => cells.forEach((text, j) => text !== "" && wb.input(sheet, row + i, col + j, text)));
}
