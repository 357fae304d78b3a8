import type { DataProblem } from "../core/data/problem";
import type { RawTable } from "../core/data/table";
import { checkWorkbook, planWorkbook, type JobOptions, type JobResult, type JobStage } from "../core/job";
import {
  simulateWorkbook,
  type SimulateWorkbookOptions,
  type SimulateWorkbookResult,
  type SimulationProgress,
} from "../core/simulate";

/** The job's options that cross to a worker: plain data, no callbacks. */
export type JobRequest = Omit<JobOptions, "onStage" | "shouldCancel">;

/** The simulation's options that cross to a worker: plain data, no callbacks. */
export type SimulateRequest = Omit<SimulateWorkbookOptions, "onProgress" | "shouldCancel">;

/** A started job: its outcome (undefined when cancelled) and how to stop it. */
export interface Running<R> {
  readonly done: Promise<R | undefined>;
  cancel(): void;
}

export type RunningJob = Running<JobResult>;

/** Runs the main job (`planWorkbook`) somewhere the task pane stays responsive. */
export type JobRunner = (
  tables: readonly RawTable[],
  request: JobRequest,
  onStage: (stage: JobStage) => void,
) => RunningJob;

/** Runs the closed-loop simulation (`simulateWorkbook`) somewhere the task pane stays responsive. */
export type SimulationRunner = (
  tables: readonly RawTable[],
  request: SimulateRequest,
  onProgress: (progress: SimulationProgress) => void,
) => Running<SimulateWorkbookResult>;

/** Checks the tables as the job's first half does, for the Inputs panel before any run. */
export type TableChecker = (tables: readonly RawTable[]) => Promise<readonly DataProblem[]>;

/** Messages to the plan worker. */
export type WorkerRequest =
  | { readonly type: "plan"; readonly tables: readonly RawTable[]; readonly request: JobRequest }
  | { readonly type: "simulate"; readonly tables: readonly RawTable[]; readonly request: SimulateRequest }
  | { readonly type: "check"; readonly tables: readonly RawTable[] };

/** Replies that report progress; any other reply ends the job. */
type ProgressReply =
  | { readonly type: "stage"; readonly stage: JobStage }
  | { readonly type: "progress"; readonly progress: SimulationProgress };

/** Messages from the plan worker. */
export type WorkerReply =
  | ProgressReply
  | { readonly type: "done"; readonly result: JobResult }
  | { readonly type: "simulated"; readonly result: SimulateWorkbookResult }
  | { readonly type: "checked"; readonly problems: readonly DataProblem[] }
  | { readonly type: "error"; readonly message: string };

const isProgress = (reply: WorkerReply): reply is ProgressReply =>
  reply.type === "stage" || reply.type === "progress";

/**
 * One job in a Web Worker of its own: progress replies go to `onProgress`, the
 * first other reply ends the worker and settles the job (`outcome` picks its
 * result, undefined for a reply of the wrong kind). Cancelling terminates the
 * worker, so nothing of the job survives.
 */
function workerJob<R>(
  spawn: () => Worker,
  message: WorkerRequest,
  outcome: (reply: WorkerReply) => R | undefined,
  onProgress: (reply: ProgressReply) => void = () => undefined,
): Running<R> {
  const worker = spawn();
  let settle: (result: R | undefined) => void = () => undefined;
  const done = new Promise<R | undefined>((resolve, reject) => {
    settle = resolve;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (isProgress(reply)) {
        onProgress(reply);
        return;
      }
      worker.terminate();
      const result = outcome(reply);
      if (result !== undefined) resolve(result);
      else reject(new Error(reply.type === "error" ? reply.message : "unexpected reply"));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "worker failed"));
    };
  });
  worker.postMessage(message);
  return {
    done,
    cancel: () => {
      worker.terminate();
      settle(undefined);
    },
  };
}

/**
 * A job on the UI thread, started after the current event so the pane can
 * paint first; `work` sees the cancel through `cancelled` and returns
 * undefined when it stopped. For tests and hosts without Web Workers.
 */
function inlineJob<R>(work: (cancelled: () => boolean) => R | undefined): Running<R> {
  let cancelled = false;
  const done = new Promise<R | undefined>((resolve, reject) => {
    setTimeout(() => {
      try {
        const result = work(() => cancelled);
        resolve(cancelled ? undefined : result);
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
}

/** The check on the UI thread (tests, hosts without Web Workers). */
export const inlineChecker: TableChecker = async (tables) => checkWorkbook(tables, {}).read.problems;

/** The check in a Web Worker of its own. */
export function workerChecker(spawn: () => Worker): TableChecker {
  return async (tables) => {
    const problems = await workerJob(spawn, { type: "check", tables }, (reply) =>
      reply.type === "checked" ? reply.problems : undefined,
    ).done;
    return problems ?? [];
  };
}

/**
 * The plan on the UI thread, cancelled between stages. For tests and for
 * hosts without Web Workers; the pane uses `workerRunner` where it can.
 */
export const inlineRunner: JobRunner = (tables, request, onStage) =>
  inlineJob((cancelled) => {
    const result = planWorkbook(tables, { ...request, onStage, shouldCancel: cancelled });
    return result.cancelled ? undefined : result;
  });

/**
 * The plan in a Web Worker: the pane stays responsive however long the plan
 * takes; cancelling terminates the worker (the workbook is written only after
 * the job has returned).
 */
export function workerRunner(spawn: () => Worker): JobRunner {
  return (tables, request, onStage) =>
    workerJob(
      spawn,
      { type: "plan", tables, request },
      (reply) => (reply.type === "done" ? reply.result : undefined),
      (reply) => {
        if (reply.type === "stage") onStage(reply.stage);
      },
    );
}

/** The simulation on the UI thread, cancelled between weeks (tests, hosts without Web Workers). */
export const inlineSimulator: SimulationRunner = (tables, request, onProgress) =>
  inlineJob((cancelled) => {
    const result = simulateWorkbook(tables, { ...request, onProgress, shouldCancel: cancelled });
    return result.cancelled ? undefined : result;
  });

/** The simulation in a Web Worker, with a progress reply after every simulated week; cancel terminates it. */
export function workerSimulator(spawn: () => Worker): SimulationRunner {
  return (tables, request, onProgress) =>
    workerJob(
      spawn,
      { type: "simulate", tables, request },
      (reply) => (reply.type === "simulated" ? reply.result : undefined),
      (reply) => {
        if (reply.type === "progress") onProgress(reply.progress);
      },
    );
}
