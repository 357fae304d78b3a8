/**
 * The planning engine: from a `PlanInput` and a plan date to a whole
 * replenishment plan (DESIGN.md, method steps 3–7) and its output sheets.
 */
export {
  DEFAULT_SETTINGS,
  SETTINGS_KEYS,
  settingsFrom,
  type PlanSettings,
  type SettingsProblem,
} from "./settings";
export type {
  AbcRow,
  BacktestResult,
  Plan,
  PlanHooks,
  PlanLine,
  PlanSummary,
  PolicyResult,
  Reason,
  StreamCheck,
  StreamStatus,
  SupplierRow,
  Tier,
  TimetableRow,
  Unplannable,
} from "./types";
export { runPlan } from "./runPlan";
export { assertFinitePlan, nonFiniteAt, NonFinitePlanError } from "./finitePlan";
export { planSheets, PLAN_SHEET_NAMES } from "./sheets";
export { chartsSheet, CHARTS_SHEET, salesBySku } from "./chartsSheet";
export { planSummary } from "./summary";
export { runBacktest } from "./backtest";
