import { createRoot } from "react-dom/client";
import { App } from "./App";
import { hostStatus } from "../workbook/office/requirements";
import { officeWorkbook } from "../workbook/office/insert";

const root = createRoot(document.getElementById("root") as HTMLElement);
const office = typeof Office === "undefined" ? undefined : Office;

if (office) {
  void office.onReady((info) => root.render(<App status={hostStatus(office, info)} port={officeWorkbook()} />));
} else {
  root.render(<App status="no-office" />);
}
