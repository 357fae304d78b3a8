import { useCallback } from "react";
import type { RawTable } from "../core/data/table";
import type { Lang } from "../core/i18n";
import type { JobResult, JobStage } from "../core/job";
import type { PlanSettings } from "../core/plan";
import type { Day } from "../core/time/day";
import type { PaneWorkbook } from "../workbook/officePane";
import { presentation } from "./charts";
import { applyMapping, type ColumnMapping } from "./inputs";
import type { JobRunner } from "./jobRunner";
import { resultsView, type ResultsView } from "./results";
import { useJob, type Control, type RunStatus } from "./useJob";

export type { RunStatus } from "./useJob";

export const STAGES: readonly JobStage[] = ["reading", "forecasting", "planning", "backtest", "writing"];

export interface RunState {
  readonly status: RunStatus;
  readonly stage?: JobStage;
  /** The tables read for this run (after the column mapping). */
  readonly tables?: readonly RawTable[];
  readonly result?: JobResult;
  readonly view?: ResultsView;
  readonly written?: readonly string[];
  readonly error?: unknown;
  /** Set while a cancel is on its way. */
  readonly cancelling?: boolean;
}

export interface RunRequest {
  readonly lang: Lang;
  readonly mapping: ColumnMapping;
  readonly settingsOverrides: Partial<PlanSettings>;
  readonly planDate?: Day;
}

/** Progress of a run in [0, 1]: the share of stages begun. */
export function progressOf(state: RunState): number {
  if (state.status === "done") return 1;
  if (!state.stage) return 0;
  return (STAGES.indexOf(state.stage) + 0.5) / STAGES.length;
}

/**
 * One run of the plan, step by step: read the tables (with the column
 * mapping), run the main job through `runner`, and only when the whole plan
 * is back write it with its charts. Each step reports through `update`;
 * a cancel before writing leaves the workbook untouched.
 */
export async function executeRun(
  workbook: PaneWorkbook,
  runner: JobRunner,
  request: RunRequest,
  control: Control,
  update: (state: RunState) => void,
): Promise<RunState> {
  let state: RunState = { status: "running", stage: "reading" };
  const set = (next: RunState): RunState => {
    state = next;
    update(state);
    return state;
  };
  set(state);
  try {
    const tables = applyMapping(await workbook.readTables(), request.mapping);
    if (control.cancelled) return set({ status: "cancelled", tables });
    set({ ...state, tables });
    const job = runner(
      tables,
      { lang: request.lang, planDate: request.planDate, settingsOverrides: request.settingsOverrides },
      (stage) => {
        if (!control.cancelled) set({ ...state, stage });
      },
    );
    control.job = job;
    const result = await job.done;
    if (control.cancelled || result === undefined || result.cancelled)
      return set({ status: "cancelled", tables });
    if (!result.sheets || !result.summary) return set({ status: "blocked", tables, result });
    set({ ...state, stage: "writing", result });
    const sheets = result.sheets;
    await workbook.writePlan(sheets, presentation(result.charts ?? [], request.lang));
    return set({
      status: "done",
      stage: "writing",
      tables,
      result,
      view: resultsView(result.summary, result.sheets),
      written: sheets.map((s) => s.name),
    });
  } catch (error) {
    return set({ status: "failed", tables: state.tables, error });
  }
}

const IDLE: RunState = { status: "idle" };

/** The Run button's state and actions: `run` starts a plan, `cancel` stops it before anything is written. */
export function usePlanRun(workbook: PaneWorkbook, runner: JobRunner) {
  const execute = useCallback(
    (request: RunRequest, control: Control, update: (state: RunState) => void) =>
      executeRun(workbook, runner, request, control, update),
    [workbook, runner],
  );
  return useJob(execute, IDLE);
}
