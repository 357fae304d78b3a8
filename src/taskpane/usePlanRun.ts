import type { RawTable } from "../core/data/table";
import type { Lang } from "../core/i18n";
import type { JobResult, JobStage } from "../core/job";
import type { PlanSettings } from "../core/plan";
import type { Day } from "../core/time/day";
import type { PaneWorkbook } from "../workbook/officePane";
import { presentation } from "./charts";
import { executeJob, type JobSteps } from "./executeJob";
import type { ColumnMapping } from "./inputs";
import type { JobRunner } from "./jobRunner";
import { resultsView, type ResultsView } from "./results";
import { useWorkbookJob, type Control, type RunStatus } from "./useJob";

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
 * One run of the plan, step by step (`executeJob`): read the tables (with the
 * column mapping), run the main job through `runner`, and only when the whole
 * plan is back write it with its charts. Each step reports through `update`;
 * a cancel before writing leaves the workbook untouched.
 */
export function executeRun(
  workbook: PaneWorkbook,
  runner: JobRunner,
  request: RunRequest,
  control: Control,
  update: (state: RunState) => void,
): Promise<RunState> {
  return executeJob(workbook, request.mapping, planSteps(runner, request), control, update);
}

const IDLE: RunState = { status: "idle" };

const planSteps = (runner: JobRunner, request: RunRequest): JobSteps<RunState, JobResult> => ({
  idle: IDLE,
  start: (tables, report) =>
    runner(
      tables,
      { lang: request.lang, planDate: request.planDate, settingsOverrides: request.settingsOverrides },
      (stage) => report({ stage }),
    ),
  outcome: (result) => {
    const { sheets, summary } = result;
    if (!sheets || !summary) return { blocked: { result } };
    return {
      sheets,
      writing: { result },
      presentation: () => presentation(result.charts ?? [], request.lang),
      done: () => ({ result, view: resultsView(summary, sheets) }),
    };
  },
});

/** The Run button's state and actions: `run` starts a plan, `cancel` stops it before anything is written. */
export function usePlanRun(workbook: PaneWorkbook, runner: JobRunner) {
  return useWorkbookJob(executeRun, workbook, runner, IDLE);
}
