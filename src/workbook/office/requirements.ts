/**
 * The Excel API sets the add-in needs, checked at run time (the manifest declares the same minimum).
 * ExcelApi 1.8: data validation on input cells; it also brings conditional formats (1.6),
 * change events (1.7) and sheet-scoped names (1.4).
 */
export const REQUIRED_EXCEL_API = "1.8";

/** "demo": the browser demo over the in-memory workbook, no Excel. */
export type HostStatus = "ready" | "demo" | "no-office" | "not-excel" | "old-excel";

export function hostStatus(office: typeof Office | undefined, info?: { host: Office.HostType | null }): HostStatus {
  if (!office) return "no-office";
  if (info && info.host !== office.HostType.Excel) return "not-excel";
  return office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API) ? "ready" : "old-excel";
}
