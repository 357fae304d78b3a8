#!/usr/bin/env node
// The package's command: `livestock plan [in.xlsx] …`. It runs the TypeScript
// sources through tsx's require hook (tsx ships with the project), so the
// command is always the code in src/ — no separate build step to forget.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // runPlanCommand reports every failure itself; this is the last resort, one line, as an internal error.
    console.error(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 3;
  },
);
