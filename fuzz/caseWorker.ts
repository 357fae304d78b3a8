/**
 * The fuzz's plan worker: runs `livestock plan` (the CLI's command, in this
 * thread) for each message and answers with the exit code and the lines. The
 * fuzz ends it after 30 s, and its heap is capped, so a case that hangs or
 * grows is judged rather than taking the run down.
 */
import { parentPort } from "worker_threads";
import { runPlanCommand } from "../src/cli/main";

interface Job {
  readonly argv: readonly string[];
  readonly cwd: string;
}

parentPort?.on("message", (job: Job) => {
  const out: string[] = [];
  const err: string[] = [];
  void runPlanCommand(job.argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, job.cwd).then((code) =>
    parentPort?.postMessage({ code, out, err }),
  );
});
