import { performance } from "node:perf_hooks";
import type { SheetOut } from "../src/core/data/table";
import { SYNC_BUDGET } from "../src/workbook/officeWorkbook";
import { planWriteBatches } from "../src/workbook/officeCells";

const ROWS = 20_000;
const RUNS = 5;

/** A 20,000-row `LS Plan` shaped like the planner's: 21 columns of text, numbers and dates. */
function bigPlan(): SheetOut {
  const formats = [
    "text",
    "text",
    "text",
    "decimal",
    "integer",
    "integer",
    "integer",
    "integer",
    "integer",
    "integer",
    "integer",
    "text",
    "text",
    "text",
    "date",
    "date",
    "date",
    "money",
    "decimal",
    "date",
    "text",
  ] as const;
  return {
    name: "LS Plan",
    columns: formats.map((format, c) => ({ key: `c${c}`, header: `column ${c}`, format })),
    rows: Array.from({ length: ROWS }, (_, r) =>
      formats.map((format, c) =>
        format === "text"
          ? c === 0
            ? `SKU-${r}`
            : `=text ${r}`
          : format === "date"
            ? { date: "2026-11-16" }
            : r * 0.5 + c,
      ),
    ),
  };
}

/**
 * npm run bench: the time to build the Office.js write batches of a
 * 20,000-row plan (cells converted, rows split into syncs), and how many
 * syncs the write takes.
 */
export async function benchWriteBatches(): Promise<void> {
  const sheet = bigPlan();
  let batches = planWriteBatches([sheet], SYNC_BUDGET);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    batches = planWriteBatches([sheet], SYNC_BUDGET);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const cells = (ROWS + 1) * sheet.columns.length;
  console.log(
    `write batches, ${ROWS.toLocaleString("en")}-row × ${sheet.columns.length}-column plan (${cells.toLocaleString("en")} cells): ` +
      `median ${times[Math.floor(RUNS / 2)].toFixed(1)} ms over ${RUNS} runs; ${batches.length} data batches of ≤ ${SYNC_BUDGET.cells.toLocaleString("en")} cells and ${SYNC_BUDGET.bytes.toLocaleString("en")} bytes ` +
      `→ ${batches.length + 4} syncs for a new plan, ${batches.length + 5} when replacing one (2 to read the workbook, 1 to finish, 1 to swap in, 1 to delete the old sheets; target ≤ 10)`,
  );
}
