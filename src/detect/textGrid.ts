/**
 * Text copied out of a Word report, back into the grid of cells Excel would receive.
 * Two layouts occur (domain.md §6): one table row per line with TAB-separated cells; or one cell per
 * line (each starting with a TAB), rows separated by blank lines, a cell's further lines without a TAB.
 */
export type Grid = string[][];

export function textToGrid(lines: readonly string[]): Grid {
  const rowPerLine = lines.some((l) => (l.match(/\t/g) ?? []).length >= 2 || /[^\t]\t/.test(l));
  return rowPerLine ? rowsFromLines(lines) : rowsFromCellLines(lines);
}

function rowsFromLines(lines: readonly string[]): Grid {
  return lines.filter((l) => l.trim() !== "").map((l) => l.split("\t"));
}

function rowsFromCellLines(lines: readonly string[]): Grid {
  const grid: Grid = [];
  let row: string[] = [];
  const flush = (): void => {
    if (row.length) grid.push(row);
    row = [];
  };
  for (const line of lines) {
    if (line === "") flush();
    else if (line.startsWith("\t")) row.push(line.slice(1));
    else if (row.length) row[row.length - 1] += `\n${line}`;
    else row.push(line);
  }
  flush();
  return grid;
}

/**
 * The lines between each title and the next one (or the end marker), e.g. the text of 表三 from its
 * section heading 三、收到和处理政府信息公开申请情况 up to the heading of 表四.
 */
export function sections(text: string, titles: readonly string[], end: RegExp = /^五、/): Map<string, string[]> {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of lines) {
    const title = titles.find((t) => line.trim() === t);
    if (title) {
      current = title;
      out.set(title, []);
    } else if (end.test(line)) {
      current = undefined;
    } else if (current) {
      (out.get(current) as string[]).push(line);
    }
  }
  for (const [t, ls] of out) {
    while (ls.length && ls[0].trim() === "") ls.shift();
    while (ls.length && ls[ls.length - 1].trim() === "") ls.pop();
    out.set(t, ls);
  }
  return out;
}
