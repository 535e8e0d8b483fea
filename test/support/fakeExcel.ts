import { absoluteAddress, cellAddress, sheetRef, type Area } from "../../src/layout";
import { evaluate, type Scalar } from "../../src/workbook/memory/formula";
import { typedValue } from "../../src/workbook/memory";
import type { OfficeHost } from "../../src/workbook/office/insert";

/**
 * A recording stand-in for the part of Office.js the adapter uses. Writes land in FakeSheet at once;
 * loaded properties can only be read after context.sync(), as in Office.js.
 */
export class FakeSheet {
  content = new Map<string, string>();
  numberFormats = new Map<string, string>();
  merges: Area[] = [];
  names = new Map<string, { area?: Area; formula?: string; comment?: string }>();
  conditionalFormats: { area: Area; formula: string; fill: string; font: string }[] = [];
  validations: { area: Area; rule: unknown; prompt: unknown; errorAlert: unknown }[] = [];
  fonts: { area: Area; name: string; size?: number }[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageBreaks: number[] = [];
  constructor(public name: string) {}
}

const key = (r: number, c: number) => `${r}:${c}`;

export class FakeExcel {
  sheets: FakeSheet[];
  syncs = 0;
  runs: { mergeUndoGroup?: boolean }[] = [];
  selection: { sheet: FakeSheet; row: number; col: number };
  selectedArea?: Area;
  failOnSync?: string;
  private changeHandlers: (() => Promise<void> | void)[] = [];

  /** A user edit: fires the registered change handlers. */
  async emitChange(): Promise<void> {
    for (const h of this.changeHandlers) await h();
  }

  /** What a cell shows: typed content, or its formula's result. */
  valueAt(sheet: FakeSheet, row: number, col: number, depth = 0): Scalar {
    const text = sheet.content.get(key(row, col));
    if (text === undefined) return null;
    if (text.startsWith("=")) return depth > 20 ? { error: "#REF!" } : evaluate(text, (r, c) => this.valueAt(sheet, r, c, depth + 1));
    return (typedValue(text).value ?? null) as Scalar;
  }

  constructor(sheetNames: string[] = ["Sheet1"]) {
    this.sheets = sheetNames.map((n) => new FakeSheet(n));
    this.selection = { sheet: this.sheets[0], row: 0, col: 0 };
  }

  host(supported: string[] = ["1.8"]): OfficeHost {
    return {
      isSetSupported: (name, version) => name === "ExcelApi" && supported.some((v) => minor(v) >= minor(version)),
      run: async (options, batch) => {
        this.runs.push(options);
        return batch(this.context() as unknown as Excel.RequestContext);
      },
    };
  }

  private context() {
    let synced = 0;
    const pending: (() => void)[] = [];
    const loaded = <T extends object>(obj: T, props: (keyof T)[]): T => {
      const at = synced;
      return new Proxy(obj, {
        get(target, p) {
          if (props.includes(p as keyof T) && synced === at) throw new Error(`property ${String(p)} read before context.sync()`);
          return Reflect.get(target, p);
        },
      });
    };
    const nameItems = (sheet: FakeSheet) =>
      [...sheet.names.entries()].map(([name, n]) => ({ name, formula: n.area ? `=${sheetRef(sheet.name)}${absoluteAddress(n.area)}` : (n.formula as string) }));
    const sheetApi = (sheet: FakeSheet) => ({
      get name() {
        return sheet.name;
      },
      isNullObject: false,
      load: () => undefined,
      activate: () => undefined,
      onChanged: { add: (h: () => void) => (this.changeHandlers.push(h), { remove: () => undefined }) },
      names: {
        items: [] as { name: string; formula: string }[],
        load() {
          pending.push(() => (this.items = nameItems(sheet)));
        },
        add: (name: string, ref: unknown, comment?: string) => {
          if (sheet.names.has(name)) throw new Error(`A name ${name} already exists`);
          const area = typeof ref === "object" && ref !== null ? (ref as { __area: Area }).__area : undefined;
          sheet.names.set(name, { ...(area ? { area } : { formula: String(ref) }), comment });
        },
      },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => rangeApi(sheet, { row, col, rows, cols }),
      horizontalPageBreaks: { add: (r: { __area: Area }) => sheet.pageBreaks.push(r.__area.row) },
      getUsedRangeOrNullObject: () => {
        const used = { isNullObject: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, load: () => undefined };
        pending.push(() => {
          const keys = [...sheet.content.keys()].map((k) => k.split(":").map(Number));
          if (!keys.length) return;
          const r0 = Math.min(...keys.map((k) => k[0])), c0 = Math.min(...keys.map((k) => k[1]));
          Object.assign(used, { isNullObject: false, rowIndex: r0, columnIndex: c0, rowCount: Math.max(...keys.map((k) => k[0])) - r0 + 1, columnCount: Math.max(...keys.map((k) => k[1])) - c0 + 1 });
        });
        return used;
      },
    });
    const sheets = this.sheets;
    const valueAt = (sheet: FakeSheet, row: number, col: number) => this.valueAt(sheet, row, col);
    const setSelected = (a: Area) => (this.selectedArea = a);
    const rangeApi = (sheet: FakeSheet, area: Area) => {
      let loadedRange: { formulas: string[][]; values: unknown[][]; valueTypes: string[][] } | undefined;
      const snapshot = () => {
        if (!loadedRange) throw new Error("range read before load() and context.sync()");
        return loadedRange;
      };
      const grid = <T,>(f: (row: number, col: number) => T): T[][] =>
        Array.from({ length: area.rows }, (_, i) => Array.from({ length: area.cols }, (__, j) => f(area.row + i, area.col + j)));
      const each = (f: (r: number, c: number, i: number, j: number) => void) => {
        for (let i = 0; i < area.rows; i++) for (let j = 0; j < area.cols; j++) f(area.row + i, area.col + j, i, j);
      };
      const r = {
        __area: area,
        set formulas(v: (string | number)[][]) {
          each((row, col, i, j) => (v[i][j] === "" ? sheet.content.delete(key(row, col)) : sheet.content.set(key(row, col), String(v[i][j]))));
        },
        // values, types and formulas are taken once at the sync after load(), as Office.js does
        get formulas(): string[][] {
          return snapshot().formulas;
        },
        get values(): unknown[][] {
          return snapshot().values;
        },
        get valueTypes(): string[][] {
          return snapshot().valueTypes;
        },
        load: () =>
          pending.push(() => {
            const shown = grid((row, col) => valueAt(sheet, row, col));
            loadedRange = {
              formulas: grid((row, col) => sheet.content.get(key(row, col)) ?? ""),
              values: shown.map((r) => r.map((v) => (v === null ? "" : typeof v === "object" ? v.error : v))),
              valueTypes: shown.map((r) => r.map((v) => (v === null ? "Empty" : typeof v === "object" ? "Error" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String"))),
            };
          }),
        set numberFormat(v: string[][]) {
          each((row, col, i, j) => sheet.numberFormats.set(key(row, col), v[i][j]));
        },
        format: {
          font: {
            set name(v: string) {
              sheet.fonts.push({ area, name: v });
            },
            set size(v: number) {
              sheet.fonts[sheet.fonts.length - 1].size = v;
            },
            set bold(_: boolean) {},
          },
          horizontalAlignment: "",
          verticalAlignment: "",
          wrapText: false,
          borders: { getItem: () => ({ style: "", weight: "" }) },
          set columnWidth(v: number) {
            sheet.columnWidths.set(area.col, v);
          },
          set rowHeight(v: number) {
            sheet.rowHeights.set(area.row, v);
          },
        },
        merge: () => sheet.merges.push(area),
        select: () => setSelected(area),
        dataValidation: {
          clear: () => undefined,
          set rule(v: unknown) {
            sheet.validations.push({ area, rule: v, prompt: undefined, errorAlert: undefined });
          },
          ignoreBlanks: true,
          set prompt(v: unknown) {
            sheet.validations[sheet.validations.length - 1].prompt = v;
          },
          set errorAlert(v: unknown) {
            sheet.validations[sheet.validations.length - 1].errorAlert = v;
          },
        },
        conditionalFormats: {
          items: [] as { type: string; custom: { rule: { formula: string } }; delete: () => void }[],
          load() {
            pending.push(() => {
              const hit = (a: Area) => a.row < area.row + area.rows && area.row < a.row + a.rows && a.col < area.col + area.cols && area.col < a.col + a.cols;
              this.items = sheet.conditionalFormats.filter((cf) => hit(cf.area)).map((cf) => ({
                type: "Custom",
                custom: { rule: { formula: cf.formula } },
                delete: () => pending.push(() => (sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf))),
              }));
            });
          },
          add: () => {
            const cf = { area, formula: "", fill: "", font: "" };
            sheet.conditionalFormats.push(cf);
            return {
              custom: {
                rule: {
                  set formula(v: string) {
                    cf.formula = v;
                  },
                },
                format: { fill: { set color(v: string) { cf.fill = v; } }, font: { set color(v: string) { cf.font = v; } } },
              },
            };
          },
        },
        getUsedRangeOrNullObject: () => {
          const used = { isNullObject: true, address: "", load: () => undefined };
          pending.push(() => {
            const hits: { r: number; c: number }[] = [];
            each((row, col) => sheet.content.has(key(row, col)) && hits.push({ r: row, c: col }));
            used.isNullObject = hits.length === 0;
            if (hits.length) {
              const r0 = Math.min(...hits.map((h) => h.r)), r1 = Math.max(...hits.map((h) => h.r));
              const c0 = Math.min(...hits.map((h) => h.c)), c1 = Math.max(...hits.map((h) => h.c));
              used.address = `${sheet.name}!${cellAddress(r0, c0)}:${cellAddress(r1, c1)}`;
            }
          });
          return loaded(used, ["isNullObject", "address"]);
        },
      };
      return r;
    };
    const worksheets = {
      items: [] as ReturnType<typeof sheetApi>[],
      load(props?: string) {
        pending.push(() => {
          this.items = sheets.map((s) => {
            const api = sheetApi(s);
            if (props?.includes("names")) api.names.items = nameItems(s);
            return api;
          });
        });
      },
      getItem: (name: string) => {
        const s = sheets.find((x) => x.name === name);
        if (!s) throw new Error(`ItemNotFound: ${name}`);
        return sheetApi(s);
      },
      getItemOrNullObject: (name: string) => {
        const s = sheets.find((x) => x.name === name);
        return s ? sheetApi(s) : { isNullObject: true, load: () => undefined };
      },
      onChanged: { add: (h: () => void) => (this.changeHandlers.push(h), { remove: () => undefined }) },
      add: (name: string) => {
        if (sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`sheet ${name} exists`);
        const s = new FakeSheet(name);
        sheets.push(s);
        return sheetApi(s);
      },
    };
    return {
      workbook: {
        worksheets,
        getSelectedRange: () => {
          const sel = { rowIndex: this.selection.row, columnIndex: this.selection.col, rowCount: 1, columnCount: 1, load: () => undefined, worksheet: sheetApi(this.selection.sheet) };
          return loaded(sel, ["rowIndex", "columnIndex", "rowCount", "columnCount"]);
        },
      },
      sync: async () => {
        if (this.failOnSync) throw new Error(this.failOnSync);
        this.syncs++;
        synced++;
        pending.splice(0).forEach((f) => f());
      },
    };
  }
}


/** "1.20" → 20: API set versions compare by their minor number, not as decimals. */
const minor = (v: string): number => Number(v.split(".")[1] ?? 0);
