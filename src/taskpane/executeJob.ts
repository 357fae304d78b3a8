import type { RawTable, SheetOut } from "../core/data/table";
import type { PaneWorkbook, PlanPresentation } from "../workbook/officePane";
import { applyMapping, type ColumnMapping } from "./inputs";
import type { Running } from "./jobRunner";
import type { Control, JobState } from "./useJob";

/** What every run of the pane holds besides its status: the tables it read, what it wrote, why it failed. */
export interface PaneJobState extends JobState {
  readonly tables?: readonly RawTable[];
  /** The sheets a finished run wrote. */
  readonly written?: readonly string[];
  readonly error?: unknown;
}

/** What a job that ran to its end leads to: the state it is blocked in, or the sheets to write. */
export type JobOutcome<S> =
  | {
      /** What the `blocked` state holds besides the tables (the problems, say). */
      readonly blocked: Partial<S>;
    }
  | {
      readonly sheets: readonly SheetOut[];
      /** What the `writing` state adds to the running one. */
      readonly writing?: Partial<S>;
      /** The charts and colours, asked for once `writing` is reported. */
      presentation(): PlanPresentation;
      /** What the `done` state holds besides the tables and the sheets written, asked for once they are. */
      done(): Partial<S>;
    };

/** What sets one kind of run apart: its idle state, its job and what it makes of the job's result. */
export interface JobSteps<S, R> {
  /** The state before any run: the states a run starts afresh (cancelled, blocked, done, failed) build on it. */
  readonly idle: S;
  /** What the state says once the tables are read and the job starts (its stage). */
  readonly started?: Partial<S>;
  /** Starts the job on the tables; `report` adds its progress to the state until a cancel. */
  start(tables: readonly RawTable[], report: (progress: Partial<S>) => void): Running<R>;
  outcome(result: R): JobOutcome<S>;
}

/**
 * The steps every run of the pane takes, each reported through `update`: `running` at
 * `reading` while the tables are read (with the column mapping), the job started on them,
 * then `blocked`, or `writing` while the sheets are written and `done`. A cancel before
 * writing ends it `cancelled` with the workbook untouched; a throw anywhere ends it `failed`
 * with the tables read so far. `steps` hold what differs between the plan and the simulation.
 */
export async function executeJob<S extends PaneJobState, R extends { readonly cancelled: boolean }>(
  workbook: PaneWorkbook,
  mapping: ColumnMapping,
  steps: JobSteps<S, R>,
  control: Control,
  update: (state: S) => void,
): Promise<S> {
  const idle = steps.idle;
  let state: S = { ...idle, status: "running", stage: "reading" };
  const set = (next: S): S => {
    state = next;
    update(state);
    return state;
  };
  set(state);
  try {
    const tables = applyMapping(await workbook.readTables(), mapping);
    if (control.cancelled) return set({ ...idle, status: "cancelled", tables });
    set({ ...state, ...steps.started, tables });
    const job = steps.start(tables, (progress) => {
      if (!control.cancelled) set({ ...state, ...progress });
    });
    control.job = job;
    const result = await job.done;
    if (control.cancelled || result === undefined || result.cancelled)
      return set({ ...idle, status: "cancelled", tables });
    const outcome = steps.outcome(result);
    if ("blocked" in outcome) return set({ ...idle, status: "blocked", tables, ...outcome.blocked });
    set({ ...state, stage: "writing", ...outcome.writing });
    await workbook.writePlan(outcome.sheets, outcome.presentation());
    return set({
      ...idle,
      status: "done",
      stage: "writing",
      tables,
      ...outcome.done(),
      written: outcome.sheets.map((s) => s.name),
    });
  } catch (error) {
    return set({ ...idle, status: "failed", tables: state.tables, error });
  }
}
