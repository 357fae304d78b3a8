import { rmSync } from "fs";
import fc from "fast-check";
import type { RawTable } from "../../src/core/data/table";
import {
  fuzzDir,
  runInProcess,
  runSubprocess,
  trimmedSample,
  workbookCase,
  type WorkbookCase,
} from "../../fuzz/workbookFuzz";

/**
 * The workbook fuzz's short run (`npm run fuzz` runs thousands of cases, with
 * extreme magnitudes too): mutated workbooks planned through the CLI's command
 * in this process, and a few as real `livestock plan` processes.
 */
const RUNS = Number(process.env.WORKBOOK_FUZZ_RUNS ?? 200);

let base: RawTable[];
let dir: string;
beforeAll(async () => {
  base = await trimmedSample();
  dir = fuzzDir();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("workbook fuzz", () => {
  it(`plans ${RUNS} mutated workbooks: exit 0/1/2, no stack trace, problems located, no output unless planned, input unchanged, output safe`, async () => {
    await fc.assert(
      fc.asyncProperty(workbookCase(false), async (c) => {
        const verdict = await runInProcess(base, c, dir);
        expect(verdict.failures).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261201) },
    );
  }, 300_000);

  it.each<[string, WorkbookCase]>([
    ["an unchanged workbook", { edits: [], excelTables: true, zipEdits: [] }],
    [
      "page breaks on a plain sheet",
      { edits: [], excelTables: false, zipEdits: [{ kind: "pageBreaks", sheet: 2 }] },
    ],
    ["4 KB of zeros inside", { edits: [], excelTables: true, zipEdits: [{ kind: "zeros", at: 0.3 }] }],
  ])("as a real process: %s", async (_, c) => {
    const verdict = await runSubprocess(base, c, dir);
    expect(verdict.failures).toEqual([]);
  });
});
