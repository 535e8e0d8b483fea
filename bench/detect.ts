/**
 * Detection speed: a 2,000 × 50 grid of noise with the Huai'an 2024 tables pasted at row 1,500.
 * Run: npm run bench:detect (prints figures; no test depends on timings).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detect, sections, textToGrid } from "../src/detect";
import { FORM_2021 } from "../src/forms";

const text = readFileSync(join(__dirname, "../../shared/samples/huaian_2024.txt"), "utf8");
const secs = sections(text, FORM_2021.tables.map((t) => t.title));
const tables = FORM_2021.tables.flatMap((t) => [...textToGrid(secs.get(t.title) ?? []), []]);
const noise = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 50 }, (__, j) => ((i * 31 + j * 7) % 11 === 0 ? `文字${i}` : String((i * j) % 97))));
const grid = [...noise.slice(0, 1500), ...tables.map((r) => [...r, ...Array(50 - r.length).fill("")]), ...noise.slice(1500)];

const runs = 10;
detect(grid); // warm-up
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  const d = detect(grid);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (d.tables.length !== 3) throw new Error("表格没有被识别");
}
times.sort((a, b) => a - b);
console.log(`识别 ${grid.length} 行 × 50 列的网格（${grid.length * 50} 个单元格），${runs} 次：`);
console.log(`  中位数 ${times[runs >> 1].toFixed(1)} ms，最快 ${times[0].toFixed(1)} ms，最慢 ${times[runs - 1].toFixed(1)} ms`);
