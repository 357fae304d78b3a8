import { InputError } from "../core/errors";
import {
  abcClasses,
  abcScores,
  chooseShipMode,
  DEFAULT_A_CUTOFF,
  DEFAULT_B_CUTOFF,
  restockQty,
  safetyStockFromHistory,
  weeksOfCover,
  type ModeOption,
} from "../core/inventory";
import {
  numberCells,
  numberRows,
  numberSample,
  numberVector,
  optionalNumber,
  requiredNumber,
  textCells,
} from "./coerce";
import { excelResult, finite, toExcelError } from "./excelError";

/*
 * The foundation's custom functions (DESIGN.md, "Custom functions"). Each only
 * converts Excel's arguments, calls src/core and maps errors; the JSDoc below
 * is the functions' metadata (custom-functions-metadata-plugin writes
 * functions.json from it), and the Chinese descriptions are in inventory.zh-CN.json.
 * Scalar arguments are `unknown` (type `any` in functions.json) so that Excel passes
 * them as they are and coerce.ts names the argument in its errors.
 */

/**
 * Order-up-to restock quantity: demand over lead time + review period, plus safety stock, less stock on hand and in transit; at least the MOQ, in whole cases.
 * @customfunction RESTOCK_QTY
 * @param on_hand Units in stock now (negative for backorders).
 * @param in_transit Units on the way that arrive within the lead time.
 * @param weekly_demand Units per week: one number, or a row or column of weekly forecasts starting this week.
 * @param lead_time_weeks Weeks from ordering until the stock can be sold.
 * @param [safety_stock] Units held against uncertainty. Default 0.
 * @param [review_weeks] Weeks until the next order. Default 1.
 * @param [moq] Minimum order quantity. Default 0.
 * @param [case_pack] Units per case; the order is whole cases. Default 1.
 * @returns Units to order (0 when stock suffices).
 */
export function RESTOCK_QTY(
  on_hand: unknown,
  in_transit: unknown,
  weekly_demand: unknown[][],
  lead_time_weeks: unknown,
  safety_stock?: unknown,
  review_weeks?: unknown,
  moq?: unknown,
  case_pack?: unknown,
): number {
  try {
    return finite(
      restockQty({
        onHand: requiredNumber(on_hand, "on_hand"),
        inTransit: requiredNumber(in_transit, "in_transit"),
        weeklyDemand: numberVector(weekly_demand, "weekly_demand"),
        leadTimeWeeks: requiredNumber(lead_time_weeks, "lead_time_weeks"),
        safetyStock: optionalNumber(safety_stock, "safety_stock", 0),
        reviewWeeks: optionalNumber(review_weeks, "review_weeks", 1),
        moq: optionalNumber(moq, "moq", 0),
        casePack: optionalNumber(case_pack, "case_pack", 1),
      }),
    );
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * ABC class of each row by its share of the total: A until the cumulative share reaches a_cutoff (the crossing item is A), then B until b_cutoff, then C.
 * @customfunction ABC_CLASS
 * @param values One column of sales, or two columns (sales, profit) scored by the mean of their shares.
 * @param [a_cutoff] Cumulative share that closes class A. Default 0.7.
 * @param [b_cutoff] Cumulative share that closes class B. Default 0.9.
 * @returns "A", "B" or "C" for each row ("" for a blank row).
 */
export function ABC_CLASS(values: unknown[][], a_cutoff?: unknown, b_cutoff?: unknown): string[][] {
  return excelResult(() => {
    const a = optionalNumber(a_cutoff, "a_cutoff", DEFAULT_A_CUTOFF);
    const b = optionalNumber(b_cutoff, "b_cutoff", DEFAULT_B_CUTOFF);
    const classes = abcClasses(abcScores(numberRows(values, "values", 2)), a, b);
    return classes.map((c) => [c ?? ""]);
  });
}

/**
 * Safety stock z·√(L·σ² + μ²·σL²) from a demand history, with μ and σ its mean and sample standard deviation.
 * @customfunction SAFETY_STOCK
 * @param demand_history Demand per period (at least two numbers; blanks are skipped).
 * @param lead_time Lead time, in the history's periods.
 * @param [service_level] Probability of not running out in a cycle, between 0 and 1. Default 0.95.
 * @param [lead_time_sd] Standard deviation of the lead time, in periods. Default 0.
 * @returns Safety stock in units.
 */
export function SAFETY_STOCK(
  demand_history: unknown[][],
  lead_time: unknown,
  service_level?: unknown,
  lead_time_sd?: unknown,
): number {
  return excelResult(() =>
    safetyStockFromHistory(
      numberSample(demand_history, "demand_history"),
      requiredNumber(lead_time, "lead_time"),
      optionalNumber(service_level, "service_level", 0.95),
      optionalNumber(lead_time_sd, "lead_time_sd", 0),
    ),
  );
}

/**
 * Weeks until the stock runs out, consuming the weekly forecasts in order and their mean after them.
 * @customfunction WEEKS_OF_COVER
 * @param on_hand Units in stock now.
 * @param weekly_demand Units per week: one number, or a row or column of weekly forecasts starting this week.
 * @returns Weeks of cover (fractional).
 */
export function WEEKS_OF_COVER(on_hand: unknown, weekly_demand: unknown[][]): number {
  try {
    return finite(
      weeksOfCover(requiredNumber(on_hand, "on_hand"), numberVector(weekly_demand, "weekly_demand")),
    );
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * The cheapest shipping mode that arrives in time; if none does, the fastest.
 * @customfunction SHIP_MODE
 * @param days_until_needed Days from today until the stock is needed.
 * @param modes Names of the modes, e.g. SEA, AIR, EXPRESS, TRANSFER.
 * @param lead_days Days each mode takes, in the same order as modes.
 * @param costs Cost of each mode (per unit or per shipment), in the same order as modes.
 * @returns The chosen mode's name.
 */
export function SHIP_MODE(
  days_until_needed: unknown,
  modes: unknown[][],
  lead_days: unknown[][],
  costs: unknown[][],
): string {
  return excelResult(() => {
    const days = requiredNumber(days_until_needed, "days_until_needed");
    const names = textCells(modes, "modes");
    const leads = numberCells(lead_days, "lead_days");
    const prices = numberCells(costs, "costs");
    for (const [param, count] of [
      ["lead_days", leads.length],
      ["costs", prices.length],
    ] as const)
      if (count !== names.length)
        throw new InputError("value", "sizeMismatch", {
          param,
          count,
          other: "modes",
          otherCount: names.length,
        });
    const options: ModeOption[] = [];
    names.forEach((mode, i) => {
      const lead = leads[i];
      const cost = prices[i];
      if (mode === undefined && lead === undefined && cost === undefined) return;
      if (mode === undefined) throw new InputError("value", "modeBlank", { pos: i + 1 });
      if (lead === undefined || cost === undefined)
        throw new InputError("value", "partialRow", { param: mode, pos: i + 1 });
      options.push({ mode, leadDays: lead, cost });
    });
    return chooseShipMode(days, options).mode;
  });
}
