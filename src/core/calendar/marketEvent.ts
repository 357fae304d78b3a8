import type { Day } from "../time/day";

/**
 * What an event does to the plan: a public holiday or a commerce event moves
 * demand; a supply event (Chinese New Year) closes factories and stretches lead times.
 */
export type EventKind = "holiday" | "commerce" | "supply";

/** Where an event's uplift comes from: the documented default or the seller's own history. */
export type UpliftSource = "default" | "history";

/** One dated occurrence of a market event. */
export interface MarketEvent {
  /** Stable id across years, e.g. "black-friday", "11.11", "holiday:Thanksgiving Day". */
  readonly key: string;
  /** English name (holidays: the name date-holidays gives, often in the local language). */
  readonly name: string;
  readonly kind: EventKind;
  /** ISO 3166-1 alpha-2 code of the market (CN for the supply event). */
  readonly country: string;
  /** First and last day, inclusive. */
  readonly start: Day;
  readonly end: Day;
  /** Multiplier on the weekly demand of each week the event touches (1 = no change; supply events 1). */
  readonly uplift: number;
  readonly upliftSource: UpliftSource;
  /** Supply events: days added to a supplier's lead time for orders placed in [start, end]. */
  readonly supplyDelayDays?: number;
}

/** The events of a market over a period, with a warning when the country's holidays are unknown. */
export interface MarketCalendar {
  readonly country: string;
  readonly events: readonly MarketEvent[];
  /** Set when date-holidays does not know the country: the calendar then has commerce and supply events only. */
  readonly warning?: {
    readonly key: "calendarUnknownCountry";
    readonly params: { readonly country: string };
  };
}
