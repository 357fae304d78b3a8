import type { AbcClass, ShipModeName } from "../data/model";
import type { PlanMessageKey } from "../i18n/planMessages";
import type { MessageParams } from "../i18n";
import type { Day } from "../time/day";
import type { AudienceSpread, StreamAccuracy } from "../stream";

/** A sentence of the plan, as a catalogue key and its parameters, said in the sheet's language. */
export interface Reason {
  readonly key: PlanMessageKey;
  readonly params: MessageParams;
}

/** Which rule a shipment serves: tier 1 (everyday), tier 2 (pre-stream build-up) or tier 3 (emergency). */
export type Tier = "tier1" | "tier2" | "tier3";

/**
 * One row of `LS Plan`: a shipment of a SKU to a warehouse, or the SKU ×
 * warehouse itself when it needs none (restockQty 0) or cannot be planned.
 * Quantities in units, money in the workbook's currency, dates as days.
 */
export interface PlanLine {
  readonly sku: string;
  readonly warehouse: string;
  readonly cls: AbcClass;
  /** Mean baseline forecast over the horizon, units per week (streams not included). */
  readonly weeklyForecast: number;
  /** On hand less reserved, at the plan date. */
  readonly onHand: number;
  /** In-transit units counted for this shipment: those arriving by the day its target is measured at. */
  readonly inTransit: number;
  /** Earlier shipments of this plan arriving by that day. */
  readonly plannedEarlier: number;
  /** Tier 1 safety stock, units: max(z·√(P·σ² + μ²·σ_P²), base weeks × weekly forecast). */
  readonly safetyStock: number;
  /** Tier 1 safety stock + forecast demand over the regular lane's lead time. */
  readonly reorderPoint: number;
  /**
   * Order-up-to level: the stock required on the day the quantity is measured at + forecast
   * demand from the plan date to then, less demand that comes before any lane can arrive
   * (lost sales, not back-ordered) (tier 3: the stream's P90 units).
   */
  readonly target: number;
  /** Units to ship: target − on hand − in transit − planned earlier, raised to MOQ and rounded up to case packs; 0 = nothing to ship. */
  readonly restockQty: number;
  readonly tier: Tier | null;
  readonly mode: ShipModeName | null;
  /** Origin: the lane's `from`, or a warehouse for a transfer. */
  readonly from: string | null;
  /**
   * Need date − lead time (tier 3: − a margin for lead-time spread), the lead time counting production days for supplier
   * lanes: the day to order from the supplier (and for stock already made, to ship).
   */
  readonly shipBy: Day | null;
  /** Expected arrival (ship-by + lead time), sellable. */
  readonly arriveBy: Day | null;
  /** The date the stock is needed by: the shipment should arrive by then. */
  readonly needBy: Day | null;
  /**
   * The dates a planner executes, set on the plan's output lines (`lineDates`): the order to the
   * supplier (ship-by; null for a transfer), the departure from the origin (after production and
   * a supplier closure), the arrival at the warehouse (sellable − receiving days).
   */
  readonly orderDate?: Day | null;
  readonly departs?: Day | null;
  readonly arrives?: Day | null;
  /** Freight cost of the shipment; null when the lane's cost is unknown for the SKU. */
  readonly cost: number | null;
  /** Weeks the stock on hand lasts against the forecast (streams included; in-transit stock not counted); null when no demand. */
  readonly weeksOfCover: number | null;
  /** First day the stock runs out without new shipments; null if not within the projection. */
  readonly stockoutDate: Day | null;
  /**
   * True when the shipment arrives after `needBy`: no lane arrives by then and this one is the cheapest
   * arriving before the stream or the stock-out, or (a tier 1 safety dip) the bulk lane refills the
   * safety stock before the stock runs out, so the faster lane is not needed.
   */
  readonly late: boolean;
  readonly reasons: readonly Reason[];
}

/** One row of `LS Timetable`: what to ship in one week on one lane. */
export interface TimetableRow {
  readonly weekStart: Day;
  readonly from: string;
  readonly to: string;
  readonly mode: ShipModeName;
  readonly skuCount: number;
  readonly units: number;
  /** Null when a SKU of the week has no weight. */
  readonly weightKg: number | null;
  readonly cost: number;
  /** "SKU ×qty" of the week's shipments, largest first. */
  readonly items: string;
}

export type StreamStatus = "OK" | "RISK" | "SHORT" | "UNKNOWN";

/** One row of `LS Streams`: a planned stream × a featured SKU. */
export interface StreamCheck {
  readonly streamId: string;
  readonly date: Day;
  readonly warehouse: string;
  readonly sku: string;
  readonly cls: AbcClass;
  readonly expectedUnits: number;
  readonly p90Units: number;
  /** Projected stock when the stream starts, all planned shipments included. */
  readonly availableUnits: number;
  /** Hours until the stock sells out at the expected rate; null when the stream sells nothing. */
  readonly hoursToSellout: number | null;
  /**
   * OK: available ≥ P90; RISK: expected ≤ available < P90; SHORT: available < expected;
   * UNKNOWN: no past stream to learn its units from, so no stock can be said to cover it.
   */
  readonly status: StreamStatus;
  readonly action: Reason;
  /**
   * What the status rests on or allows, said after the action: "ready if" the planned shipments
   * it needs are sent (OK only because of shipments not yet sent), or "feature at most" the units
   * that will be there (a stream the stock does not cover at P90, not funded).
   */
  readonly condition?: Reason;
  /** Expected viewers above 1.5 × the largest past stream: the units are an extrapolation; null otherwise. */
  readonly extrapolated: { readonly viewers: number; readonly largest: number } | null;
}

/** One row of `LS ABC`, the seed's table computed from the data. */
export interface AbcRow {
  readonly cls: AbcClass;
  /** SKU × warehouse pairs of the class (ABC is per pair) and their share of all pairs. */
  readonly skuCount: number;
  readonly skuShare: number;
  readonly salesShare: number;
  readonly profitShare: number | null;
  readonly serviceLevel: number;
  readonly baseWeeks: number;
  readonly preStreamWeeks: number | null;
  readonly policy: Reason;
}

/** One row of `LS Suppliers`: a SKU's quantity for a supplier in one month. */
export interface SupplierRow {
  readonly supplier: string;
  readonly sku: string;
  readonly cls: AbcClass;
  /** First day of the month. */
  readonly month: Day;
  /** Forecast demand of the month over all warehouses (baseline + planned streams), units. */
  readonly forecastUnits: number;
  /**
   * Units this plan orders from the supplier in the month, by ship-by date: ship-by already
   * allows the production days (it is need − production − transit − receiving − margin),
   * so it is the day the order must reach the supplier.
   */
  readonly plannedUnits: number;
  readonly moq: number | null;
}

/** Results of one policy in the backtest. */
export interface PolicyResult {
  /** Served ÷ demanded units on days a stream featured the SKU at the warehouse; null without such days. */
  readonly fillRateStreamDays: number | null;
  readonly fillRateOtherDays: number | null;
  readonly fillRate: number | null;
  /** SKU × warehouse days with unmet demand. */
  readonly stockoutDays: number;
  /** Mean end-of-week stock ÷ mean weekly demand, over the replayed weeks. */
  readonly avgWeeksOfCover: number | null;
  /** Mean end-of-week stock at unit cost, money: the stock held. */
  readonly avgStockValue: number;
  /** Freight of all shipments, money: the sum of `freightByMode`. */
  readonly freightCost: number;
  readonly freightByMode: Readonly<Partial<Record<ShipModeName, number>>>;
  readonly unitsShipped: number;
}

export interface BacktestResult {
  readonly fromWeek: Day;
  readonly weeks: number;
  /** SKU × warehouse pairs replayed (at most `backtestPairs`: the top half by units and a weighted sample of the rest) of those with sales. */
  readonly pairs: number;
  readonly pairsWithSales: number;
  readonly planner: PolicyResult;
  readonly naive: PolicyResult;
}

/** SKU × warehouse pairs that cannot be planned, and why (e.g. no lane reaches the warehouse). */
export interface Unplannable {
  readonly sku: string;
  readonly warehouse: string;
  readonly reason: Reason;
}

export interface PlanSummary {
  readonly planDate: Day;
  /** SKUs with a shipment to send by the end of the first review period. */
  readonly skusToRestockNow: number;
  /** SKUs with any shipment in the horizon. */
  readonly skusToRestock: number;
  /** Freight cost of the horizon's shipments by mode. */
  readonly costByMode: Readonly<Partial<Record<ShipModeName, number>>>;
  readonly unitsByMode: Readonly<Partial<Record<ShipModeName, number>>>;
  readonly streamsPlanned: number;
  /** Planned streams with at least one RISK or SHORT SKU. */
  readonly streamsAtRisk: number;
  readonly emergencySpent: number;
  readonly unplannable: number;
  /** The backtest's two policies, this plan's and the naive one; null without a backtest. */
  readonly backtest: Pick<BacktestResult, "weeks" | "planner" | "naive"> | null;
  /** The stream model's out-of-sample accuracy on past streams; null without one. */
  readonly streamModelAccuracy: StreamAccuracy | null;
}

/** A whole plan: the sheets' rows, before any language is chosen. */
export interface Plan {
  readonly planDate: Day;
  readonly lines: readonly PlanLine[];
  readonly timetable: readonly TimetableRow[];
  readonly streams: readonly StreamCheck[];
  readonly abc: readonly AbcRow[];
  readonly suppliers: readonly SupplierRow[];
  readonly backtest: BacktestResult | null;
  readonly unplannable: readonly Unplannable[];
  /** The live-stream model behind the planned streams' units and how well it predicted past streams; null without planned streams or history. */
  readonly streamModel: StreamModelReport | null;
  readonly summary: PlanSummary;
}

/** Which stream model variant was chosen, and its out-of-sample accuracy on the seller's past streams. */
export interface StreamModelReport {
  readonly method: "power" | "funnel";
  readonly accuracy: StreamAccuracy;
  /** How far real audiences landed from plan, as the planned streams' units assume it. */
  readonly audience: AudienceSpread;
}

/** Progress and cancellation for long runs (the task pane's progress bar). */
export interface PlanHooks {
  onStage?(stage: "forecasting" | "planning" | "backtest"): void;
  shouldCancel?(): boolean;
}
