import { useCallback } from "react";
import type { DataProblem } from "../core/data/problem";
import type { RawTable } from "../core/data/table";
import type { Lang } from "../core/i18n";
import { simulationChart, type SimulationProgress } from "../core/simulate";
import type { PlanSettings } from "../core/plan";
import type { Day } from "../core/time/day";
import type { PaneWorkbook } from "../workbook/officePane";
import { applyMapping, type ColumnMapping } from "./inputs";
import type { SimulationRunner } from "./jobRunner";
import { simulationView, type SimulationView } from "./results";
import { useJob, type Control, type RunStatus } from "./useJob";

/** The pane's defaults: half a year, one run (26 weeks of the sample: 17 s in the browser). */
export const SIMULATION_DEFAULTS = { weeks: 26, runs: 1 } as const;
/** What the pane accepts for weeks and runs. */
export const SIMULATION_LIMITS = { weeks: { min: 1, max: 104 }, runs: { min: 1, max: 20 } } as const;

export type SimulationStage = "reading" | "simulating" | "writing";

export interface SimulationState {
  readonly status: RunStatus;
  readonly stage?: SimulationStage;
  /** After each simulated week: where the simulation is. */
  readonly progress?: SimulationProgress;
  readonly tables?: readonly RawTable[];
  /** Problems of the tables that kept the simulation from running. */
  readonly problems?: readonly DataProblem[];
  readonly view?: SimulationView;
  readonly written?: readonly string[];
  readonly error?: unknown;
  readonly cancelling?: boolean;
}

export interface SimulationRequest {
  readonly lang: Lang;
  readonly mapping: ColumnMapping;
  readonly weeks: number;
  readonly runs: number;
  readonly planDate?: Day;
  /** The settings edited in the pane, as a plan run takes them (`settingsOverrides`). */
  readonly settingsOverrides: Partial<PlanSettings>;
}

/**
 * Progress of a simulation in [0, 1]: the share of run × weeks simulated.
 *
 * @example simulationProgressOf({ status: "running", stage: "simulating", progress: { run: 1, runs: 2, week: 13, weeks: 26, … } }) // 0.25
 */
export function simulationProgressOf(state: SimulationState): number {
  if (state.status === "done") return 1;
  const p = state.progress;
  if (!p) return 0;
  return ((p.run - 1) * p.weeks + p.week) / (p.runs * p.weeks);
}

/** True when `n` is a whole number of `SIMULATION_LIMITS[what]`. */
export const simulationCountValid = (what: keyof typeof SIMULATION_LIMITS, n: number): boolean =>
  Number.isInteger(n) && n >= SIMULATION_LIMITS[what].min && n <= SIMULATION_LIMITS[what].max;

/** True when `weeks` and `runs` are both valid. */
export const simulationInputValid = (weeks: number, runs: number): boolean =>
  simulationCountValid("weeks", weeks) && simulationCountValid("runs", runs);

/**
 * One simulation, step by step: read the tables (with the column mapping),
 * simulate them through `simulator` with progress after every week, and only
 * when the whole result is back write `LS Simulation`, its companion sheets
 * and the line chart. Only those sheets are replaced: the plan's stay. A
 * cancel before writing leaves the workbook untouched.
 */
export async function executeSimulation(
  workbook: PaneWorkbook,
  simulator: SimulationRunner,
  request: SimulationRequest,
  control: Control,
  update: (state: SimulationState) => void,
): Promise<SimulationState> {
  let state: SimulationState = { status: "running", stage: "reading" };
  const set = (next: SimulationState): SimulationState => {
    state = next;
    update(state);
    return state;
  };
  set(state);
  try {
    const tables = applyMapping(await workbook.readTables(), request.mapping);
    if (control.cancelled) return set({ status: "cancelled", tables });
    set({ ...state, stage: "simulating", tables });
    const job = simulator(
      tables,
      {
        lang: request.lang,
        weeks: request.weeks,
        runs: request.runs,
        planDate: request.planDate,
        settingsOverrides: request.settingsOverrides,
      },
      (progress) => {
        if (!control.cancelled) set({ ...state, progress });
      },
    );
    control.job = job;
    const out = await job.done;
    if (control.cancelled || out === undefined || out.cancelled) return set({ status: "cancelled", tables });
    if (out.problems.length > 0 || !out.result || !out.sheets)
      return set({ status: "blocked", tables, problems: out.problems });
    set({ ...state, stage: "writing" });
    await workbook.writePlan(out.sheets, {
      charts: simulationChart(out.result, request.lang),
      statusLevels: {},
    });
    return set({
      status: "done",
      stage: "writing",
      tables,
      view: simulationView(out.result),
      written: out.sheets.map((s) => s.name),
    });
  } catch (error) {
    return set({ status: "failed", tables: state.tables, error });
  }
}

const IDLE: SimulationState = { status: "idle" };

/** The Simulate button's state and actions: `run` starts a simulation, `cancel` stops it before anything is written. */
export function useSimulation(workbook: PaneWorkbook, simulator: SimulationRunner) {
  const execute = useCallback(
    (request: SimulationRequest, control: Control, update: (state: SimulationState) => void) =>
      executeSimulation(workbook, simulator, request, control, update),
    [workbook, simulator],
  );
  return useJob(execute, IDLE);
}
