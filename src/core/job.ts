import { readPlanInput, type ReadResult } from "./data/validate";
import { showCell } from "./data/cells";
import { bilingual, type DataProblem } from "./data/problem";
import type { ChartSpec } from "./data/chart";
import type { PlanInput } from "./data/model";
import type { RawTable, SheetOut } from "./data/table";
import { t } from "./i18n/catalogue";
import type { Lang } from "./i18n/lang";
import { InputError } from "./errors";
import {
  assertFinitePlan,
  chartsSheet,
  planSheets,
  runPlan,
  settingsFrom,
  type Plan,
  type PlanSettings,
  type PlanSummary,
} from "./plan";
import { addDays, type Day } from "./time/day";

export type JobStage = "reading" | "forecasting" | "planning" | "backtest" | "writing";

export interface JobOptions {
  /** The plan date; default: the day after the last sales date (see `defaultPlanDate`). */
  readonly planDate?: Day;
  /** Language of the output sheets' headers and sentences. */
  readonly lang: Lang;
  /** Plan without the rows that have problems (they are still listed). */
  readonly skipInvalid?: boolean;
  /** Settings that win over the Settings table (the task pane's settings panel). */
  readonly settingsOverrides?: Partial<PlanSettings>;
  onStage?(stage: JobStage): void;
  shouldCancel?(): boolean;
}

export interface JobResult {
  /** Problems of the input; when any is left and no sheets came back, nothing may be written. */
  readonly problems: readonly DataProblem[];
  /**
   * Said, not blocking: the reader's remarks (placeholder stream ids read as blank, stream ids not in
   * Streams) and Settings rows the planner could not use (their defaults were kept).
   */
  readonly warnings: readonly DataProblem[];
  /** Rows left out with skip-invalid. */
  readonly skippedRows: number;
  readonly planDate?: Day;
  readonly sheets?: readonly SheetOut[];
  readonly summary?: PlanSummary;
  /** The charts of `LS Charts` (the last of `sheets`), drawn by whoever writes the sheets. */
  readonly charts?: readonly ChartSpec[];
  /** True when `shouldCancel` stopped the job. */
  readonly cancelled: boolean;
}

/**
 * The plan date used when none is given: the day after the last sales date,
 * so a workbook exported on Monday morning with sales up to Sunday plans from
 * Monday. The core has no clock; the data says what "today" is.
 *
 * @example defaultPlanDate({ sales: [{ date: 20000, … }], … }) // 20001
 */
export function defaultPlanDate(input: PlanInput): Day | undefined {
  let last = -Infinity;
  for (const s of input.sales) if (s.date > last) last = s.date;
  return last === -Infinity ? undefined : addDays(last as Day, 1);
}

/** The input read and checked: the first half of `planWorkbook`, which holds no reference to the raw tables. */
export interface CheckedWorkbook {
  readonly read: ReadResult;
}

/**
 * Reads and checks the tables (the job's "reading" stage). Callers with large
 * workbooks (the CLI) drop their raw tables after this, before planning.
 *
 * @example checkWorkbook(tables, {}).read.problems // [] for a clean workbook
 */
export function checkWorkbook(
  tables: readonly RawTable[],
  options: Pick<JobOptions, "skipInvalid" | "onStage" | "planDate">,
): CheckedWorkbook {
  options.onStage?.("reading");
  return { read: readPlanInput(tables, { skipInvalid: options.skipInvalid, planDate: options.planDate }) };
}

/**
 * Plans a checked workbook (the job's second half): settings, plan date, `runPlan`, sheets.
 *
 * @example planChecked(checkWorkbook(tables, {}), { lang: "zh-CN" }).summary?.streamsAtRisk
 */
export function planChecked(checked: CheckedWorkbook, options: JobOptions): JobResult {
  const { read } = checked;
  const cancelled = (): boolean => options.shouldCancel?.() === true;
  const { settings, problems: settingProblems } = settingsFrom(
    read.input.settings,
    options.settingsOverrides,
  );
  const settingWarnings: DataProblem[] = settingProblems.map((p) => {
    const located = read.settingRows.get(p.key.toLowerCase())?.[p.cell];
    return {
      table: "Settings",
      ...located,
      column: located?.column ?? p.cell,
      value: showCell(p.value),
      message: { en: t("en", p.message, p.params), zh: t("zh-CN", p.message, p.params) },
    };
  });
  const warnings = [...read.remarks, ...settingWarnings];
  const base = { warnings, skippedRows: read.skippedRows, cancelled: false };
  if (!read.plannable) return { ...base, problems: read.problems, skippedRows: 0 };

  const planDate = options.planDate ?? defaultPlanDate(read.input);
  if (planDate === undefined) {
    return { ...base, problems: [...read.problems, { table: "Sales", message: bilingual("dataNoSales") }] };
  }
  if (cancelled()) return { ...base, problems: read.problems, planDate, cancelled: true };
  let plan: Plan;
  try {
    // Bounded inputs give finite plans; a NaN or Infinity left is our bug, refused rather than written.
    plan = assertFinitePlan(
      runPlan(read.input, planDate, settings, {
        onStage: (stage) => options.onStage?.(stage),
        shouldCancel: options.shouldCancel,
      }),
    );
  } catch (error) {
    if (error instanceof InputError && cancelled())
      return { ...base, problems: read.problems, planDate, cancelled: true };
    throw error;
  }
  if (cancelled()) return { ...base, problems: read.problems, planDate, cancelled: true };
  options.onStage?.("writing");
  const charts = chartsSheet(read.input.sales, plan.streams, options.lang);
  return {
    ...base,
    problems: read.problems,
    planDate,
    sheets: [...planSheets(plan, options.lang), charts.sheet],
    summary: plan.summary,
    charts: charts.charts,
  };
}

/**
 * The one job behind the CLI and the task pane: read and check the tables,
 * plan, and lay the plan out as sheets. Pure: tables in, sheets out; the
 * caller reads and writes the workbook. With problems (and no skip-invalid)
 * it returns them and no sheets. Settings rows the planner cannot use are
 * returned as warnings (their defaults are kept).
 *
 * @example planWorkbook(generateSeller(), { lang: "en" }).sheets?.map((s) => s.name) // ["LS Plan", "LS Timetable", …]
 */
export function planWorkbook(tables: readonly RawTable[], options: JobOptions): JobResult {
  return planChecked(checkWorkbook(tables, options), options);
}
