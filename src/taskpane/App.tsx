import { useState } from "react";
import { Body1, Caption1, Card, CardHeader, FluentProvider, MessageBar, MessageBarBody, Subtitle2, Title3, webLightTheme } from "@fluentui/react-components";
import { FORMS, TABLE_NAMES } from "../forms";
import type { HostStatus } from "../workbook/office/requirements";
import type { WorkbookPort } from "../workbook/port";
import { InsertPanel } from "./InsertPanel";
import { CheckPanel } from "./CheckPanel";
import { AdoptPanel } from "./AdoptPanel";
import { S } from "./strings";

export function App({ status, port }: { status: HostStatus; port?: WorkbookPort }) {
  const [refresh, setRefresh] = useState(0);
  const working = (status === "ready" || status === "demo") && port;
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, minHeight: "100vh", boxSizing: "border-box" }}>
      <main style={{ display: "flex", flexDirection: "column", gap: 12 }}>
        <Title3 as="h1">{S.appName}</Title3>
        <Body1>{S.tagline}</Body1>
        <MessageBar intent={status === "ready" ? "success" : status === "demo" ? "info" : "warning"}>
          <MessageBarBody>{S.status[status]}</MessageBarBody>
        </MessageBar>
        {working && <InsertPanel port={port} />}
        {working && <AdoptPanel port={port} onBound={() => setRefresh((n) => n + 1)} />}
        {working && <CheckPanel port={port} refresh={refresh} />}
        <Subtitle2 as="h2">{S.formsHeading}</Subtitle2>
        {FORMS.map((form) => {
          const [from, to] = form.years;
          const counts = form.tables.map((t) => S.cellsPart(TABLE_NAMES[t.id], form.cells.filter((c) => c.table === t.id).length));
          return (
            <Card key={form.version}>
              <CardHeader
                header={<Body1>{S.formLine(form.version, to === undefined ? S.yearsFrom(from) : S.yearsRange(from, to), form.issuedBy)}</Body1>}
                description={<Caption1>{S.cellsLine(counts.join("、"))}</Caption1>}
              />
            </Card>
          );
        })}
      </main>
    </FluentProvider>
  );
}
