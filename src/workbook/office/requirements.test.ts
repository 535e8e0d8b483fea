import { REQUIRED_EXCEL_API, hostStatus } from "./requirements";

function fakeOffice(supported: string[]): typeof Office {
  return {
    HostType: { Excel: "Excel", Word: "Word" },
    context: { requirements: { isSetSupported: (set: string, v?: string) => set === "ExcelApi" && supported.includes(v ?? "") } },
  } as unknown as typeof Office;
}

test("asks Excel for the same ExcelApi version the manifest requires", () => {
  const manifest = require("node:fs").readFileSync(require("node:path").join(__dirname, "../../../manifest.xml"), "utf8") as string;
  expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${REQUIRED_EXCEL_API}"/>`);
});

test.each([
  [undefined, undefined, "no-office"],
  [fakeOffice(["1.8"]), { host: "Excel" }, "ready"],
  [fakeOffice([]), { host: "Excel" }, "old-excel"],
  [fakeOffice(["1.8"]), { host: "Word" }, "not-excel"],
] as const)("%#: %s", (office, info, status) => {
  expect(hostStatus(office as typeof Office | undefined, info as { host: Office.HostType } | undefined)).toBe(status);
});
