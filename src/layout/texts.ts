import type { CellKind } from "../forms/types";

/** What Excel shows when a user selects (prompt) or mistypes (error) an input cell. Titles ≤ 32, messages ≤ 225 characters. */
export const VALIDATION_TEXT: Record<CellKind, { promptTitle: string; prompt: string; errorTitle: string; error: string }> = {
  count: {
    promptTitle: "填写件数",
    prompt: "请填写不小于 0 的整数。没有发生的事项填 0，不要留空，不要填“/”或“无”。",
    errorTitle: "只能填写整数",
    error: "此处只能填写不小于 0 的整数（件数），不能填写小数、负数、文字或单位。",
  },
  signedCount: {
    promptTitle: "填写增减数",
    prompt: "请填写整数：增加写正数，减少写负数（如 -3），没有变化填 0。",
    errorTitle: "只能填写整数",
    error: "此处只能填写整数（增加为正数，减少为负数），不能填写小数、文字或单位。",
  },
  amountWan: {
    promptTitle: "填写金额（万元）",
    prompt: "请填写以万元为单位的金额，可以有小数。没有收费填 0。不要写“元”“万元”等单位。",
    errorTitle: "只能填写金额",
    error: "此处只能填写不小于 0 的数字（单位：万元），不能填写负数、文字或单位。",
  },
  amount: {
    promptTitle: "填写金额",
    prompt: "请填写金额，可以有小数。没有则填 0。不要在单元格中写单位。",
    errorTitle: "只能填写金额",
    error: "此处只能填写不小于 0 的数字，不能填写负数、文字或单位。",
  },
};

export const sheetTitle = (unit: string, year: number): string => `${unit}${year}年政府信息公开工作年度报告统计表`;
