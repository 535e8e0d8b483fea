/** Words of the demo page (the pane's own words are in src/taskpane/strings.ts). */
export const D = {
  title: "演示：内存中的工作簿（不需要 Excel）",
  note: "左边是一个模拟的工作表，右边是与 Excel 中完全相同的任务窗格。点击单元格，在上方编辑栏输入后按回车。",
  sheets: "工作表",
  formulaBar: "编辑栏",
  cell: (addr: string) => `单元格 ${addr}`,
  sheet: (name: string) => `工作表 ${name}`,
  pane: "任务窗格",
} as const;
