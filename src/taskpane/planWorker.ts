/// <reference lib="webworker" />
import { checkWorkbook, planWorkbook } from "../core/job";
import { simulateWorkbook } from "../core/simulate";
import type { WorkerReply, WorkerRequest } from "./jobRunner";

/**
 * The pane's worker: runs the main job, the simulation (or only the check of
 * the tables) off the task pane's UI thread and posts its stages or weekly
 * progress and its result back. Cancelling terminates the worker.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: WorkerReply) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  try {
    const message = event.data;
    switch (message.type) {
      case "check":
        reply({ type: "checked", problems: checkWorkbook(message.tables, {}).read.problems });
        return;
      case "simulate": {
        const result = simulateWorkbook(message.tables, {
          ...message.request,
          onProgress: (progress) => reply({ type: "progress", progress }),
        });
        reply({ type: "simulated", result });
        return;
      }
      case "plan": {
        const result = planWorkbook(message.tables, {
          ...message.request,
          onStage: (stage) => reply({ type: "stage", stage }),
        });
        reply({ type: "done", result });
        return;
      }
    }
  } catch (error) {
    reply({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
