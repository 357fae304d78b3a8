import type { SheetOut } from "../../src/core/data/table";
import { executeJob, type JobSteps, type PaneJobState } from "../../src/taskpane/executeJob";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { smallSeller } from "./fixtures";

interface TestState extends PaneJobState {
  readonly step?: number;
  readonly answer?: string;
}

interface TestResult {
  readonly cancelled: boolean;
  readonly answer?: string;
}

const SHEET: SheetOut = {
  name: "LS Test",
  columns: [{ key: "a", header: "A", format: "text" }],
  rows: [["x"]],
};

/** Steps whose job reports steps 1 and 2 and returns `result`; blocked when the result has no answer. */
const steps = (result: TestResult | undefined): JobSteps<TestState, TestResult> => ({
  idle: { status: "idle" },
  started: { stage: "working" },
  start: (_tables, report) => {
    report({ step: 1 });
    report({ step: 2 });
    return { done: Promise.resolve(result), cancel: () => undefined };
  },
  outcome: (r) =>
    r.answer === undefined
      ? { blocked: { answer: "none" } }
      : {
          sheets: [SHEET],
          writing: { step: 3 },
          presentation: () => ({ charts: [], statusLevels: {} }),
          done: () => ({ answer: r.answer }),
        },
});

const run = async (result: TestResult | undefined, cancelled = false) => {
  const book = MemoryWorkbook.withTables(smallSeller());
  const states: TestState[] = [];
  const final = await executeJob(book, {}, steps(result), { cancelled }, (s) => states.push(s));
  return { book, states, final };
};

describe("executeJob", () => {
  it("reports reading, the job's progress, writing, then done with the sheets written", async () => {
    const { book, states, final } = await run({ cancelled: false, answer: "42" });
    const tables = states[1].tables;
    expect(tables?.length).toBeGreaterThan(0);
    expect(states).toEqual([
      { status: "running", stage: "reading" },
      { status: "running", stage: "working", tables },
      { status: "running", stage: "working", tables, step: 1 },
      { status: "running", stage: "working", tables, step: 2 },
      { status: "running", stage: "writing", tables, step: 3 },
      { status: "done", stage: "writing", tables, answer: "42", written: ["LS Test"] },
    ]);
    expect(final).toBe(states[states.length - 1]);
    expect(book.sheet("LS Test")?.cells).toBeDefined();
  });

  it("ends blocked with what the outcome says, writing nothing", async () => {
    const { book, final } = await run({ cancelled: false });
    expect(final).toEqual({ status: "blocked", tables: final.tables, answer: "none" });
    expect(book.sheet("LS Test")).toBeUndefined();
  });

  it("ends cancelled when the job says so, or when cancelled before it starts", async () => {
    for (const [result, cancelled] of [
      [{ cancelled: true, answer: "42" }, false],
      [undefined, false],
      [{ cancelled: false, answer: "42" }, true],
    ] as const) {
      const { book, states, final } = await run(result, cancelled);
      expect(final).toEqual({ status: "cancelled", tables: final.tables });
      expect(states.some((s) => s.step !== undefined)).toBe(!cancelled);
      expect(book.sheet("LS Test")).toBeUndefined();
    }
  });

  it("ends failed with the error and the tables read so far when a step throws", async () => {
    const book = MemoryWorkbook.withTables(smallSeller());
    const broken: JobSteps<TestState, TestResult> = {
      ...steps({ cancelled: false, answer: "42" }),
      outcome: () => {
        throw new Error("boom");
      },
    };
    const final = await executeJob(book, {}, broken, { cancelled: false }, () => undefined);
    expect(final).toMatchObject({ status: "failed", error: new Error("boom") });
    expect(final.tables?.length).toBeGreaterThan(0);
  });
});
