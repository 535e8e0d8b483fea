/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FORM_2019, FORM_2021 } from "../forms";
import { MemoryWorkbook } from "../workbook/memory";
import { CheckPanel } from "./CheckPanel";

async function setup() {
  const wb = new MemoryWorkbook();
  const r = await wb.insertForm({ form: FORM_2021, year: 2025, unit: "甲乡", target: "newSheet" });
  if (!r.ok) throw new Error(r.reason);
  const plan = wb.sheet(r.sheetName)!.plans[0];
  const type = (id: string, text: string) => act(() => wb.input(r.sheetName, plan.cellAt[id].row, plan.cellAt[id].col, text));
  render(<CheckPanel port={wb} debounceMs={0} />);
  await screen.findByText(/共检查 1 份表格/);
  return { wb, plan, type, sheet: r.sheetName };
}

const recheck = async () => act(async () => fireEvent.click(screen.getByRole("button", { name: "重新检查" })));

test("a fresh form: every input blank is reported; filling the chosen blanks with 0 gives the clean state", async () => {
  const { wb, sheet } = await setup();
  expect(screen.getByText("共检查 1 份表格：166 处错误，0 处提醒。")).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "空白单元格填 0（166 个）" })));
  expect(screen.getByText("勾选要填 0 的单元格。只有仍为空白的单元格会被填写。")).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "确认" })));
  await recheck();
  expect(screen.getByText("已修改 166 个单元格。")).toBeTruthy();
  expect(screen.getByText("没有发现问题：表格可以复制到 Word。选中表格后按 Ctrl+C 复制，在 Word 中粘贴并保留源格式。")).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "选中表三" })));
  expect(wb.selection).toEqual({ sheet, area: wb.sheet(sheet)!.plans[0].tables.t3 });
});

test("一+二 ≠ （七）+四 in the 自然人 column: one finding, located by a click, gone once corrected", async () => {
  const { wb, plan, type, sheet } = await setup();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "空白单元格填 0（166 个）" })));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "确认" })));
  await type("t3.new.natural", "5");
  await type("t3.disclosed.natural", "3");
  await recheck();
  expect(screen.getByText("共检查 1 份表格：1 处错误，0 处提醒。")).toBeTruthy();
  const group = screen.getByRole("region", { name: "表三 R1" });
  expect(within(group).getByText("表三「自然人」列不平衡：一+二 = 5，（七）+四 = 3，相差 2。（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")).toBeTruthy();
  expect(within(group).getByText("应为 5，实为 3")).toBeTruthy();
  await act(async () => fireEvent.click(within(group).getByRole("button", { name: /^定位/ })));
  const top = plan.cellAt["t3.new.natural"];
  const bottom = plan.cellAt["t3.carryover.natural"];
  expect(wb.selection).toEqual({ sheet, area: { row: top.row, col: top.col, rows: bottom.row - top.row + 1, cols: 1 } });
  await type("t3.carryover.natural", "2");
  await recheck();
  expect(screen.getByText(/没有发现问题/)).toBeTruthy();
});

test("a total typed over: the fix restores the formula after confirmation; cancel changes nothing", async () => {
  const { wb, plan, type, sheet } = await setup();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "空白单元格填 0（166 个）" })));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "确认" })));
  await type("t3.total.natural", "9");
  await recheck();
  expect(screen.getByText(/表三「（七）总计」×「自然人」填写为 9，与表中其他数字不符，应为 0/)).toBeTruthy();
  const at = plan.cellAt["t3.total.natural"];
  fireEvent.click(screen.getByRole("button", { name: "把 1 个总计改为自动计算的公式" }));
  expect(screen.getByText("将把以下总计单元格改回公式，单元格中现有的数字会被公式结果取代：表三「（七）总计」×「自然人」")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "取消" }));
  expect(wb.sheet(sheet)!.cells.get(`${at.row}:${at.col}`)?.value).toBe(9);
  fireEvent.click(screen.getByRole("button", { name: "把 1 个总计改为自动计算的公式" }));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "确认" })));
  expect(wb.sheet(sheet)!.cells.get(`${at.row}:${at.col}`)?.formula).toBe(plan.cells.find((c) => c.cellId === "t3.total.natural")!.formula);
  await recheck();
  expect(screen.getByText(/没有发现问题/)).toBeTruthy();
});

test("filling with 0 leaves alone a cell typed into after the check, and says so", async () => {
  const wb = new MemoryWorkbook();
  const r = await wb.insertForm({ form: FORM_2021, year: 2025, unit: "乙", target: "newSheet" });
  if (!r.ok) throw new Error(r.reason);
  const at = wb.sheet(r.sheetName)!.plans[0].cellAt["t4.review_upheld"];
  render(<CheckPanel port={wb} debounceMs={60_000} />);
  await screen.findByText(/共检查 1 份表格/);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "空白单元格填 0（166 个）" })));
  act(() => wb.input(r.sheetName, at.row, at.col, "4"));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "确认" })));
  expect(screen.getByText("已修改 165 个单元格。有 1 个单元格在检查之后已被修改，未作改动。")).toBeTruthy();
  expect(wb.valueAt(wb.sheet(r.sheetName)!, at.row, at.col)).toBe(4);
});

test("a sheet deleted since the check: locating says so instead of failing", async () => {
  const { wb, sheet } = await setup();
  wb.sheets = wb.sheets.filter((s) => s.name !== sheet);
  const first = screen.getAllByRole("button", { name: /^定位/ })[0];
  await act(async () => fireEvent.click(first));
  expect(screen.getByText(`找不到工作表“${sheet}”，它可能已被删除或改名。请重新检查。`)).toBeTruthy();
});

test("edits in the sheet re-run the check (debounced change events)", async () => {
  const { type } = await setup();
  await type("t3.new.natural", "abc");
  expect(await screen.findByText(/表三「一、本年新收政府信息公开申请数量」×「自然人」：“abc”不是数字/)).toBeTruthy();
});

test("clearing the add-in's marks asks first, then the sheet shows no highlighting; restore brings it back", async () => {
  const { wb, plan, type, sheet } = await setup();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "空白单元格填 0（166 个）" })));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "确认" })));
  await type("t3.new.natural", "5");
  const at = plan.cellAt["t3.new.natural"];
  const s = wb.sheet(sheet)!;
  expect(wb.highlightAt(s, at.row, at.col)).toBe("R1");
  fireEvent.click(screen.getByRole("button", { name: "清除本加载项的标记" }));
  expect(screen.getByText(/将删除这份表格上由本加载项添加的标红、标黄规则/)).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "确认" })));
  expect(screen.getByText(`已删除 ${plan.conditionalFormats.length} 条标记规则。`)).toBeTruthy();
  expect(wb.highlightAt(s, at.row, at.col)).toBeUndefined();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "恢复标记" })));
  expect(wb.highlightAt(s, at.row, at.col)).toBe("R1");
});

test("several forms: listed with unit, year, version and status; next year from a sheet; a mixed roll-up refused", async () => {
  const wb = new MemoryWorkbook();
  await wb.insertForm({ form: FORM_2021, year: 2025, unit: "甲乡", target: "newSheet" });
  await wb.insertForm({ form: FORM_2019, year: 2020, unit: "乙镇", target: "newSheet" });
  render(<CheckPanel port={wb} debounceMs={0} />);
  await screen.findByText(/共检查 2 份表格/);
  const list = screen.getByRole("table", { name: "工作簿中的表格" });
  expect(within(list).getAllByRole("row").map((r) => r.textContent)).toEqual(["工作表单位年度版本状态", "2025年甲乡甲乡20252021166 处错误", "2020年乙镇乙镇20202019166 处错误"]);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "新建 2026 年度" })));
  expect(screen.getByText("已新建下一年度表格：2026年甲乡!A1:O53。“二、上年结转”已按本年度“四、结转下年度继续办理”逐列填好。")).toBeTruthy();
  expect(wb.sheet("2026年甲乡")).toBeDefined();
  fireEvent.click(screen.getByLabelText("甲乡 · 2025 · 2021 版"));
  fireEvent.click(screen.getByLabelText("乙镇 · 2020 · 2019 版"));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "汇总所选单位" })));
  expect(screen.getByText(/^所选单位使用的表格格式不同，不能汇总/)).toBeTruthy();
  expect(screen.getByText(/^注意：以下单位的表格本身有错误，汇总表也会不平衡：“甲乡”、“乙镇”/)).toBeTruthy();
});
