import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Badge, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from "@fluentui/react-components";
import { cellLabel, formForYear, TABLE_NAMES } from "../forms";
import type { TableId } from "../forms/types";
import { bounding, type Area } from "../layout/a1";
import type { Finding } from "../rules";
import { carryOverValues } from "../rules/crossYear";
import { rollupRequest } from "../workbook/rollup";
import { checkAll, type CheckedForm } from "../workbook/checkAll";
import type { ReadForm } from "../workbook/binding";
import { blankCells, restoreFixes, typedOverTotals, zeroFixes } from "../workbook/fixes";
import type { WorkbookPort } from "../workbook/port";
import { S } from "./strings";

const fmt = (n: number | undefined) => (n === undefined ? "" : String(Math.round(n * 1e6) / 1e6));

const areaOf = (read: ReadForm, ids: readonly string[]): Area | undefined => bounding(ids.map((id) => read.at[id]));

/** Findings grouped by table, then by rule, in table and rule order. */
function grouped(findings: Finding[]): [TableId, [string, Finding[]][]][] {
  const tables = new Map<TableId, Map<string, Finding[]>>();
  for (const f of findings) {
    const t = f.cells[0].split(".")[0] as TableId;
    const byRule = tables.get(t) ?? new Map<string, Finding[]>();
    byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    tables.set(t, byRule);
  }
  return [...tables.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([t, m]) => [t, [...m.entries()].sort(([a], [b]) => a.localeCompare(b))]);
}

/** `refresh`: change it to check again (e.g. after names were bound, which fires no cell event). */
export function CheckPanel({ port, debounceMs = 600, refresh = 0 }: { port: WorkbookPort; debounceMs?: number; refresh?: number }) {
  const [checked, setChecked] = useState<CheckedForm[]>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error" | "warning"; text: string }>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const run = useCallback(async () => {
    setBusy(true);
    try {
      const result = await port.readForms();
      setChecked(checkAll(result));
      setProblems(result.problems);
    } catch (e) {
      setMessage({ intent: "error", text: S.check.failed(e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  }, [port]);

  useEffect(() => {
    void run();
    const off = port.onChange(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(), debounceMs);
    });
    return () => {
      off();
      clearTimeout(timer.current);
    };
  }, [port, run, debounceMs]);

  useEffect(() => {
    if (refresh) void run();
  }, [refresh, run]);

  const select = async (sheet: string, area: Area | undefined) => {
    if (!area) return;
    const problem = await port.select(sheet, area);
    setMessage(problem ? { intent: "warning", text: problem } : undefined);
  };

  const errors = checked?.reduce((n, c) => n + c.findings.filter((f) => f.severity === "error").length, 0) ?? 0;
  const warnings = checked?.reduce((n, c) => n + c.findings.filter((f) => f.severity === "warning").length, 0) ?? 0;

  return (
    <section aria-labelledby="check-heading" style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <Subtitle2 as="h2" id="check-heading">
          {S.check.heading}
        </Subtitle2>
        <Button size="small" onClick={() => void run()} disabled={busy}>
          {S.check.run}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={S.check.working} />}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {problems.map((p) => (
        <MessageBar key={p} intent="warning">
          <MessageBarBody>{p}</MessageBarBody>
        </MessageBar>
      ))}
      {checked && checked.length === 0 && <Text>{S.check.none}</Text>}
      {checked && checked.length > 0 && (
        <Text role="status" aria-live="polite">
          {S.check.summary(checked.length, errors, warnings)}
        </Text>
      )}
      {checked && checked.length > 1 && <FormList checked={checked} />}
      {checked?.map((c) => (
        <FormResult key={`${c.read.sheet}/${c.read.prefix}`} checked={c} select={select} port={port} onFixed={(text) => setMessage({ intent: "success", text })} />
      ))}
      {checked && checked.some((c) => !c.read.rollup) && <Rollup checked={checked} port={port} onDone={(text, intent) => setMessage({ intent, text })} />}
    </section>
  );
}

function FormResult({
  checked,
  select,
  port,
  onFixed,
}: {
  checked: CheckedForm;
  select: (sheet: string, area: Area | undefined) => Promise<void>;
  port: WorkbookPort;
  onFixed: (text: string) => void;
}) {
  const { read, findings } = checked;
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return (
    <article aria-label={S.check.formTitle(read.sheet, read.form.version, read.year)} style={{ borderTop: "1px solid #ddd", paddingTop: 8, display: "flex", flexDirection: "column", gap: 6 }}>
      <Text weight="semibold" as="h3" style={{ margin: 0, fontSize: 14 }}>
        {S.check.formTitle(read.sheet, read.form.version, read.year)}
      </Text>
      {read.problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {S.check.bindingProblems}
            {read.problems.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {findings.length === 0 && read.problems.length === 0 ? (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{S.check.clean}</MessageBarBody>
          </MessageBar>
          <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
            {(Object.keys(read.tables) as TableId[]).map((t) => (
              <Button key={t} size="small" onClick={() => void select(read.sheet, read.tables[t])}>
                {S.check.selectTable(TABLE_NAMES[t])}
              </Button>
            ))}
          </div>
        </>
      ) : (
        <div style={{ display: "flex", gap: 6 }}>
          {errors > 0 && <Badge color="danger">{S.check.errors(errors)}</Badge>}
          {warnings > 0 && <Badge color="warning">{S.check.warnings(warnings)}</Badge>}
        </div>
      )}
      {grouped(findings).map(([table, rules]) => (
        <div key={table}>
          {rules.map(([rule, list]) => (
            <section key={rule} aria-label={`${TABLE_NAMES[table]} ${rule}`}>
              <Caption1 as="h4" style={{ margin: "6px 0 2px" }}>
                {TABLE_NAMES[table]} · {rule} {S.rules[rule]}（{list.length}）
              </Caption1>
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {list.map((f, i) => (
                  <li key={i} style={{ marginBottom: 4 }}>
                    <Text size={200} style={{ color: f.severity === "error" ? "#a4262c" : "#8a5300" }}>
                      {f.message}
                    </Text>
                    {f.expected !== undefined && f.actual !== undefined && (
                      <Caption1 style={{ display: "block" }}>{S.check.expectedActual(fmt(f.expected), fmt(f.actual))}</Caption1>
                    )}
                    <Button size="small" appearance="transparent" aria-label={`${S.check.locate} ${cellLabel(read.form, f.cells[0])}`} onClick={() => void select(read.sheet, areaOf(read, f.cells))}>
                      {S.check.locate}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ))}
      <Fixes read={read} findings={findings} port={port} onFixed={onFixed} />
      {read.year !== undefined && !read.rollup && <NextYear read={read} port={port} onDone={onFixed} />}
    </article>
  );
}

function Fixes({ read, findings, port, onFixed }: { read: ReadForm; findings: Finding[]; port: WorkbookPort; onFixed: (text: string) => void }) {
  const repairs = typedOverTotals(read);
  const blanks = blankCells(read, findings);
  const [mode, setMode] = useState<"restore" | "zero" | "marks">();
  const [chosen, setChosen] = useState<Set<string>>(new Set());

  const apply = async (fixes: Parameters<WorkbookPort["applyFixes"]>[1]) => {
    const r = await port.applyFixes(read.sheet, fixes);
    setMode(undefined);
    onFixed(S.fix.done(r.written, r.skipped));
  };

  const marks = async (on: boolean) => {
    const r = await port.setHighlights(read.sheet, read.prefix, on);
    setMode(undefined);
    onFixed(on ? S.fix.marksRestored(r.added) : S.fix.marksCleared(r.removed));
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      {repairs.length > 0 && mode !== "restore" && (
        <Button size="small" onClick={() => setMode("restore")}>
          {S.fix.restore(repairs.length)}
        </Button>
      )}
      {mode === "restore" && (
        <Confirm label={S.fix.restore(repairs.length)} onConfirm={() => void apply(restoreFixes(repairs))} onCancel={() => setMode(undefined)}>
          <Text size={200}>{S.fix.restoreConfirm(repairs.map((r) => cellLabel(read.form, r.cellId)).join("、"))}</Text>
        </Confirm>
      )}
      {blanks.length > 0 && mode !== "zero" && (
        <Button
          size="small"
          onClick={() => {
            setChosen(new Set(blanks));
            setMode("zero");
          }}
        >
          {S.fix.zero(blanks.length)}
        </Button>
      )}
      {mode === "zero" && (
        <Confirm label={S.fix.zero(blanks.length)} disabled={chosen.size === 0} onConfirm={() => void apply(zeroFixes(read, [...chosen]))} onCancel={() => setMode(undefined)}>
          <Text size={200}>{S.fix.zeroConfirm}</Text>
          <div style={{ maxHeight: 160, overflowY: "auto" }}>
            {blanks.map((id) => (
              <Checkbox
                key={id}
                label={cellLabel(read.form, id)}
                checked={chosen.has(id)}
                onChange={(_, d) => {
                  const next = new Set(chosen);
                  if (d.checked) next.add(id);
                  else next.delete(id);
                  setChosen(next);
                }}
              />
            ))}
          </div>
        </Confirm>
      )}
      {mode !== "marks" ? (
        <div style={{ display: "flex", gap: 6 }}>
          <Button size="small" appearance="subtle" onClick={() => setMode("marks")}>
            {S.fix.clearMarks}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => void marks(true)}>
            {S.fix.restoreMarks}
          </Button>
        </div>
      ) : (
        <Confirm label={S.fix.clearMarks} onConfirm={() => void marks(false)} onCancel={() => setMode(undefined)}>
          <Text size={200}>{S.fix.clearConfirm}</Text>
        </Confirm>
      )}
    </div>
  );
}

/** A change the user must confirm: what will happen, then 确认 / 取消. */
function Confirm({ label, disabled, onConfirm, onCancel, children }: { label: string; disabled?: boolean; onConfirm: () => void; onCancel: () => void; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      {children}
      <div style={{ display: "flex", gap: 6, marginTop: 4 }}>
        <Button size="small" appearance="primary" disabled={disabled} onClick={onConfirm}>
          {S.fix.confirm}
        </Button>
        <Button size="small" onClick={onCancel}>
          {S.fix.cancel}
        </Button>
      </div>
    </div>
  );
}

function FormList({ checked }: { checked: CheckedForm[] }) {
  return (
    <table aria-label={S.many.listHeading} style={{ borderCollapse: "collapse", fontSize: 12 }}>
      <caption style={{ textAlign: "left", fontWeight: 600 }}>{S.many.listHeading}</caption>
      <thead>
        <tr>
          {S.many.cols.map((c) => (
            <th key={c} scope="col" style={{ textAlign: "left", borderBottom: "1px solid #ccc", padding: "2px 4px" }}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {checked.map(({ read, findings }) => {
          const errors = findings.filter((f) => f.severity === "error").length;
          return (
            <tr key={`${read.sheet}/${read.prefix}`}>
              <td style={{ padding: "2px 4px" }}>{read.sheet}</td>
              <td style={{ padding: "2px 4px" }}>{read.rollup ? `${read.unit ?? ""}（${S.many.rollupTag}）` : read.unit}</td>
              <td style={{ padding: "2px 4px" }}>{read.year}</td>
              <td style={{ padding: "2px 4px" }}>{read.form.version}</td>
              <td style={{ padding: "2px 4px" }}>{S.many.status(errors, findings.length - errors)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function NextYear({ read, port, onDone }: { read: ReadForm; port: WorkbookPort; onDone: (text: string) => void }) {
  const year = read.year! + 1;
  const next = formForYear(year);
  const create = async () => {
    if (!next) return onDone(S.many.noNextForm(year));
    const r = await port.insertForm({ form: next, year, unit: read.unit ?? "", target: "newSheet", values: carryOverValues(read, next) });
    onDone(r.ok ? S.many.nextDone(r.address) : r.reason);
  };
  return (
    <Button size="small" appearance="subtle" onClick={() => void create()}>
      {S.many.nextYear(year)}
    </Button>
  );
}

function Rollup({ checked, port, onDone }: { checked: CheckedForm[]; port: WorkbookPort; onDone: (text: string, intent: "success" | "error") => void }) {
  const units = checked.filter((c) => !c.read.rollup);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [name, setName] = useState<string>(S.many.rollupDefault);
  const key = (c: CheckedForm) => `${c.read.sheet}/${c.read.prefix}`;
  const picked = units.filter((c) => chosen.has(key(c)));
  const unbalanced = picked.filter((c) => c.findings.some((f) => f.severity === "error")).map((c) => `“${c.read.unit || c.read.sheet}”`);

  const run = async () => {
    const req = rollupRequest(picked.map((c) => c.read));
    if ("reason" in req) return onDone(req.reason, "error");
    const r = await port.insertForm({ form: req.form, year: req.year ?? 0, unit: name.trim() || S.many.rollupDefault, target: "newSheet", sources: req.sources });
    onDone(r.ok ? S.many.rollupDone(r.address, picked.length) : r.reason, r.ok ? "success" : "error");
  };

  return (
    <section aria-labelledby="rollup-heading" style={{ borderTop: "1px solid #ddd", paddingTop: 8, display: "flex", flexDirection: "column", gap: 6 }}>
      <Subtitle2 as="h2" id="rollup-heading">
        {S.many.rollupHeading}
      </Subtitle2>
      <Caption1>{S.many.rollupHint}</Caption1>
      <div style={{ maxHeight: 160, overflowY: "auto" }}>
        {units.map((c) => (
          <Checkbox
            key={key(c)}
            label={`${c.read.unit || c.read.sheet} · ${c.read.year ?? ""} · ${c.read.form.version} 版`}
            checked={chosen.has(key(c))}
            onChange={(_, d) => {
              const next = new Set(chosen);
              if (d.checked) next.add(key(c));
              else next.delete(key(c));
              setChosen(next);
            }}
          />
        ))}
      </div>
      {unbalanced.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{S.many.unbalanced(unbalanced.join("、"))}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={S.many.rollupUnit}>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Button onClick={() => void run()} disabled={picked.length === 0}>
        {S.many.rollupButton}
      </Button>
    </section>
  );
}
