/**
 * Starts the plan worker. webpack bundles `planWorker.ts` as its own chunk
 * when it sees `new Worker(new URL(…, import.meta.url))`.
 */
export function spawnPlanWorker(): Worker {
  // @ts-expect-error tsc checks this file as CommonJS (the module setting jest needs); webpack builds it as an ES module, where import.meta.url is how it finds the worker's chunk.
  return new Worker(new URL("./planWorker.ts", import.meta.url));
}
