import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { validateManifest } from "../scripts/validate-manifest";

const root = resolve(__dirname, "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const port = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).config.dev_server_port as number;
const validate = (xml: string) => validateManifest(xml, { root, devServerPort: port });

test("manifest.xml passes every offline check", () => {
  expect(validate(manifest)).toEqual([]);
});

test("what the add-in asks of Excel: Workbook host, ReadWriteDocument, ExcelApi 1.8, zh-CN", () => {
  expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
  expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.8"\/>/);
  expect(manifest).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
  expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
  expect(manifest).toMatch(/<DisplayName DefaultValue="政务公开年报助手">/);
});

describe("each kind of mistake is caught", () => {
  test.each([
    ["a required element removed", (m: string) => m.replace(/<ProviderName>.*<\/ProviderName>/, ""), "缺少必需的元素 <ProviderName>"],
    ["elements out of schema order", (m: string) => m.replace(/(<Version>.*<\/Version>)(\s*)(<ProviderName>.*<\/ProviderName>)/, "$3$2$1"), "位置不符合架构顺序"],
    ["a resid with no resource", (m: string) => m.replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"'), "resid “Taskpane.Missing” 没有对应的资源"],
    ["a resid of the wrong kind", (m: string) => m.replace('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'), "应是短字符串资源"],
    ["a plain http URL", (m: string) => m.replace("https://localhost:3000/taskpane.html\"/>\n      </bt:Urls>", "http://localhost:3000/taskpane.html\"/>\n      </bt:Urls>"), "网址必须使用 https"],
    ["a URL on another origin", (m: string) => m.replace("https://localhost:3000/commands.html", "https://example.org/commands.html"), "来源与 SourceLocation 不一致"],
    ["an icon that does not exist", (m: string) => m.replace("assets/icon-80.png", "assets/icon-81.png"), "图标文件不存在：/assets/icon-81.png"],
    ["an icon of the wrong size", (m: string) => m.replace('DefaultValue="https://localhost:3000/assets/icon-80.png"', 'DefaultValue="https://localhost:3000/assets/icon-64.png"'), "不是 80×80 的 PNG"],
    ["a page with no template", (m: string) => m.replace(/commands\.html/g, "cmds.html"), "页面 cmds.html 在 src/ 中没有模板"],
    ["an id that is not a GUID", (m: string) => m.replace(/<Id>.*<\/Id>/, "<Id>nianbao</Id>"), "Id 必须是 GUID"],
    ["a bad permission", (m: string) => m.replace("ReadWriteDocument", "ReadWrite"), "Permissions 取值无效"],
    ["no ExcelApi requirement", (m: string) => m.replace(/<Set Name="ExcelApi"[^>]*\/>/, ""), "缺少 ExcelApi 的最低版本"],
    ["an unused resource", (m: string) => m.replace("</bt:ShortStrings>", '  <bt:String id="Unused" DefaultValue="x"/>\n      </bt:ShortStrings>'), "资源 Unused 没有被引用"],
    ["a display name over 125 characters", (m: string) => m.replace('DisplayName DefaultValue="政务公开年报助手"', `DisplayName DefaultValue="${"年".repeat(126)}"`), "DisplayName 超过 125 个字符"],
    ["broken XML", (m: string) => m.replace("</Hosts>", ""), "XML 格式错误"],
  ])("%s", (_, mutate, message) => {
    const problems = validate(mutate(manifest));
    expect(problems.join("\n")).toContain(message);
  });

  test("a port that differs from the dev server's", () => {
    expect(validateManifest(manifest, { root, devServerPort: 3001 }).join("\n")).toContain("开发服务器端口 3001");
  });
});
