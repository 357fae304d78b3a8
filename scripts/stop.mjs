// npm stop: end what npm start began — the sideload and dev server on desktop Excel, the dev
// server on Linux.
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

if (process.platform === "win32" || process.platform === "darwin") {
  const r = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(r.status ?? 0);
}
const pidFile = path.join(os.tmpdir(), "livestock-dev-server.pid");
if (!fs.existsSync(pidFile)) {
  console.log("No LiveStock dev server is running.");
  process.exit(0);
}
const pid = Number(fs.readFileSync(pidFile, "utf8"));
try {
  process.kill(pid, "SIGTERM");
  console.log(`Stopped the dev server (pid ${pid}).`);
} catch {
  console.log("The dev server had already stopped.");
}
fs.rmSync(pidFile, { force: true });
