#!/usr/bin/env node
// Offline check of manifest.xml: what the online validator would refuse, checked without it.
// Usage: node scripts/validate-manifest.js [manifest.xml]
"use strict";
const { existsSync, readFileSync, readdirSync, statSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { DOMParser } = require("@xmldom/xmldom");

const NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

// Sequence of OfficeApp children for a TaskPaneApp (OfficeAppManifest 1.1 schema); true = required.
const OFFICEAPP_ORDER = [
  ["Id", true], ["AlternateId", false], ["Version", true], ["ProviderName", true], ["DefaultLocale", true],
  ["DisplayName", true], ["Description", true], ["IconUrl", false], ["HighResolutionIconUrl", false],
  ["SupportUrl", false], ["AppDomains", false], ["Hosts", false], ["Requirements", false],
  ["DefaultSettings", false], ["Permissions", true], ["AllowSnapshot", false], ["VersionOverrides", false],
];
const ORDERS = {
  VersionOverrides: [["Description", false], ["Requirements", false], ["Hosts", true], ["Resources", false], ["EquivalentAddins", false], ["VersionOverrides", false]],
  DesktopFormFactor: [["GetStarted", false], ["FunctionFile", true], ["ExtensionPoint", true]],
  Group: [["Label", true], ["Icon", true], ["Control", true]],
  Control: [["Label", true], ["Supertip", true], ["Icon", true], ["Action", true]],
  Resources: [["Images", false], ["Urls", false], ["ShortStrings", false], ["LongStrings", false]],
};
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];

const elements = (node) => Array.from(node.childNodes).filter((n) => n.nodeType === 1);
const local = (el) => el.localName;

function checkOrder(parent, order, where, problems) {
  const names = elements(parent).map(local);
  let i = 0;
  for (const name of names) {
    const at = order.findIndex(([n]) => n === name);
    if (at < 0) {
      problems.push(`${where}：不认识的元素 <${name}>`);
      continue;
    }
    if (at < i) problems.push(`${where}：元素 <${name}> 的位置不符合架构顺序（应在 <${order[i][0]}> 之前）`);
    i = Math.max(i, at);
  }
  for (const [name, required] of order) {
    if (required && !names.includes(name)) problems.push(`${where}：缺少必需的元素 <${name}>`);
  }
}

function pngSize(file) {
  const b = readFileSync(file);
  if (b.length < 24 || b.toString("ascii", 1, 4) !== "PNG") return undefined;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

function findFile(dir, name) {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      const found = findFile(p, name);
      if (found) return found;
    } else if (entry === name) return p;
  }
  return undefined;
}

/**
 * @param {string} xml manifest text
 * @param {{ root: string, devServerPort?: number }} options root: the repository (assets/ and src/ are looked up there)
 * @returns {string[]} problems, in Chinese; empty when the manifest is valid
 */
function validateManifest(xml, options) {
  const problems = [];
  const errors = [];
  let doc;
  try {
    doc = new DOMParser({ onError: (level, msg) => level !== "warning" && errors.push(msg) }).parseFromString(xml, "text/xml");
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
  if (errors.length || !doc?.documentElement) return [`XML 格式错误：${errors.join("；")}`];
  const app = doc.documentElement;
  if (local(app) !== "OfficeApp" || app.namespaceURI !== NS) return ["根元素必须是命名空间 " + NS + " 中的 <OfficeApp>"];
  if (app.getAttributeNS(XSI, "type") !== "TaskPaneApp") problems.push("OfficeApp 的 xsi:type 必须是 TaskPaneApp");
  checkOrder(app, OFFICEAPP_ORDER, "OfficeApp", problems);

  const child = (parent, name) => elements(parent).find((e) => local(e) === name);
  const text = (name) => child(app, name)?.textContent.trim() ?? "";
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text("Id"))) problems.push("Id 必须是 GUID");
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version"))) problems.push("Version 必须形如 1.0.0.0");
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(text("DefaultLocale"))) problems.push("DefaultLocale 不是有效的语言标记");
  for (const [name, max] of [["DisplayName", 125], ["Description", 250]]) {
    const el = child(app, name);
    const v = el?.getAttribute("DefaultValue") ?? "";
    if (!v) problems.push(`${name} 缺少 DefaultValue`);
    if (v.length > max) problems.push(`${name} 超过 ${max} 个字符`);
  }
  if (!PERMISSIONS.includes(text("Permissions"))) problems.push("Permissions 取值无效");
  const hosts = child(app, "Hosts");
  if (!hosts || !elements(hosts).some((h) => h.getAttribute("Name") === "Workbook")) problems.push("Hosts 中没有 Workbook（Excel）");

  // Every URL: https, one origin, the dev server's port
  const urls = [];
  for (const el of Array.from(doc.getElementsByTagNameNS("*", "*"))) {
    const v = el.getAttribute("DefaultValue");
    if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    if (local(el) === "AppDomain") urls.push(el.textContent.trim());
  }
  const source = child(child(app, "DefaultSettings") ?? app, "SourceLocation")?.getAttribute("DefaultValue");
  if (!source) problems.push("DefaultSettings 中缺少 SourceLocation");
  const origin = source ? new URL(source).origin : undefined;
  for (const u of urls) {
    let url;
    try {
      url = new URL(u);
    } catch {
      problems.push(`不是有效的网址：${u}`);
      continue;
    }
    if (url.protocol !== "https:") problems.push(`网址必须使用 https：${u}`);
    if (origin && url.origin !== origin) problems.push(`网址的来源与 SourceLocation 不一致：${u}`);
    if (options.devServerPort && url.port !== String(options.devServerPort)) problems.push(`网址端口与开发服务器端口 ${options.devServerPort} 不一致：${u}`);
    if (url.pathname.startsWith("/assets/")) {
      const file = join(options.root, decodeURIComponent(url.pathname));
      if (!existsSync(file)) problems.push(`图标文件不存在：${url.pathname}`);
    } else if (url.pathname.endsWith(".html")) {
      const page = url.pathname.slice(1);
      if (!findFile(join(options.root, "src"), page)) problems.push(`页面 ${page} 在 src/ 中没有模板`);
    }
  }

  // Requirements: ExcelApi with a minimum version
  const sets = Array.from(doc.getElementsByTagNameNS(NS, "Set"));
  const excel = sets.find((s) => s.getAttribute("Name") === "ExcelApi");
  if (!excel || !/^1\.\d+$/.test(excel.getAttribute("MinVersion") ?? "")) problems.push("Requirements 中缺少 ExcelApi 的最低版本");

  // VersionOverrides: order, and every resid resolves to a resource of the right kind
  const vo = child(app, "VersionOverrides");
  if (vo) {
    if (vo.namespaceURI !== NS_OV) problems.push("VersionOverrides 的命名空间不对");
    checkOrder(vo, ORDERS.VersionOverrides, "VersionOverrides", problems);
    for (const [name, order] of Object.entries(ORDERS)) {
      if (name === "VersionOverrides") continue;
      for (const el of Array.from(vo.getElementsByTagNameNS("*", name))) {
        if (name === "Control" && el.getAttributeNS(XSI, "type") !== "Button") continue;
        checkOrder(el, order, name, problems);
      }
    }
    const resources = {};
    const kinds = { Images: "图片", Urls: "网址", ShortStrings: "短字符串", LongStrings: "长字符串" };
    const resEl = child(vo, "Resources");
    for (const kind of Object.keys(kinds)) {
      const group = resEl && child(resEl, kind);
      for (const r of group ? elements(group) : []) {
        const id = r.getAttribute("id");
        if (resources[id]) problems.push(`资源 id 重复：${id}`);
        if (id.length > 32) problems.push(`资源 id 超过 32 个字符：${id}`);
        resources[id] = { kind, el: r };
        const v = r.getAttribute("DefaultValue") ?? "";
        if (kind === "ShortStrings" && v.length > 125) problems.push(`短字符串 ${id} 超过 125 个字符`);
        if (kind === "LongStrings" && v.length > 250) problems.push(`长字符串 ${id} 超过 250 个字符`);
        if (r.namespaceURI !== NS_BT) problems.push(`资源 ${id} 不在 bt 命名空间中`);
      }
    }
    const expectKind = (el) => {
      const n = local(el);
      if (n === "Image") return "Images";
      if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(n)) return "Urls";
      if (n === "Description") return "LongStrings";
      return "ShortStrings";
    };
    const used = new Set();
    for (const el of Array.from(vo.getElementsByTagNameNS("*", "*"))) {
      const resid = el.getAttribute("resid");
      if (!resid) continue;
      used.add(resid);
      const r = resources[resid];
      if (!r) problems.push(`resid “${resid}” 没有对应的资源`);
      else if (r.kind !== expectKind(el)) problems.push(`resid “${resid}” 应是${kinds[expectKind(el)]}资源，实际是${kinds[r.kind]}`);
      if (r && local(el) === "Image") {
        const size = Number(el.getAttribute("size"));
        const url = new URL(r.el.getAttribute("DefaultValue"));
        const file = join(options.root, decodeURIComponent(url.pathname));
        const dims = existsSync(file) ? pngSize(file) : undefined;
        if (existsSync(file) && (!dims || dims[0] !== size || dims[1] !== size)) problems.push(`图标 ${url.pathname} 不是 ${size}×${size} 的 PNG`);
      }
    }
    for (const id of Object.keys(resources)) if (!used.has(id)) problems.push(`资源 ${id} 没有被引用`);
  }
  for (const [name, size] of [["IconUrl", 32], ["HighResolutionIconUrl", 64]]) {
    const v = child(app, name)?.getAttribute("DefaultValue");
    if (!v) continue;
    const file = join(options.root, decodeURIComponent(new URL(v).pathname));
    const dims = existsSync(file) ? pngSize(file) : undefined;
    if (dims && (dims[0] !== size || dims[1] !== size)) problems.push(`${name} 应是 ${size}×${size} 的 PNG`);
  }
  return problems;
}

module.exports = { validateManifest };

if (require.main === module) {
  const root = resolve(__dirname, "..");
  const file = resolve(process.argv[2] ?? join(root, "manifest.xml"));
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const problems = validateManifest(readFileSync(file, "utf8"), { root, devServerPort: pkg.config?.dev_server_port });
  if (problems.length) {
    console.error(`清单文件 ${file} 有 ${problems.length} 处问题：`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`清单文件 ${file} 检查通过。`);
}
