#!/usr/bin/env node
// The nianbao command: runs src/cli from the repository (npm ci installs TypeScript, which it uses).
"use strict";
const fs = require("node:fs");
require("../scripts/ts-register");
const { run } = require("../src/cli/main.ts");

const io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(text.startsWith("\r") ? text : `${text}\n`),
  readFile: (p) => fs.readFileSync(p),
  writeFile: (p, data) => fs.writeFileSync(p, data),
  exists: (p) => fs.existsSync(p),
  isTTY: Boolean(process.stderr.isTTY),
};

run(process.argv.slice(2), io).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`出错了：${e instanceof Error ? e.message : e}\n`);
    process.exitCode = 2;
  },
);
