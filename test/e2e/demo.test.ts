/**
 * End to end in Debian Chromium (playwright-core): the demo page, built by webpack, served from this machine.
 * Screenshots go to out/e2e/. Needs chromium and fonts-noto-cjk (scripts/test-all.sh installs them).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { FORM_2021 } from "../../src/forms";
import { cellAddress, planForm } from "../../src/layout";
import { serve } from "../support/serve";

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "out/e2e-dist");
const SHOTS = join(ROOT, "out/e2e");
const CHROMIUM = "/usr/bin/chromium";
const plan = planForm(FORM_2021, { year: 2025, unit: "演示乡人民政府" });
const addr = (id: string) => cellAddress(plan.cellAt[id].row, plan.cellAt[id].col);

let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error("没有找到 Debian Chromium（/usr/bin/chromium）：请运行 npm run test:all");
  execFileSync(join(ROOT, "node_modules/.bin/webpack"), ["--mode", "production", "--output-path", DIST], { cwd: ROOT, stdio: "pipe" });
  mkdirSync(SHOTS, { recursive: true });
  server = await serve(DIST);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1500, height: 950 }, locale: "zh-CN" });
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${server.url}/demo.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const cell = (id: string) => page.locator(`td[data-addr="${addr(id)}"]`);
async function typeInto(id: string, text: string): Promise<void> {
  await cell(id).click();
  const bar = page.getByLabel("编辑栏");
  await bar.fill(text);
  await bar.press("Enter");
}

test("insert the 2021 form, break one 表三 column, see it marked and explained, locate it, correct it", async () => {
  await page.getByLabel("填报单位").fill("演示乡人民政府");
  await page.getByRole("button", { name: "插入表格" }).click();
  await page.getByText("已插入到 2025年演示乡人民政府!A1:O53。总计会自动计算，不符合勾稽关系的单元格会标红。").waitFor();
  await page.getByText("共检查 1 份表格：166 处错误，0 处提醒。").waitFor();
  await page.screenshot({ path: join(SHOTS, "1-inserted.png") });

  await page.getByRole("button", { name: "空白单元格填 0（166 个）" }).click();
  await page.getByRole("button", { name: "确认", exact: true }).click();
  await page.getByText(/没有发现问题：表格可以复制到 Word/).waitFor();
  expect(await page.locator("td[data-highlight]").count()).toBe(0);

  await typeInto("t3.new.natural", "5");
  await typeInto("t3.disclosed.natural", "3");
  const finding = page.getByText("表三「自然人」列不平衡：一+二 = 5，（七）+四 = 3，相差 2。（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  await finding.waitFor();
  for (const id of ["t3.new.natural", "t3.carried.natural", "t3.total.natural", "t3.carryover.natural"]) expect(await cell(id).getAttribute("data-highlight")).toBe("R1");
  // the 总计 column's balance follows from 自然人 and is marked too; nothing else is
  expect(await page.locator('td[data-highlight="R1"]').count()).toBe(8);
  expect(await page.locator("td[data-highlight]").count()).toBe(8);
  expect(await cell("t3.new.total").textContent()).toBe("5");
  await page.screenshot({ path: join(SHOTS, "2-mismatch.png") });

  await page.getByRole("region", { name: "表三 R1" }).getByRole("button", { name: /^定位/ }).click();
  for (const id of ["t3.new.natural", "t3.disclosed.natural", "t3.carryover.natural"]) expect(await cell(id).getAttribute("aria-selected")).toBe("true");
  expect(await cell("t3.new.business").getAttribute("aria-selected")).toBe("false");
  await page.screenshot({ path: join(SHOTS, "3-located.png") });

  await typeInto("t3.carryover.natural", "2");
  await page.getByText(/没有发现问题：表格可以复制到 Word/).waitFor();
  expect(await page.locator("td[data-highlight]").count()).toBe(0);
  await page.getByRole("button", { name: "选中表三" }).click();
  expect(await page.locator('td[aria-selected="true"]').count()).toBeGreaterThan(100);
  await page.screenshot({ path: join(SHOTS, "4-clean.png") });
});

test("Chinese renders with a CJK font, not as empty boxes", async () => {
  // a drawn CJK glyph differs from the box drawn for a character no font has
  const differs = await page.evaluate(() => {
    const draw = (ch: string) => {
      const c = document.createElement("canvas");
      c.width = c.height = 40;
      const g = c.getContext("2d") as CanvasRenderingContext2D;
      g.font = "32px sans-serif";
      g.fillText(ch, 4, 32);
      return Array.from(g.getImageData(0, 0, 40, 40).data).join(",");
    };
    return ["政", "务", "表"].map((ch) => draw(ch) !== draw("\u{10FFFD}"));
  });
  expect(differs).toEqual([true, true, true]);
  const png = readFileSync(join(SHOTS, "4-clean.png"));
  expect(png.length).toBeGreaterThan(20_000);
});

test("the pane has no serious or critical accessibility violation (axe-core)", async () => {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (el: Element) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(document.querySelector("#pane") as Element);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("every request the page made went to the local server", () => {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
});
