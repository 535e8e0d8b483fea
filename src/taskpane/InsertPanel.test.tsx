/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { InsertPanel, defaultYear } from "./InsertPanel";
import type { InsertRequest, InsertResult, WorkbookPort } from "../workbook/port";

function fakePort(result: InsertResult) {
  const calls: InsertRequest[] = [];
  const port: Pick<WorkbookPort, "insertForm"> = { insertForm: async (r) => (calls.push(r), result) };
  return { port, calls };
}

const today = new Date(2026, 0, 15);
const yearInput = () => screen.getByLabelText("报告年度") as HTMLInputElement;

test("the default year is last year: January 2026 fills the 2025 report on the 2021 form", () => {
  render(<InsertPanel port={fakePort({ ok: false, reason: "" }).port} today={today} />);
  expect(defaultYear(today)).toBe(2025);
  expect(yearInput().value).toBe("2025");
  expect(screen.getByText("将使用 2021 版表格格式（国办公开办函〔2021〕30号）。")).toBeTruthy();
});

test("2020 picks the 2019 form; before 2019 there is no form and the button is disabled", () => {
  render(<InsertPanel port={fakePort({ ok: false, reason: "" }).port} today={today} />);
  fireEvent.change(yearInput(), { target: { value: "2020" } });
  expect(screen.getByText("将使用 2019 版表格格式（国办公开办函〔2019〕60号）。")).toBeTruthy();
  fireEvent.change(yearInput(), { target: { value: "2018" } });
  expect(screen.getByText("2019 年度以前没有全国统一的表格格式，请填写 2019 年或以后的年度。")).toBeTruthy();
  expect((screen.getByRole("button", { name: "插入表格" }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(yearInput(), { target: { value: "20x5" } });
  expect(screen.getByText("请填写四位数的年度，例如 2025。")).toBeTruthy();
});

test("insert sends year, unit and target to the workbook and shows where the table went", async () => {
  const { port, calls } = fakePort({ ok: true, sheetName: "2025年甲乡", address: "2025年甲乡!A1:O53", prefix: "NB_", undoGroup: true });
  render(<InsertPanel port={port} today={today} />);
  fireEvent.change(screen.getByLabelText("填报单位"), { target: { value: " 甲乡 " } });
  fireEvent.click(screen.getByLabelText("当前选定的单元格（该区域必须为空）"));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "插入表格" })));
  expect(calls.map((c) => [c.form.version, c.year, c.unit, c.target])).toEqual([["2021", 2025, "甲乡", "selection"]]);
  expect(screen.getByText("已插入到 2025年甲乡!A1:O53。总计会自动计算，不符合勾稽关系的单元格会标红。")).toBeTruthy();
});

test("a refusal is shown as the workbook gave it", async () => {
  const reason = "不能在这里插入：表格需要占用 A1:O53，其中 K31 已有内容。请选择一块空白区域的左上角单元格，或插入到新工作表。";
  render(<InsertPanel port={fakePort({ ok: false, reason }).port} today={today} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "插入表格" })));
  expect(screen.getByText(reason)).toBeTruthy();
});
