import { useCallback, useRef, useState } from "react";

export type RunStatus = "idle" | "running" | "done" | "cancelled" | "blocked" | "failed";

/** What every run of the pane reports: its status, its step, and whether a cancel is on its way. */
export interface JobState {
  readonly status: RunStatus;
  readonly stage?: string;
  /** Set while a cancel is on its way. */
  readonly cancelling?: boolean;
}

/** A cancellable job handle as a run sees it. */
export interface Control {
  job?: { cancel(): void };
  cancelled: boolean;
}

/** One run, step by step, reporting each state through `update`. */
export type Execute<Q, S> = (request: Q, control: Control, update: (state: S) => void) => Promise<S>;

/**
 * A run's state and actions for a button: `run` starts one (a newer run's
 * states replace an older one's), `cancel` stops it unless it is writing.
 */
export function useJob<Q, S extends JobState>(execute: Execute<Q, S>, idle: S) {
  const [state, setState] = useState<S>(idle);
  const control = useRef<Control>({ cancelled: false });

  const run = useCallback(
    async (request: Q) => {
      const mine: Control = { cancelled: false };
      control.current = mine;
      return execute(request, mine, (next) => {
        if (control.current === mine) setState(next);
      });
    },
    [execute],
  );

  const cancel = useCallback(() => {
    const current = control.current;
    if (state.status !== "running" || state.stage === "writing" || current.cancelled) return;
    current.cancelled = true;
    current.job?.cancel();
    setState((s) => ({ ...s, cancelling: true }));
  }, [state.status, state.stage]);

  return { state, run, cancel };
}

/** `useJob` for a run of `execute` on `workbook` through `runner` (the plan's, the simulation's). */
export function useWorkbookJob<W, J, Q, S extends JobState>(
  execute: (workbook: W, runner: J, request: Q, control: Control, update: (state: S) => void) => Promise<S>,
  workbook: W,
  runner: J,
  idle: S,
) {
  const bound = useCallback<Execute<Q, S>>(
    (request, control, update) => execute(workbook, runner, request, control, update),
    [execute, workbook, runner],
  );
  return useJob(bound, idle);
}
