import type { ShipModeName } from "../core/data/model";
import type { CellOut, SheetOut } from "../core/data/table";
import { t } from "../core/i18n";
import type { PlanSummary, PolicyResult } from "../core/plan";
import { SIMULATION_SHEET_NAMES, type PolicyName, type SimulationResult } from "../core/simulate";
import { dayToIso } from "../core/time/day";

/** Where a result is shown in the workbook. */
export type SheetRole = "plan" | "timetable" | "streams" | "backtest";

/** A planned stream with at least one SKU at risk, as the Results panel lists it. */
export interface StreamAtRisk {
  readonly streamId: string;
  readonly date: string;
  readonly skus: readonly { readonly sku: string; readonly status: string }[];
  readonly actions: readonly string[];
}

/** One policy's backtest figures as the Results panel shows them. */
export interface BacktestFigures {
  readonly fill: number | null;
  readonly fillStreamDays: number | null;
  /** Freight by mode, in the modes' usual order, and its total. */
  readonly freightByMode: readonly { readonly mode: ShipModeName; readonly cost: number }[];
  readonly freight: number;
  readonly cover: number | null;
}

export interface ResultsView {
  readonly skusToRestock: number;
  readonly skusToRestockNow: number;
  readonly costByMode: readonly {
    readonly mode: ShipModeName;
    readonly cost: number;
    readonly units: number;
  }[];
  readonly totalCost: number;
  readonly streamsPlanned: number;
  readonly streamsAtRisk: readonly StreamAtRisk[];
  /** The backtest's figures for this plan and for the naive policy; null without a backtest. */
  readonly backtest: { readonly plan: BacktestFigures; readonly naive: BacktestFigures } | null;
  readonly sheets: Readonly<Partial<Record<SheetRole, string>>>;
}

/** Keys of columns that tell which output sheet is which, whatever the sheets are called. */
const ROLE_COLUMNS: readonly [SheetRole, string][] = [
  ["streams", "stream_id"],
  ["plan", "restock_qty"],
  ["timetable", "week_start"],
  ["backtest", "metric"],
];

const MODE_ORDER: readonly ShipModeName[] = ["SEA", "AIR", "EXPRESS", "TRANSFER"];

const hasColumn = (sheet: SheetOut, key: string) => sheet.columns.some((c) => c.key === key);

/** The output sheet that holds each result. */
export function sheetRoles(sheets: readonly SheetOut[]): Partial<Record<SheetRole, SheetOut>> {
  const roles: Partial<Record<SheetRole, SheetOut>> = {};
  for (const [role, key] of ROLE_COLUMNS) {
    const sheet = sheets.find((s) => hasColumn(s, key) && !Object.values(roles).includes(s));
    if (sheet) roles[role] = sheet;
  }
  return roles;
}

const show = (cell: CellOut | undefined): string =>
  cell === null || cell === undefined ? "" : typeof cell === "object" ? cell.date : String(cell);

/** The status texts of a stream that is fine, in either language. */
const OK_TEXTS = new Set([t("en", "planStatusOK"), t("zh-CN", "planStatusOK")]);

/** Rows of the streams sheet whose status is not OK, grouped by stream in sheet order. */
export function streamsAtRisk(sheet: SheetOut | undefined): StreamAtRisk[] {
  if (!sheet) return [];
  const at = (key: string) => sheet.columns.findIndex((c) => c.key === key);
  const [id, date, sku, status, action] = ["stream_id", "date", "sku", "status", "action"].map(at);
  if (id < 0 || status < 0) return [];
  const byStream = new Map<
    string,
    { date: string; skus: { sku: string; status: string }[]; actions: string[] }
  >();
  for (const row of sheet.rows) {
    const state = show(row[status]);
    if (OK_TEXTS.has(state)) continue;
    const key = show(row[id]);
    const entry = byStream.get(key) ?? { date: show(row[date]), skus: [], actions: [] };
    entry.skus.push({ sku: show(row[sku]), status: state });
    const text = show(row[action]);
    if (text && !entry.actions.includes(text)) entry.actions.push(text);
    byStream.set(key, entry);
  }
  return [...byStream].map(([streamId, e]) => ({ streamId, ...e }));
}

function backtestFigures(r: PolicyResult): BacktestFigures {
  return {
    fill: r.fillRate,
    fillStreamDays: r.fillRateStreamDays,
    freightByMode: MODE_ORDER.filter((m) => (r.freightByMode[m] ?? 0) > 0).map((mode) => ({
      mode,
      cost: r.freightByMode[mode] ?? 0,
    })),
    freight: r.freightCost,
    cover: r.avgWeeksOfCover,
  };
}

/** The Results panel's figures: the plan's summary and the streams sheet's rows at risk. */
export function resultsView(summary: PlanSummary, sheets: readonly SheetOut[]): ResultsView {
  const roles = sheetRoles(sheets);
  const costByMode = MODE_ORDER.filter(
    (m) => summary.costByMode[m] !== undefined || summary.unitsByMode[m] !== undefined,
  ).map((mode) => ({ mode, cost: summary.costByMode[mode] ?? 0, units: summary.unitsByMode[mode] ?? 0 }));
  return {
    skusToRestock: summary.skusToRestock,
    skusToRestockNow: summary.skusToRestockNow,
    costByMode,
    totalCost: costByMode.reduce((sum, m) => sum + m.cost, 0),
    streamsPlanned: summary.streamsPlanned,
    streamsAtRisk: streamsAtRisk(roles.streams),
    backtest: summary.backtest && {
      plan: backtestFigures(summary.backtest.planner),
      naive: backtestFigures(summary.backtest.naive),
    },
    sheets: Object.fromEntries(Object.entries(roles).map(([role, sheet]) => [role, sheet.name])),
  };
}

/** A policy's main figures in the Simulation table: means over the runs (fill as a share). */
export interface SimulationRow {
  readonly policy: PolicyName;
  readonly fill: number | null;
  readonly fillStreamDays: number | null;
  readonly freight: number | null;
  readonly totalCost: number | null;
}

/** The Simulation block of the Results panel. */
export interface SimulationView {
  readonly rows: readonly SimulationRow[];
  readonly weeks: number;
  readonly runs: number;
  readonly seed: number;
  /** The first simulated Monday, ISO. */
  readonly start: string;
  /** Days after Monday the LiveStock plan also ran. */
  readonly replanDays: readonly number[];
  /** The sheet holding every figure. */
  readonly sheet: string;
}

/** The simulation's main figures per policy, in the simulator's order, for the pane. */
export function simulationView(result: SimulationResult): SimulationView {
  return {
    rows: result.policies.flatMap((policy) => {
      const s = result.summary[policy];
      return s
        ? [
            {
              policy,
              fill: s.fill.mean,
              fillStreamDays: s.fillStreamDays.mean,
              freight: s.freight.mean,
              totalCost: s.totalCost.mean,
            },
          ]
        : [];
    }),
    weeks: result.weeks,
    runs: result.runs.length,
    seed: result.seed,
    start: dayToIso(result.start),
    replanDays: result.replanDays,
    sheet: SIMULATION_SHEET_NAMES[0],
  };
}
