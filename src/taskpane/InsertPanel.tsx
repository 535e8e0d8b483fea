import { useState } from "react";
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Subtitle2 } from "@fluentui/react-components";
import { formForYear } from "../forms";
import type { InsertResult, InsertTarget, WorkbookPort } from "../workbook/port";
import { S } from "./strings";

/** The report year a clerk fills in the first months of a year is the year before. */
export const defaultYear = (today = new Date()): number => today.getFullYear() - 1;

export function InsertPanel({ port, today }: { port: Pick<WorkbookPort, "insertForm">; today?: Date }) {
  const [year, setYear] = useState(String(defaultYear(today)));
  const [unit, setUnit] = useState("");
  const [target, setTarget] = useState<InsertTarget>("newSheet");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InsertResult>();

  const y = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : undefined;
  const form = y === undefined ? undefined : formForYear(y);
  const yearProblem = y === undefined ? S.insert.badYear : form ? undefined : S.insert.noForm;

  async function insert(): Promise<void> {
    if (!form || y === undefined) return;
    setBusy(true);
    setResult(undefined);
    try {
      setResult(await port.insertForm({ form, year: y, unit: unit.trim(), target }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="insert-heading" style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Subtitle2 as="h2" id="insert-heading">
        {S.insert.heading}
      </Subtitle2>
      <Field label={S.insert.year} validationState={yearProblem ? "error" : "none"} validationMessage={yearProblem}>
        <Input value={year} onChange={(_, d) => setYear(d.value)} inputMode="numeric" />
      </Field>
      {form && <Caption1>{S.insert.formFor(form.version, form.issuedBy)}</Caption1>}
      <Field label={S.insert.unit}>
        <Input value={unit} onChange={(_, d) => setUnit(d.value)} placeholder={S.insert.unitPlaceholder} />
      </Field>
      <Field label={S.insert.target}>
        <RadioGroup value={target} onChange={(_, d) => setTarget(d.value as InsertTarget)}>
          <Radio value="newSheet" label={S.insert.newSheet} />
          <Radio value="selection" label={S.insert.selection} />
        </RadioGroup>
      </Field>
      <Button appearance="primary" disabled={!form || busy} onClick={() => void insert()}>
        {S.insert.button}
      </Button>
      {busy && <Spinner size="tiny" label={S.insert.working} />}
      {result && (
        <MessageBar intent={result.ok ? "success" : "error"}>
          <MessageBarBody>{result.ok ? S.insert.done(result.address) : result.reason}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
