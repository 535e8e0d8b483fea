import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

/** ../shared beside the checkout (CI clones main with shared/ beside it). Tests fail, never skip, without it. */
export const SHARED = resolve(__dirname, "../../../shared");

export function sharedFile(...parts: string[]): string {
  const p = join(SHARED, ...parts);
  if (!existsSync(p)) throw new Error(`缺少共享资料 ${p}：测试需要仓库旁边的 shared/ 目录`);
  return readFileSync(p, "utf8");
}

export function seedFiles(): { name: string; text: string }[] {
  const dir = join(SHARED, "seeds");
  if (!existsSync(dir)) throw new Error(`缺少 ${dir}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}

/** The fenced code blocks of a markdown section, in order. */
export function codeBlocksAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`domain.md has no "${heading}"`);
  const blocks: string[][] = [];
  const re = /```\n([\s\S]*?)```/g;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(markdown))) blocks.push(m[1].split("\n").filter((l) => l.trim() !== ""));
  return blocks;
}
