import { rmSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { RawTable } from "../../src/core/data/table";
import {
  fuzzDir,
  nonFiniteTexts,
  outputFaults,
  runInProcess,
  runSubprocess,
  trimmedSample,
  workbookCase,
  type WorkbookCase,
} from "../../fuzz/workbookFuzz";

/**
 * The workbook fuzz's short run (`npm run fuzz` runs thousands of cases):
 * mutated workbooks, extreme magnitudes included (10⁶ to 10³⁰⁸, "1e999",
 * 9999-12-31, now that inputs have bounds), planned through the CLI's command
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
      fc.asyncProperty(workbookCase(true), async (c) => {
        const verdict = await runInProcess(base, c, dir);
        expect(verdict.failures).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261201) },
    );
  }, 300_000);

  it("the case the long fuzz found in stop 16: a past stream with 1.3e-120 peak viewers", async () => {
    // Its units to so small an audience made the stream model's dispersion 3e136 and every
    // planned stream's audience spread unbounded: a non-finite reorder point, exit 3.
    const c: WorkbookCase = {
      edits: [{ table: 5, row: 0, col: 3, kind: "cell", value: 1.3123752099334557e-120 }],
      excelTables: false,
      zipEdits: [],
    };
    const verdict = await runInProcess(base, c, dir);
    expect(verdict.failures).toEqual([]);
    expect(verdict.code).toBe(0);
  }, 60_000);

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

  it("the judge sees a formula, unprotected formula-like text and a non-finite number in an output", async () => {
    const file = path.join(dir, "bad-output.xlsx");
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("LS Plan");
    ws.getCell("A1").value = { formula: "1+1", result: 2 };
    ws.getCell("A2").value = "=HYPERLINK(1)";
    ws.getCell("A3").value = "=kept";
    ws.getCell("A3").numFmt = "@";
    ws.getCell("A4").value = NaN;
    await workbook.xlsx.writeFile(file);
    const faults = await outputFaults(file);
    expect(faults).toEqual(
      expect.arrayContaining([
        expect.stringContaining("holds a formula"),
        "LS Plan!A2 holds unprotected “=HYPERLINK(1)”",
        expect.stringContaining("NaN"),
      ]),
    );
    expect(faults.join()).not.toContain("A3");
  });

  it("the judge lets an output echo the input's own text “Infinity” (a supplier's name), not make one up", async () => {
    const file = path.join(dir, "echo-output.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("LS Suppliers").getCell("A1").value = "Infinity";
    await workbook.xlsx.writeFile(file);
    const input = path.join(dir, "echo-input.xlsx");
    const source = new ExcelJS.Workbook();
    source.addWorksheet("SKUs").getCell("E2").value = "Infinity";
    await source.xlsx.writeFile(input);
    expect(await outputFaults(file, await nonFiniteTexts(input))).toEqual([]);
    expect(await outputFaults(file)).toEqual(["a text cell says NaN or Infinity"]);
  });
});
