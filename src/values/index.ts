import type { CellKind } from "../forms/types";

/** What a workbook or a text report holds in one cell. Excel errors arrive as `{ error: "#REF!" }` or as the bare string. */
export type RawCell = number | string | boolean | null | undefined | { error: string };

export type ValueCode =
  | "blank"
  | "placeholder"
  | "excel_error"
  | "boolean"
  | "not_a_number"
  | "unit"
  | "wrong_unit"
  | "full_width"
  | "spaces"
  | "plus_sign"
  | "thousands"
  | "decimal_in_count"
  | "negative"
  | "not_finite"
  | "stored_as_text";

export type Severity = "error" | "warning";

export interface ValueFinding {
  code: ValueCode;
  severity: Severity;
  message: string;
}

/** value is undefined when the cell holds no usable number. */
export interface ParsedCell {
  value: number | undefined;
  findings: ValueFinding[];
}

const EXCEL_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!"];
const PLACEHOLDERS = new Set(["/", "／", "\\", "-", "－", "—", "——", "–", "―", "无", "空", "暂无", "N/A", "n/a", "NA", "×", "x", "X"]);
const UNITS_COUNT = ["件次", "件", "个", "项", "条", "次", "宗", "份", "起"];
const UNITS_YUAN = ["万元", "元"];

const err = (code: ValueCode, message: string): ValueFinding => ({ code, severity: "error", message });
const warn = (code: ValueCode, message: string): ValueFinding => ({ code, severity: "warning", message });

function kindRule(kind: CellKind): string {
  switch (kind) {
    case "count":
      return "本栏应填写不小于 0 的整数";
    case "signedCount":
      return "本栏应填写整数（减少时写负数）";
    case "amountWan":
      return "本栏应填写以万元为单位、不小于 0 的金额";
    case "amount":
      return "本栏应填写不小于 0 的金额";
  }
}

function checkNumber(n: number, kind: CellKind, findings: ValueFinding[]): number | undefined {
  if (!Number.isFinite(n)) {
    findings.push(err("not_finite", `数值无效。${kindRule(kind)}。`));
    return undefined;
  }
  if (n < 0 && kind !== "signedCount") {
    findings.push(err("negative", `填写了负数 ${n}。${kindRule(kind)}。`));
  }
  if ((kind === "count" || kind === "signedCount") && !Number.isInteger(n)) {
    findings.push(err("decimal_in_count", `填写了小数 ${n}，件数应为整数。${kindRule(kind)}。`));
  }
  return n;
}

/** Full-width digits and signs (０-９ ＋ － ． ，) to ASCII. */
function foldWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFF0C]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const SPACE = /[\s\u00A0\u3000\u2000-\u200B\u202F\u205F\uFEFF]/g;

/** One raw cell to a number of the given kind, or findings that say in Chinese why not. */
export function parseCell(raw: RawCell, kind: CellKind): ParsedCell {
  const findings: ValueFinding[] = [];
  if (raw === null || raw === undefined) return blank();
  if (typeof raw === "object") return excelError(raw.error);
  if (typeof raw === "boolean") {
    return { value: undefined, findings: [err("boolean", `填写了逻辑值 ${raw ? "TRUE" : "FALSE"}，不是数字。${kindRule(kind)}。`)] };
  }
  if (typeof raw === "number") return { value: checkNumber(raw, kind, findings), findings };

  const original = raw;
  if (original.replace(SPACE, "") === "") return blank();
  const trimmed = original.replace(/^[\s\u00A0\u3000\uFEFF]+|[\s\u00A0\u3000\uFEFF]+$/g, "");
  if (EXCEL_ERRORS.includes(trimmed.toUpperCase())) return excelError(trimmed);
  if (PLACEHOLDERS.has(trimmed)) {
    return {
      value: undefined,
      findings: [err("placeholder", `填写了“${trimmed}”，不是数字。没有发生的事项请填 0。`)],
    };
  }
  if (trimmed !== original) {
    findings.push(warn("spaces", "数字前后有空格（或不间断空格、全角空格）。在 Excel 中这样的单元格是文本，合计公式不会计入，请删去空格。"));
  }
  let s = trimmed;
  const folded = foldWidth(s);
  if (folded !== s) {
    findings.push(warn("full_width", `“${s}”使用了全角数字或符号，请改为半角数字 ${folded.replace(SPACE, "")}。`));
    s = folded;
  }
  s = s.replace(SPACE, "");

  // a unit only after a number: 3件, 251000元 (not 8.属于行政查询事项)
  const unit = [...UNITS_YUAN, ...UNITS_COUNT].find((u) => s.endsWith(u) && /^[+-]?[\d.,]+$/.test(s.slice(0, -u.length)));
  if (unit) {
    s = s.slice(0, -unit.length);
    if (kind === "amountWan" && unit === "元") {
      const n = parseNumberText(s);
      const hint = n === undefined ? "" : `（${s}元 = ${n / 10000}万元）`;
      return { value: undefined, findings: [...findings, err("wrong_unit", `填写的单位是“元”，而本栏单位为万元${hint}。请换算后只填数字。`)] };
    }
    const countUnit = UNITS_COUNT.includes(unit);
    if (countUnit !== (kind === "count" || kind === "signedCount")) {
      return { value: undefined, findings: [...findings, err("wrong_unit", `单元格中写了单位“${unit}”，与本栏不符。${kindRule(kind)}，只填数字。`)] };
    }
    findings.push(warn("unit", `单元格中写了单位“${unit}”。请只填数字：在 Excel 中带单位的单元格是文本，合计公式不会计入。`));
  }

  if (s.startsWith("+")) {
    if (kind !== "signedCount") findings.push(warn("plus_sign", "数字前有“+”号，本栏不需要正负号，请删去。"));
    s = s.slice(1);
    if (s.startsWith("-") || s.startsWith("+")) return notANumber(original, kind, findings);
  }
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    findings.push(warn("thousands", `“${trimmed}”中有千位分隔符，已按 ${s.replace(/,/g, "")} 理解；请只填数字。`));
    s = s.replace(/,/g, "");
  }
  const n = parseNumberText(s);
  if (n === undefined) return notANumber(original, kind, findings);
  return { value: checkNumber(n, kind, findings), findings };
}

/** In a workbook a number typed as text is not summed by Excel's formulas. */
export const STORED_AS_TEXT: ValueFinding = warn(
  "stored_as_text",
  "这个数字是文本格式（单元格左上角通常有绿色三角），Excel 的合计公式不会计入。请重新输入为数字。",
);

function parseNumberText(s: string): number | undefined {
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

function blank(): ParsedCell {
  return {
    value: undefined,
    findings: [err("blank", "未填写。空白不会当作 0：没有发生的事项请填 0。")],
  };
}

function excelError(code: string): ParsedCell {
  return {
    value: undefined,
    findings: [err("excel_error", `单元格显示 Excel 错误 ${code}，通常是公式引用了被删除或无效的单元格。请检查公式或重新填写数字。`)],
  };
}

function notANumber(original: string, kind: CellKind, findings: ValueFinding[]): ParsedCell {
  const shown = original.length > 20 ? `${original.slice(0, 20)}…` : original;
  return { value: undefined, findings: [...findings, err("not_a_number", `“${shown}”不是数字。${kindRule(kind)}。`)] };
}
