import { bilingual, type DataProblem } from "../data/problem";
import type { RawTable, SheetOut } from "../data/table";
import { InputError } from "../errors";
import { t, type Lang } from "../i18n";
import { checkWorkbook, defaultPlanDate } from "../job";
import type { PlanSettings } from "../plan";
import type { Day } from "../time/day";
import { worldFromInput } from "./fromInput";
import { simulationSheets } from "./sheets";
import {
  simulate,
  type SimulationOptions,
  type SimulationProgress,
  type SimulationResult,
} from "./simulation";
import type { World } from "./world";

export interface SimulateWorkbookOptions extends SimulationOptions {
  readonly lang: Lang;
  /** The first simulated Monday is the one on or after this day; default the day after the last sale. */
  readonly planDate?: Day;
  /** Settings on top of the workbook's Settings table (the task pane's edits), as the plan takes them. */
  readonly settingsOverrides?: Partial<PlanSettings>;
  onProgress?(progress: SimulationProgress): void;
  shouldCancel?(): boolean;
}

export interface SimulateWorkbookResult {
  /** Problems of the tables (or of seeding the world); with any, no simulation ran. */
  readonly problems: readonly DataProblem[];
  readonly result?: SimulationResult;
  /** `LS Simulation`, `LS Simulation Stock`, `LS Simulation Chart`; absent when cancelled. */
  readonly sheets?: readonly SheetOut[];
  readonly cancelled: boolean;
}

/**
 * The simulation job on a workbook, for the task pane's worker: read and check the tables, seed
 * a world from them (`worldFromInput`, the pane's `settingsOverrides` on top of its Settings), simulate with progress after every week and cancellation,
 * and lay the result out as sheets in `lang`. Pure: tables in, sheets out.
 *
 * @example simulateWorkbook(tables, { lang: "en", weeks: 26, runs: 3, onProgress }).sheets?.[0].name // "LS Simulation"
 */
export function simulateWorkbook(
  tables: readonly RawTable[],
  options: SimulateWorkbookOptions,
): SimulateWorkbookResult {
  const seeded = worldFromTables(tables, options.planDate);
  if (!seeded.world) return { problems: seeded.problems, cancelled: false };
  const world =
    options.settingsOverrides === undefined
      ? seeded.world
      : { ...seeded.world, planSettings: options.settingsOverrides };
  const result = simulate(world, options);
  if (!result.complete) return { problems: [], result, cancelled: true };
  return { problems: [], result, sheets: simulationSheets(result, options.lang), cancelled: false };
}

/**
 * A world seeded from a workbook's tables (the CLI's and the task pane's first step): the tables
 * checked as the plan checks them, then `worldFromInput` on the day after the last sale (or `planDate`).
 *
 * @example worldFromTables(tables).world?.skus.length // the workbook's SKUs with sales
 */
export function worldFromTables(
  tables: readonly RawTable[],
  planDate?: Day,
): { world?: World; problems: readonly DataProblem[] } {
  const { read } = checkWorkbook(tables, {});
  if (!read.plannable) return { problems: read.problems };
  const date = planDate ?? defaultPlanDate(read.input);
  if (date === undefined) return { problems: [{ table: "Sales", message: bilingual("dataNoSales") }] };
  try {
    return { world: worldFromInput(read.input, date), problems: [] };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return {
      problems: [
        {
          table: "Sales",
          message: { en: t("en", error.key, error.params), zh: t("zh-CN", error.key, error.params) },
        },
      ],
    };
  }
}
