#!/usr/bin/env node
// npm start / npm stop: sideload into Excel where Excel runs (Windows, Mac); elsewhere serve the
// browser demo (the task pane beside an in-memory workbook). NIANBAO_DEMO=1 forces the demo.
"use strict";
const { spawn } = require("node:child_process");
const { join } = require("node:path");
const pkg = require("../package.json");

const port = pkg.config.dev_server_port;
const bin = (name) => join(__dirname, "..", "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

/** What `npm start` / `npm stop` runs on this platform. */
function plan(action, platform = process.platform, env = process.env) {
  const excel = (platform === "win32" || platform === "darwin") && env.NIANBAO_DEMO !== "1";
  if (excel) return { mode: "excel", command: bin("office-addin-debugging"), args: [action, "manifest.xml"] };
  if (action === "stop") return { mode: "demo", message: "演示服务器在启动它的终端中按 Ctrl+C 停止。" };
  return {
    mode: "demo",
    command: bin("webpack"),
    args: ["serve", "--mode", "development"],
    env: { NIANBAO_HTTP: "1" },
    message: `没有 Excel 的环境：启动浏览器演示。请在浏览器中打开 http://localhost:${port}/demo.html （按 Ctrl+C 停止）。`,
  };
}

module.exports = { plan };

if (require.main === module) {
  const p = plan(process.argv[2] === "stop" ? "stop" : "start");
  if (p.message) console.log(p.message);
  if (p.command) {
    const child = spawn(p.command, p.args, { stdio: "inherit", env: { ...process.env, ...(p.env ?? {}) }, shell: process.platform === "win32" });
    child.on("exit", (code) => process.exit(code ?? 0));
  }
}
