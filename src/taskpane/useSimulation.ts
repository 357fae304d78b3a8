import type { DataProblem } from "../core/data/problem";
import type { RawTable } from "../core/data/table";
import type { Lang } from "../core/i18n";
import { simulationChart, type SimulateWorkbookResult, type SimulationProgress } from "../core/simulate";
import type { PlanSettings } from "../core/plan";
import type { Day } from "../core/time/day";
import type { PaneWorkbook } from "../workbook/officePane";
import { executeJob, type JobSteps } from "./executeJob";
import type { ColumnMapping } from "./inputs";
import type { SimulationRunner } from "./jobRunner";
import { simulationView, type SimulationView } from "./results";
import { useWorkbookJob, type Control, type RunStatus } from "./useJob";

/** The pane's defaults: half a year, one run (26 weeks of the sample: 17 s in the browser), the CLI's seed. */
export const SIMULATION_DEFAULTS = { weeks: 26, runs: 1, seed: 1 } as const;
/** What the pane accepts for weeks, runs and the seed of the random draws. */
export const SIMULATION_LIMITS = {
  weeks: { min: 1, max: 104 },
  runs: { min: 1, max: 20 },
  // The CLI's --seed range, so any seed it ran can be run here.
  seed: { min: 0, max: 2 ** 31 },
} as const;

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
  /** The draws' seed: the same seed draws the same world, as `livestock simulate --seed`. */
  readonly seed: number;
  readonly planDate?: Day;
  /** The settings edited in the pane, as a plan run takes them (`settingsOverrides`). */
  readonly settingsOverrides: Partial<PlanSettings>;
  /** Days after Monday the LiveStock plan also runs (`SimulationOptions.replanDays`); none by default. */
  readonly replanDays?: readonly number[];
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

/** True when `weeks`, `runs` and `seed` are all valid. */
export const simulationInputValid = (weeks: number, runs: number, seed: number): boolean =>
  simulationCountValid("weeks", weeks) &&
  simulationCountValid("runs", runs) &&
  simulationCountValid("seed", seed);

/**
 * One simulation, step by step (`executeJob`): read the tables (with the column
 * mapping), simulate them through `simulator` with progress after every week,
 * and only when the whole result is back write `LS Simulation`, its companion
 * sheets and the line chart. Only those sheets are replaced: the plan's stay. A
 * cancel before writing leaves the workbook untouched.
 */
export function executeSimulation(
  workbook: PaneWorkbook,
  simulator: SimulationRunner,
  request: SimulationRequest,
  control: Control,
  update: (state: SimulationState) => void,
): Promise<SimulationState> {
  return executeJob(workbook, request.mapping, simulationSteps(simulator, request), control, update);
}

const IDLE: SimulationState = { status: "idle" };

const simulationSteps = (
  simulator: SimulationRunner,
  request: SimulationRequest,
): JobSteps<SimulationState, SimulateWorkbookResult> => ({
  idle: IDLE,
  started: { stage: "simulating" },
  start: (tables, report) =>
    simulator(
      tables,
      {
        lang: request.lang,
        weeks: request.weeks,
        runs: request.runs,
        seed: request.seed,
        planDate: request.planDate,
        settingsOverrides: request.settingsOverrides,
        replanDays: request.replanDays ?? [],
      },
      (progress) => report({ progress }),
    ),
  outcome: (out) => {
    const { result, sheets } = out;
    if (out.problems.length > 0 || !result || !sheets) return { blocked: { problems: out.problems } };
    return {
      sheets,
      presentation: () => ({ charts: simulationChart(result, request.lang), statusLevels: {} }),
      done: () => ({ view: simulationView(result) }),
    };
  },
});

/** The Simulate button's state and actions: `run` starts a simulation, `cancel` stops it before anything is written. */
export function useSimulation(workbook: PaneWorkbook, simulator: SimulationRunner) {
  return useWorkbookJob(executeSimulation, workbook, simulator, IDLE);
}
