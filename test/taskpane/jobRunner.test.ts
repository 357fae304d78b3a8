import type { RawTable } from "../../src/core/data/table";
import type { JobResult, JobStage } from "../../src/core/job";
import {
  inlineChecker,
  workerChecker,
  workerRunner,
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
