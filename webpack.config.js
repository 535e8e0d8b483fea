const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const pkg = require("./package.json");

const port = pkg.config.dev_server_port;

/** https for Office (office-addin-dev-certs); plain http where certificates cannot be had (e.g. Linux without sudo). */
async function serverOptions() {
  if (process.env.NIANBAO_HTTP === "1") return { type: "http" };
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (e) {
    console.warn(`无法使用开发证书，改用 http 提供页面（Excel 需要 https）：${e instanceof Error ? e.message : e}`);
    return { type: "http" };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      demo: "./src/demo/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: "tsconfig.json",
              onlyCompileBundledFiles: true,
              // ES modules let webpack drop the unused parts of Fluent UI
              compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [] }),
      new HtmlWebpackPlugin({ filename: "demo.html", template: "./src/demo/demo.html", chunks: ["demo"] }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*", to: "assets/[name][ext]" }, { from: "manifest.xml", to: "[name][ext]" }] }),
    ],
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await serverOptions(),
          host: "localhost",
          port,
          static: false,
        }
      : undefined,
  };
};
