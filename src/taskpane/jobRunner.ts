import type { DataProblem } from "../core/data/problem";
import type { RawTable } from "../core/data/table";
import { checkWorkbook, planWorkbook, type JobOptions, type JobResult, type JobStage } from "../core/job";

/** The job's options that cross to a worker: plain data, no callbacks. */
export type JobRequest = Omit<JobOptions, "onStage" | "shouldCancel">;

/** A started job: its outcome (undefined when cancelled) and how to stop it. */
export interface RunningJob {
  readonly done: Promise<JobResult | undefined>;
  cancel(): void;
}

/** Runs the main job (`planWorkbook`) somewhere the task pane stays responsive. */
export type JobRunner = (
  tables: readonly RawTable[],
  request: JobRequest,
  onStage: (stage: JobStage) => void,
) => RunningJob;

/** Checks the tables as the job's first half does, for the Inputs panel before any run. */
export type TableChecker = (tables: readonly RawTable[]) => Promise<readonly DataProblem[]>;

/** Messages to the plan worker. */
export type WorkerRequest =
  | { readonly type: "plan"; readonly tables: readonly RawTable[]; readonly request: JobRequest }
  | { readonly type: "check"; readonly tables: readonly RawTable[] };

/** Messages from the plan worker. */
export type WorkerReply =
  | { readonly type: "stage"; readonly stage: JobStage }
  | { readonly type: "done"; readonly result: JobResult }
  | { readonly type: "checked"; readonly problems: readonly DataProblem[] }
  | { readonly type: "error"; readonly message: string };

/** The check on the UI thread (tests, hosts without Web Workers). */
export const inlineChecker: TableChecker = async (tables) => checkWorkbook(tables, {}).read.problems;

/** The check in a Web Worker of its own. */
export function workerChecker(spawn: () => Worker): TableChecker {
  return (tables) =>
    new Promise((resolve, reject) => {
      const worker = spawn();
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        worker.terminate();
        if (event.data.type === "checked") resolve(event.data.problems);
        else reject(new Error(event.data.type === "error" ? event.data.message : "unexpected reply"));
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message || "worker failed"));
      };
      const message: WorkerRequest = { type: "check", tables };
      worker.postMessage(message);
    });
}

/**
 * The job on the UI thread, started after the current event so the pane can
 * paint first, and cancelled between stages. For tests and for hosts without
 * Web Workers; the pane uses `workerRunner` where it can.
 */
export const inlineRunner: JobRunner = (tables, request, onStage) => {
  let cancelled = false;
  const done = new Promise<JobResult | undefined>((resolve, reject) => {
    setTimeout(() => {
      try {
        const result = planWorkbook(tables, { ...request, onStage, shouldCancel: () => cancelled });
        resolve(cancelled || result.cancelled ? undefined : result);
      } catch (error) {
        reject(error);
      }
    }, 0);
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
    },
  };
};

/**
 * The job in a Web Worker: the pane stays responsive however long the plan
 * takes; cancelling terminates the worker, so nothing of the plan survives
 * (the workbook is written only after the job has returned).
 */
export function workerRunner(spawn: () => Worker): JobRunner {
  return (tables, request, onStage) => {
    const worker = spawn();
    let settle: (result: JobResult | undefined) => void = () => undefined;
    const done = new Promise<JobResult | undefined>((resolve, reject) => {
      settle = resolve;
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === "stage") onStage(reply.stage);
        else {
          worker.terminate();
          if (reply.type === "done") resolve(reply.result);
          else reject(new Error(reply.type === "error" ? reply.message : "unexpected reply"));
        }
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message || "worker failed"));
      };
    });
    const message: WorkerRequest = { type: "plan", tables, request };
    worker.postMessage(message);
    return {
      done,
      cancel: () => {
        worker.terminate();
        settle(undefined);
      },
    };
  };
}
