#!/usr/bin/env node
// Runs a TypeScript file (bench scripts): node scripts/ts-run.js bench/x.ts
"use strict";
const path = require("node:path");
require("./ts-register");

const file = process.argv[2];
if (!file) {
  console.error("用法：node scripts/ts-run.js bench/某个脚本.ts");
  process.exit(2);
}
require(path.resolve(file));
