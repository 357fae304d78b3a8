/// <reference lib="webworker" />
import { checkWorkbook, planWorkbook } from "../core/job";
import type { WorkerReply, WorkerRequest } from "./jobRunner";

/**
 * The plan worker: runs the main job (or only its check of the tables) off
 * the task pane's UI thread and posts its stages and result back.
 * Cancelling terminates the worker.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: WorkerReply) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  try {
    const message = event.data;
    if (message.type === "check") {
      reply({ type: "checked", problems: checkWorkbook(message.tables, {}).read.problems });
      return;
    }
    const { tables, request } = message;
    const result = planWorkbook(tables, { ...request, onStage: (stage) => reply({ type: "stage", stage }) });
    reply({ type: "done", result });
  } catch (error) {
    reply({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
