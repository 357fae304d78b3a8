// npm start: serve the add-in over https on localhost and sideload it.
// Desktop Excel (Windows, macOS): office-addin-debugging sideloads manifest.xml and starts the
// dev server itself. Linux has no desktop Excel: serve, and say how to sideload into Excel on
// the web, where the task pane and the functions run from this server.
import { spawn } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const port = process.env.npm_package_config_dev_server_port || "3000";
const pidFile = path.join(os.tmpdir(), "livestock-dev-server.pid");
const run = (cmd, args) => spawn(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });

if (process.platform === "win32" || process.platform === "darwin") {
  const child = run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  console.log(`
LiveStock Planner — dev server on https://localhost:${port}/

There is no desktop Excel on ${os.type()}: sideload into Excel on the web instead.
  1. Keep this server running (npm stop, or Ctrl+C, ends it).
  2. Open https://localhost:${port}/taskpane.html once in the browser you use for Excel and
     accept the certificate (office-addin-dev-certs cannot install its CA without sudo here,
     so the server may use a self-signed certificate).
  3. In Excel on the web open a workbook → Home → Add-ins → More add-ins → My add-ins →
     Upload My Add-in, and choose ${path.resolve("manifest.xml")}.
  4. Home → "Restock plan" opens the task pane (served from taskpane.html); type
     =LIVESTOCK.RESTOCK_QTY(…) in a cell for the functions.
Outside Excel the same page is a browser preview on the bundled sample workbook:
  https://localhost:${port}/taskpane.html
`);
  // webpack itself, not through npx, so that stopping this process stops the server too.
  const webpack = path.resolve("node_modules/webpack/bin/webpack.js");
  const child = run(process.execPath, [webpack, "serve", "--mode", "development"]);
  fs.writeFileSync(pidFile, String(process.pid));
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => {
    fs.rmSync(pidFile, { force: true });
    process.exit(code ?? 0);
  });
}
