/**
 * Label normalisation (domain.md §6): what two labels must share to be the same label of the form.
 * Mechanical differences (width, spaces, line breaks, 1、 for 1.) vanish; known wording variants are
 * rewritten to the official wording and reported.
 */

export interface LabelVariant {
  /** as written in reports, after mechanical normalisation */
  written: string;
  official: string;
  /** Chinese explanation for the user */
  note: string;
}

export const WORDING_VARIANTS: readonly LabelVariant[] = [
  { written: "只计这一清醒", official: "只计这一情形", note: "“情形”误写为“清醒”" },
  { written: "只记这一", official: "只计这一", note: "“计”误写为“记”" },
  { written: "不记其他", official: "不计其他", note: "“计”误写为“记”" },
  { written: "其他法律法规禁止公开", official: "其他法律行政法规禁止公开", note: "缺少“行政”二字" },
  { written: "第二十条(", official: "第二十条第(", note: "缺少“第”字" },
  { written: "(单位:万元,保留4位小数)", official: "(单位:万元)", note: "注明了“保留4位小数”（部分省份的要求）" },
];

/** Width, spaces and line breaks removed; 1、 and 1． become 1. */
export function foldLabel(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\s\u00A0\u3000\u200B\uFEFF]+/g, "")
    .replace(/^(\d+)[、.．]/, "$1.");
}

export interface CanonicalLabel {
  key: string;
  /** the known wording variants found in the text */
  variants: LabelVariant[];
}

export function canonicalLabel(s: string): CanonicalLabel {
  let key = foldLabel(s);
  const variants: LabelVariant[] = [];
  for (const v of WORDING_VARIANTS) {
    const written = foldLabel(v.written);
    if (key.includes(written)) {
      key = key.replace(written, foldLabel(v.official));
      variants.push(v);
    }
  }
  return { key, variants };
}
