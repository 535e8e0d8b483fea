/** NB_, or NB2_, NB3_ … when the sheet already holds forms. */
export function freePrefix(existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => /^(NB\d*_)/.exec(n)?.[1]).filter(Boolean));
  if (!taken.has("NB_")) return "NB_";
  for (let i = 2; ; i++) if (!taken.has(`NB${i}_`)) return `NB${i}_`;
}

/** The wanted sheet name, or the same with (2), (3) … within Excel's 31 characters. */
export function freeSheetName(wanted: string, existing: readonly string[]): string {
  const lower = new Set(existing.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
