import { rmSync } from "fs";
import fc from "fast-check";
import type { RawTable } from "../src/core/data/table";
import { fuzzDir, runSubprocess, trimmedSample, workbookCase, WorkerRunner } from "./workbookFuzz";

/**
 * The long workbook fuzz: FUZZ_RUNS cases (default 3,000), extreme magnitudes
 * included (FUZZ_EXTREMES=0 leaves them out); one case in 50 runs as a real
 * `livestock plan` process, the rest in a worker thread that is ended after
 * 30 s and capped at 1.5 GB of heap. Prints how the runs ended.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const EXTREMES = process.env.FUZZ_EXTREMES !== "0";
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

let base: RawTable[];
let dir: string;
const runner = new WorkerRunner();
beforeAll(async () => {
  base = await trimmedSample();
  dir = fuzzDir();
  await runner.warm();
});
afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

it(`workbook fuzz: ${RUNS} mutated workbooks through livestock plan`, async () => {
  const exits = new Map<number, number>();
  let slowest = 0;
  let i = 0;
  await fc.assert(
    fc.asyncProperty(workbookCase(EXTREMES), async (c) => {
      const verdict = ++i % 50 === 0 ? await runSubprocess(base, c, dir) : await runner.run(base, c, dir);
      exits.set(verdict.code, (exits.get(verdict.code) ?? 0) + 1);
      slowest = Math.max(slowest, verdict.ms);
      expect(verdict.failures).toEqual([]);
    }),
    { numRuns: RUNS, seed },
  );
  const counts = [...exits].sort(([a], [b]) => a - b).map(([code, n]) => `exit ${code}: ${n}`);
  console.log(`workbook fuzz: ${i} runs; ${counts.join(", ")}; slowest ${(slowest / 1000).toFixed(1)} s`);
});
