import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { MemoryWorkbook } from "../workbook/memory";
import { Grid } from "./Grid";
import { D } from "./strings";

const wb = new MemoryWorkbook(["Sheet1"]);

createRoot(document.getElementById("root") as HTMLElement).render(
  <div style={{ display: "flex", height: "100vh", fontFamily: "'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif" }}>
    <main style={{ flex: 1, minWidth: 0, display: "flex", flexDirection: "column" }}>
      <header style={{ padding: "6px 8px", background: "#217346", color: "#fff" }}>
        <h1 style={{ fontSize: 16, margin: 0 }}>{D.title}</h1>
        <p style={{ fontSize: 12, margin: "2px 0 0" }}>{D.note}</p>
      </header>
      <Grid wb={wb} />
    </main>
    <aside aria-label={D.pane} id="pane" style={{ width: 380, borderLeft: "1px solid #ccc", overflowY: "auto" }}>
      <App status="demo" port={wb} />
    </aside>
  </div>,
);
