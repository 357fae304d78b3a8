/// <reference lib="webworker" />
import type { RawTable } from "../core/data/table";
import { planWorkbook } from "../core/job";
import type { JobRequest, WorkerReply } from "./jobRunner";

/**
 * The plan worker: runs the main job off the task pane's UI thread and posts
 * its stages and result back. Cancelling terminates the worker.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: WorkerReply) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<{ tables: RawTable[]; request: JobRequest }>) => {
  try {
    const { tables, request } = event.data;
    const result = planWorkbook(tables, { ...request, onStage: (stage) => reply({ type: "stage", stage }) });
    reply({ type: "done", result });
  } catch (error) {
    reply({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
