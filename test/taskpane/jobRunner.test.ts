import type { RawTable } from "../../src/core/data/table";
import type { JobResult, JobStage } from "../../src/core/job";
import type { SimulateWorkbookResult, SimulationProgress } from "../../src/core/simulate";
import { dayOf } from "../../src/core/time/day";
import {
  inlineChecker,
  inlineSimulator,
  workerChecker,
  workerRunner,
  workerSimulator,
  type WorkerReply,
  type WorkerRequest,
} from "../../src/taskpane/jobRunner";

/** A stand-in Worker that answers each message with the replies `answer` gives. */
class FakeWorker {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: WorkerRequest[] = [];

  constructor(private readonly answer: (request: WorkerRequest) => WorkerReply[]) {}

  postMessage(request: WorkerRequest): void {
    this.received.push(request);
    setTimeout(() => {
      for (const reply of this.answer(request)) {
        if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>);
      }
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

const result: JobResult = { problems: [], warnings: [], skippedRows: 0, cancelled: false };
const tables: RawTable[] = [];

describe("workerRunner", () => {
  it("passes the stages on, resolves with the result and ends the worker", async () => {
    const worker = new FakeWorker(() => [
      { type: "stage", stage: "forecasting" },
      { type: "stage", stage: "planning" },
      { type: "done", result },
    ]);
    const stages: JobStage[] = [];
    const job = workerRunner(() => worker as unknown as Worker)(tables, { lang: "en" }, (s) =>
      stages.push(s),
    );
    await expect(job.done).resolves.toBe(result);
    expect(stages).toEqual(["forecasting", "planning"]);
    expect(worker.received).toEqual([{ type: "plan", tables, request: { lang: "en" } }]);
    expect(worker.terminated).toBe(true);
  });

  it("cancels by ending the worker: no result comes back", async () => {
    const worker = new FakeWorker(() => [{ type: "done", result }]);
    const job = workerRunner(() => worker as unknown as Worker)(tables, { lang: "en" }, () => undefined);
    job.cancel();
    await expect(job.done).resolves.toBeUndefined();
    expect(worker.terminated).toBe(true);
  });

  it("rejects with the worker's error", async () => {
    const worker = new FakeWorker(() => [{ type: "error", message: "out of memory" }]);
    const job = workerRunner(() => worker as unknown as Worker)(tables, { lang: "en" }, () => undefined);
    await expect(job.done).rejects.toThrow("out of memory");
  });
});

const week = (n: number): SimulationProgress => ({
  run: 1,
  runs: 1,
  week: n,
  weeks: 2,
  weekStart: dayOf(20_458 + 7 * (n - 1)),
  fill: { livestock: 0.9 },
});
const simulated: SimulateWorkbookResult = { problems: [], cancelled: false };

describe("workerSimulator", () => {
  it("asks for a simulation, passes each week's progress on, resolves with the result and ends the worker", async () => {
    const worker = new FakeWorker(() => [
      { type: "progress", progress: week(1) },
      { type: "progress", progress: week(2) },
      { type: "simulated", result: simulated },
    ]);
    const progress: SimulationProgress[] = [];
    const job = workerSimulator(() => worker as unknown as Worker)(tables, { lang: "en", weeks: 2 }, (p) =>
      progress.push(p),
    );
    await expect(job.done).resolves.toBe(simulated);
    expect(progress).toEqual([week(1), week(2)]);
    expect(worker.received).toEqual([{ type: "simulate", tables, request: { lang: "en", weeks: 2 } }]);
    expect(worker.terminated).toBe(true);
  });

  it("cancels by ending the worker: no progress or result comes back after it", async () => {
    const worker = new FakeWorker(() => [
      { type: "progress", progress: week(1) },
      { type: "simulated", result: simulated },
    ]);
    const progress: SimulationProgress[] = [];
    const job = workerSimulator(() => worker as unknown as Worker)(tables, { lang: "en" }, (p) =>
      progress.push(p),
    );
    job.cancel();
    await expect(job.done).resolves.toBeUndefined();
    await new Promise((r) => setTimeout(r, 5));
    expect(progress).toEqual([]);
    expect(worker.terminated).toBe(true);
  });

  it("rejects with the worker's error, and on a plan's reply to a simulation", async () => {
    const failing = new FakeWorker(() => [{ type: "error", message: "out of memory" }]);
    await expect(
      workerSimulator(() => failing as unknown as Worker)(tables, { lang: "en" }, () => undefined).done,
    ).rejects.toThrow("out of memory");
    expect(failing.terminated).toBe(true);
    const confused = new FakeWorker(() => [{ type: "done", result }]);
    await expect(
      workerSimulator(() => confused as unknown as Worker)(tables, { lang: "en" }, () => undefined).done,
    ).rejects.toThrow("unexpected reply");
  });

  it("rejects when the worker itself fails", async () => {
    const worker = new FakeWorker(() => []);
    const job = workerSimulator(() => worker as unknown as Worker)(tables, { lang: "en" }, () => undefined);
    worker.onerror?.({ message: "script error" } as ErrorEvent);
    await expect(job.done).rejects.toThrow("script error");
    expect(worker.terminated).toBe(true);
  });
});

describe("inlineSimulator", () => {
  it("reports the tables' problems without simulating", async () => {
    const out = await inlineSimulator([], { lang: "en", weeks: 1 }, () => undefined).done;
    expect(out?.result).toBeUndefined();
    expect(out?.problems.map((p) => p.table)).toEqual(expect.arrayContaining(["SKUs", "Sales"]));
  });

  it("comes back empty when cancelled before it starts", async () => {
    const progress: SimulationProgress[] = [];
    const job = inlineSimulator([], { lang: "en", weeks: 1 }, (p) => progress.push(p));
    job.cancel();
    await expect(job.done).resolves.toBeUndefined();
    expect(progress).toEqual([]);
  });
});

describe("table checkers", () => {
  it("asks the worker for the check only", async () => {
    const problem = { table: "SKUs" as const, message: { en: "missing", zh: "缺失" } };
    const worker = new FakeWorker(() => [{ type: "checked", problems: [problem] }]);
    await expect(workerChecker(() => worker as unknown as Worker)(tables)).resolves.toEqual([problem]);
    expect(worker.received).toEqual([{ type: "check", tables }]);
  });

  it("finds a missing required table on the UI thread too", async () => {
    const problems = await inlineChecker([]);
    expect(problems.map((p) => p.table)).toEqual(
      expect.arrayContaining(["SKUs", "Warehouses", "Stock", "Sales"]),
    );
  });
});
