import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** LibreOffice must be installed (scripts/test-all.sh installs libreoffice-calc-nogui); tests fail without it. */
export function soffice(): string {
  for (const p of ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) if (existsSync(p)) return p;
  throw new Error("没有找到 LibreOffice（soffice）：请安装 libreoffice-calc-nogui，或运行 npm run test:all");
}

let profile: string | undefined;
/** A private profile that always recalculates .xlsx formulas on load (OOXMLRecalcMode 0). */
function profileUrl(): string {
  if (!profile) {
    profile = mkdtempSync(join(tmpdir(), "nianbao-lo-"));
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(
      join(profile, "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
    );
  }
  return `file://${profile}`;
}

function convert(file: Uint8Array, filter: string, ext: string): { dir: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-conv-"));
  const input = join(dir, "book.xlsx");
  writeFileSync(input, file);
  const out = join(dir, "out");
  mkdirSync(out);
  execFileSync(soffice(), [`-env:UserInstallation=${profileUrl()}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", out, input], {
    stdio: "pipe",
    timeout: 180_000,
  });
  if (!readdirSync(out).some((f) => f.endsWith(ext))) throw new Error(`LibreOffice produced no ${ext} from ${input}`);
  return { dir: out, base: "book" };
}

/** Every sheet recalculated by LibreOffice, as rows of cell texts. */
export function recalculatedSheets(file: Uint8Array, sheetNames: readonly string[]): Map<string, string[][]> {
  // 44 ',' · 34 '"' · 76 UTF-8 · row 1 · … · sheet -1: every sheet to its own file
  const { dir } = convert(file, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", ".csv");
  const out = new Map<string, string[][]>();
  for (const name of sheetNames) {
    const f = join(dir, `book-${name}.csv`);
    if (!existsSync(f)) throw new Error(`no CSV for sheet ${name}: ${readdirSync(dir).join(", ")}`);
    out.set(name, parseCsv(readFileSync(f, "utf8")));
  }
  return out;
}

export function toPdf(file: Uint8Array): string {
  const { dir } = convert(file, "pdf:calc_pdf_Export", ".pdf");
  return join(dir, "book.pdf");
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}
