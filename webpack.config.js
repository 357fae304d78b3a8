const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localizeFunctions");

const devPort = Number(process.env.npm_package_config_dev_server_port || 3000);
// The manifest and the pages point at this origin. Production builds are served from
// wherever ADDIN_BASE_URL says; the default is the local https dev server.
const baseUrl = (process.env.ADDIN_BASE_URL || `https://localhost:${devPort}/`).replace(/\/?$/, "/");

// Custom functions live in one file per area; the metadata plugin reads their JSDoc.
const functionSources = ["./src/functions/inventory.ts", "./src/functions/forecast.ts"];

// Production builds load office.js from Microsoft's CDN, as the Office Add-ins docs require
// (it is updated there; the npm copy is frozen). Development builds (npm start, the browser
// preview) serve this copy from @microsoft/office-js and the few files it loads itself, so they
// run offline; the end-to-end test serves the same copy in place of the CDN.
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeJsDir = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const officeJsFiles = [
  "office.js",
  "excel-*.js",
  "custom-functions-runtime.js",
  "o15apptofilemappingtable.js",
  "en-us/*.js",
  "zh-cn/*.js",
];

module.exports = async (_env, argv) => {
  const dev = argv.mode !== "production";
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/index.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler" },
            },
          },
        },
        { test: /\.(png|svg)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    performance: { hints: false },
    // esbuild minifies Fluent UI in seconds where terser takes minutes on two cores.
    optimization: { minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.esbuildMinify })] },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: functionSources, output: "functions.json" }),
      new LocalizeFunctionsPlugin({ tablesDir: path.resolve(__dirname, "src/functions") }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: { officeJs: dev ? "office-js/office.js" : OFFICE_JS_CDN },
        chunks: ["functions", "taskpane"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...(dev ? officeJsFiles : []).map((pattern) => ({
            from: pattern,
            context: officeJsDir,
            to: "office-js/",
          })),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().replace(/https:\/\/localhost:3000\//g, baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      port: devPort,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      server: process.env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : undefined,
    },
  };
  return config;
};

// office-addin-dev-certs makes a localhost certificate; installing its CA needs sudo,
// so where that fails the server falls back to webpack's own self-signed certificate.
async function httpsOptions() {
  try {
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch {
    return {};
  }
}

module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
