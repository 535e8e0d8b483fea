#!/usr/bin/env node
// Runs a TypeScript file (bench scripts) with TypeScript's own transpiler: node scripts/ts-run.js bench/x.ts
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
    fileName: filename,
  });
  module._compile(out.outputText, filename);
};

const file = process.argv[2];
if (!file) {
  console.error("用法：node scripts/ts-run.js bench/某个脚本.ts");
  process.exit(2);
}
require(path.resolve(file));
