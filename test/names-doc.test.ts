import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { namesDoc } from "../src/layout/namesDoc";

const file = resolve(__dirname, "../docs/names.md");

test("docs/names.md lists exactly the names the layout writes", () => {
  if (process.env.UPDATE_DOCS === "1") writeFileSync(file, namesDoc());
  expect(readFileSync(file, "utf8")).toBe(namesDoc());
});
