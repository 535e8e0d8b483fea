/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { App } from "./App";
import { S } from "./strings";
import { MemoryWorkbook } from "../workbook/memory";

test("outside Excel the pane says how to open it, in Chinese", () => {
  render(<App status="no-office" />);
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("政务公开年报助手");
  expect(screen.getByText(S.status["no-office"])).toBeTruthy();
});

test("an Excel without ExcelApi 1.8 gets a clear message", () => {
  render(<App status="old-excel" />);
  expect(screen.getByText(/您的 Excel 版本过旧，缺少本加载项需要的功能（ExcelApi 1.8）/)).toBeTruthy();
});

test("the pane lists both forms with the cell counts taken from the forms' data", () => {
  render(<App status="ready" />);
  expect(screen.getByText("2021 版（2021 年度起）· 国办公开办函〔2021〕30号")).toBeTruthy();
  expect(screen.getByText("2019 版（2019—2020 年度）· 国办公开办函〔2019〕60号")).toBeTruthy();
  expect(screen.getByText("数字单元格：表二 10 格、表三 175 格、表四 15 格")).toBeTruthy();
  expect(screen.getByText("数字单元格：表二 22 格、表三 161 格、表四 15 格")).toBeTruthy();
});

test("the insert panel appears only when Excel is ready", async () => {
  const port = new MemoryWorkbook();
  const { unmount } = render(<App status="old-excel" port={port} />);
  expect(screen.queryByRole("heading", { name: "插入表格" })).toBeNull();
  unmount();
  render(<App status="ready" port={port} />);
  expect(screen.getByRole("heading", { name: "插入表格" })).toBeTruthy();
  expect(await screen.findByText("工作簿中没有找到本加载项插入的表格。请先插入表格，或在表格所在的工作簿中打开本窗格。")).toBeTruthy();
});
