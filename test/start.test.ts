import { plan } from "../scripts/start";

test("npm start sideloads into Excel on Windows and Mac", () => {
  for (const platform of ["win32", "darwin"]) {
    const p = plan("start", platform, {});
    expect(p.mode).toBe("excel");
    expect(p.command).toMatch(/office-addin-debugging(\.cmd)?$/);
    expect(p.args).toEqual(["start", "manifest.xml"]);
    expect(plan("stop", platform, {}).args).toEqual(["stop", "manifest.xml"]);
  }
});

test("npm start serves the browser demo over http where there is no Excel, and says where", () => {
  const p = plan("start", "linux", {});
  expect(p).toMatchObject({ mode: "demo", args: ["serve", "--mode", "development"], env: { NIANBAO_HTTP: "1" } });
  expect(p.message).toBe("没有 Excel 的环境：启动浏览器演示。请在浏览器中打开 http://localhost:3000/demo.html （按 Ctrl+C 停止）。");
  expect(plan("start", "win32", { NIANBAO_DEMO: "1" }).mode).toBe("demo");
  expect(plan("stop", "linux", {}).command).toBeUndefined();
});
