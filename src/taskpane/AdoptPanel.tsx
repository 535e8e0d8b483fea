import { useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from "@fluentui/react-components";
import { detect, type Detection } from "../detect";
import { TABLE_NAMES } from "../forms";
import { adoptionNames } from "../workbook/adopt";
import { freePrefix } from "../workbook/freeNames";
import type { WorkbookPort } from "../workbook/port";
import { S } from "./strings";

type State =
  | { step: "idle" }
  | { step: "busy" }
  | { step: "found"; detection: Detection; sheet: string; origin: { row: number; col: number }; names: string[] }
  | { step: "done" }
  | { step: "error"; text: string };

/** Recognise a table pasted from Word (or an older workbook) and bind names to it, nothing else. */
export function AdoptPanel({ port, onBound }: { port: Pick<WorkbookPort, "readGrid" | "addNames">; onBound: () => void }) {
  const [state, setState] = useState<State>({ step: "idle" });

  async function recognise(): Promise<void> {
    setState({ step: "busy" });
    const grid = await port.readGrid();
    if ("error" in grid) return setState({ step: "error", text: grid.error });
    const detection = detect(grid.cells);
    if (!detection.form) return setState({ step: "error", text: detection.warnings[0]?.message ?? S.adopt.heading });
    setState({ step: "found", detection, sheet: grid.sheet, origin: grid.origin, names: grid.names });
  }

  async function bind(): Promise<void> {
    if (state.step !== "found") return;
    const result = adoptionNames(state.detection, state.origin, freePrefix(state.names));
    if ("reason" in result) return setState({ step: "error", text: result.reason });
    const problem = await port.addNames(state.sheet, result.names);
    if (problem) return setState({ step: "error", text: problem });
    setState({ step: "done" });
    onBound();
  }

  return (
    <section aria-labelledby="adopt-heading" style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Subtitle2 as="h2" id="adopt-heading">
        {S.adopt.heading}
      </Subtitle2>
      <Caption1>{S.adopt.hint}</Caption1>
      <Button onClick={() => void recognise()} disabled={state.step === "busy"}>
        {S.adopt.button}
      </Button>
      {state.step === "busy" && <Spinner size="tiny" label={S.adopt.working} />}
      {state.step === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.step === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>{S.adopt.bound}</MessageBarBody>
        </MessageBar>
      )}
      {state.step === "found" && (
        <>
          <Text>
            {S.adopt.found(
              state.detection.form!.version,
              state.detection.form!.issuedBy,
              state.detection.tables.map((t) => TABLE_NAMES[t]).join("、"),
              Object.keys(state.detection.binding).length,
            )}
          </Text>
          {state.detection.warnings.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {S.adopt.notes(state.detection.warnings.length)}
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {state.detection.warnings.map((w, i) => (
                    <li key={i}>{w.message}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <Caption1>{S.adopt.bindNote}</Caption1>
          <Button appearance="primary" onClick={() => void bind()}>
            {S.adopt.bind}
          </Button>
        </>
      )}
    </section>
  );
}
