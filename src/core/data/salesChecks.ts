import type { DataMessageKey } from "../i18n/dataMessages";
import { addDays, dayFromIso, type Day } from "../time/day";

/**
 * What sellers' exports put in `Sales.stream_id` to say "not a stream", compared
 * trimmed and in lower case. Taken as a stream id, each would make every sale a
 * stream sale and empty the baseline forecast.
 */
const STREAM_PLACEHOLDERS: ReadonlySet<string> = new Set([
  "-",
  "--",
  "—",
  "–",
  "_",
  "/",
  ".",
  "0",
  "n/a",
  "na",
  "#n/a",
  "none",
  "null",
  "nil",
  "no",
  "无",
  "否",
  "没有",
  "非直播",
]);

/**
 * True when a stream id is a placeholder for "not a stream": `-`, `0`, `N/A`,
 * `#N/A`, `none`, `无`… The reader treats it as blank unless the Streams table
 * has a stream of that id.
 *
 * @example isStreamPlaceholder(" N/A ") // true
 */
export function isStreamPlaceholder(streamId: string): boolean {
  return STREAM_PLACEHOLDERS.has(streamId.trim().toLowerCase());
}

/** No sale is dated after this: later dates are placeholders (9999-12-31) or typos. */
export const LAST_SALES_DAY = dayFromIso("2100-12-31") as Day;

/** Days a sale may lie after the 99th-percentile sales date before it is taken for a typo. */
export const SALES_DATE_MARGIN_DAYS = 28;

/** The last day a sale may be dated, and the message for a sale after it. */
export interface SalesDateLimit {
  readonly lastDay: Day;
  readonly message: DataMessageKey;
  /** The 99th-percentile date, when it set the limit. */
  readonly p99?: Day;
}

/**
 * The last plausible sales date: the plan date when one is given (a sale
 * cannot come after the day the plan is made); else 28 days after the
 * 99th-percentile date (nearest rank), so that a few placeholder or mistyped
 * rows — under 1 % of them — cannot move the plan date; never after 2100-12-31.
 * With two years of steady daily rows the last 1 % spans about a week, so
 * four weeks leave room for a slow last month.
 *
 * @example salesDateLimit([d, d + 1, 2958465], undefined).lastDay // 2100-12-31 (under 100 rows)
 */
export function salesDateLimit(dates: ArrayLike<number>, planDate: Day | undefined): SalesDateLimit {
  const ceiling: SalesDateLimit = { lastDay: LAST_SALES_DAY, message: "dataSaleAfter2100" };
  if (planDate !== undefined)
    return planDate < LAST_SALES_DAY ? { lastDay: planDate, message: "dataSaleAfterPlanDate" } : ceiling;
  const n = dates.length;
  const rank = Math.ceil(0.99 * n) - 1;
  // Under 100 rows the 99th percentile is the latest date itself: only the ceiling applies.
  if (rank >= n - 1) return ceiling;
  const p99 = Int32Array.from(dates).sort()[rank] as Day;
  const lastDay = addDays(p99, SALES_DATE_MARGIN_DAYS);
  return lastDay < LAST_SALES_DAY ? { lastDay, message: "dataSaleFarAfterOthers", p99 } : ceiling;
}
