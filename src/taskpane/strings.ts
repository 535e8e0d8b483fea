/** Every word the pane shows, in Chinese. */
export const S = {
  appName: "政务公开年报助手",
  tagline: "政府信息公开工作年度报告统计表：按国家统一格式排版，自动计算总计，逐项检查勾稽关系。",
  status: {
    "no-office": "没有检测到 Office。请在 Excel 中通过“开始”选项卡上的“年报助手”按钮打开本窗格。",
    "not-excel": "本加载项只能在 Excel 中使用。",
    "old-excel": "您的 Excel 版本过旧，缺少本加载项需要的功能（ExcelApi 1.8）。请使用 Microsoft 365 的 Excel、Excel 2019 或更新版本，或 Excel 网页版。",
    ready: "已连接到 Excel。",
  },
  formsHeading: "支持的表格格式",
  formLine: (version: string, years: string, issuedBy: string) => `${version} 版（${years}）· ${issuedBy}`,
  yearsFrom: (from: number) => `${from} 年度起`,
  yearsRange: (from: number, to: number) => `${from}—${to} 年度`,
  cellsLine: (parts: string) => `数字单元格：${parts}`,
  cellsPart: (table: string, n: number) => `${table} ${n} 格`,
  comingSoon: "插入表格、检查勾稽关系的功能正在开发中。",
} as const;
