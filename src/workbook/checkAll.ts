import { check, type Finding } from "../rules";
import { carryOverFindings } from "../rules/crossYear";
import type { ReadForm } from "./binding";
import type { ReadResult } from "./port";
import { rollupFindings } from "./rollup";

export interface CheckedForm {
  read: ReadForm;
  findings: Finding[];
}

/** Every form's findings: its own rules, X1 against last year's sheet of the same unit, X8 on a roll-up. */
export function checkAll(result: ReadResult): CheckedForm[] {
  return result.forms.map((read) => {
    const prev = read.unit && read.year ? result.forms.find((f) => f.unit === read.unit && f.year === read.year! - 1 && !f.rollup) : undefined;
    return {
      read,
      findings: [...check(read.form, read.values, { workbook: true }), ...(prev ? carryOverFindings(prev, read) : []), ...rollupFindings(read)],
    };
  });
}
