/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { MemoryWorkbook } from "../workbook/memory";
import { AdoptPanel } from "./AdoptPanel";
import { readReport } from "../../test/support/seeds";
import { seedFiles } from "../../test/support/shared";
import { paste } from "../../test/support/paste";

test("recognise a pasted seed: version, tables, notes with the official wording; a ragged paste is refused, with the reason", async () => {
  const wb = new MemoryWorkbook();
  const seed = readReport("002", seedFiles().find((s) => s.name.startsWith("002"))!.text);
  paste(wb, "Sheet1", 0, 0, [...seed.grids.t2, [], ...seed.grids.t3, [], ...seed.grids.t4]);
  let bound = 0;
  render(<AdoptPanel port={wb} onBound={() => bound++} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "识别已有表格" })));
  expect(screen.getByText("识别为 2021 版表格（国办公开办函〔2021〕30号），找到表二、表三、表四，定位了 200 个数字单元格。")).toBeTruthy();
  expect(screen.getByText(/“情形”误写为“清醒”/)).toBeTruthy();
  expect(screen.getByText(/「规范性文件」是 2019 版的标签，正式表述为“行政规范性文件”/)).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "绑定名称并检查" })));
  expect(screen.getByText(/^表三的数字没有上下对齐/)).toBeTruthy();
  expect(bound).toBe(0);
  expect(wb.sheet("Sheet1")!.names.size).toBe(0);
});

test("an empty sheet says so", async () => {
  render(<AdoptPanel port={new MemoryWorkbook()} onBound={() => undefined} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "识别已有表格" })));
  expect(screen.getByText("工作表是空的：请选中表格所在的区域再识别。")).toBeTruthy();
});
