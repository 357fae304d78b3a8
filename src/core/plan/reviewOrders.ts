import type { Sku } from "../data/model";
import { dayToIso, type Day } from "../time/day";
import { reason } from "./explanation";
import { productionDaysOf, shipmentCost, type WarehouseLanes } from "./lanes";
import { isTransfer, lineLane } from "./lineDates";
import type { PlanSettings } from "./settings";
import type { PlanLine } from "./types";

/** What `orderAtReview` needs to know of the plan. */
export interface Review {
  readonly planDate: Day;
  /** Days until the seller plans again (`review_weeks` × 7). */
  readonly days: number;
  /** Days beyond the next review an order is placed ahead (a review period for a pair whose bulk lot covers one; else 0). */
  readonly aheadDays: number;
  /** Whether a line is a transfer between warehouses (its stock is not ordered: it leaves a warehouse). */
  readonly transfer: (line: PlanLine) => boolean;
  /** Days a supplier closure adds to this line's order placed on `orderDay` (`closureDelay`). */
  readonly delay: (line: PlanLine, orderDay: Day) => number;
  /** What one shipment of `qty` on the line's lane costs (`shipmentCost`): lines joined into one pay its fixed cost once. */
  readonly shipmentCost: (line: PlanLine, qty: number) => number | null;
}

/**
 * The review of one pair's lines as the plan holds it, every `days` days from `planDate`: orders a
 * review ahead where its lots cover one review (`aheadDaysOf` of its `coverDays`), its lanes
 * (`lineLane`: transfers, and what a shipment costs), its SKU's production days and the supplier
 * closures (`supplyDelay`, none when absent). The plan and its backtest's replay place orders with
 * the same one.
 *
 * @example orderAtReview(state.lines, pairReview(state, planDate, 7, lanes, settings))
 */
export function pairReview(
  state: { readonly coverDays: number; readonly input: { readonly sku: Sku } },
  planDate: Day,
  days: number,
  lanes: ReadonlyMap<string, WarehouseLanes>,
  settings: PlanSettings,
  supplyDelay?: (orderDay: Day, productionDays?: number) => number,
): Review {
  const { sku } = state.input;
  return {
    planDate,
    days,
    aheadDays: aheadDaysOf(state.coverDays, days),
    transfer: (l) => isTransfer(l, lanes),
    delay: (_, orderDay) => supplyDelay?.(orderDay, productionDaysOf(sku, settings)) ?? 0,
    shipmentCost: (l, qty) => {
      const o = lineLane(l, lanes);
      return o ? shipmentCost(o.lane, sku, qty) : null;
    },
  };
}

/**
 * Days beyond the next review a pair's orders are placed ahead, at a review every `days` days:
 * a whole review period when its bulk lots cover one review period (`coverDays` ≤ `days`: no fee
 * cycle), else 0. On time, such a lot lands just as the last runs out (see `orderAtReview`).
 *
 * @example aheadDaysOf(7, 7) // 7; aheadDaysOf(21, 7) // 0
 */
export const aheadDaysOf = (coverDays: number, days: number): number => (coverDays > days ? 0 : days);

/**
 * One SKU × warehouse's lines as a planner places them at a weekly review: an order to the
 * supplier whose latest order date (ship-by) falls after the plan date but before the next review
 * is ordered on the plan date, since by the next plan it would be late; and where the pair's bulk
 * lots cover one review period each (no fee cycle: `coverDays`), so is one due before the review
 * after next (`aheadDays`). Its arrival moves earlier by the days gained: ship-by − plan date,
 * less any supplier closure (Chinese New Year) that the earlier order runs into and the later one
 * did not; a line that gains nothing keeps its dates. The plan's quantities stand (sized to
 * arrive by the need date, the units only arrive sooner). Transfers (which take stock another
 * warehouse may still need), tier 3 lines (the emergency budget's, already timed to the stream)
 * and lines already late are left as they are. Orders on one lane that end up on the plan date
 * (one due today and one moved there; a plan made mid-week, a review of several weeks, an order
 * ahead) become one line, in the first one's place. Days.
 *
 * Why (issue 9's closed loop): a sea order placed on its Friday instead of the Monday the plan was
 * made lands four days later, against a lane whose delays run to two weeks. And a lot of one
 * review period, on time, lands just as the last one runs out: a stream in the days after it
 * cannot count on sea that close (`unsureDays`), so its cover flies. Ordered a review ahead, the
 * lot is there a week early; the next plans see it landed and fly less. A lot sized for a fee
 * cycle already carries the weeks after its first, so it is not ordered ahead.
 *
 * @example orderAtReview([sea line shipBy 11-19, arriveBy 12-30], { planDate: 11-16, days: 7, aheadDays: 0, … }) // shipBy 11-16, arriveBy 12-27
 */
export function orderAtReview(lines: readonly PlanLine[], review: Review): PlanLine[] {
  const { planDate } = review;
  const placed = lines.map((line) => moveToReview(line, review));
  if (placed.every((line, i) => line === lines[i])) return placed;
  // Today's orders, moved or not, one line per lane: the plan's weekly join made them one before.
  const out: PlanLine[] = [];
  const today = new Map<string, number>();
  placed.forEach((line, i) => {
    if (line.shipBy !== planDate || !orderable(line, review)) {
      out.push(line);
      return;
    }
    const lane = `${line.mode}\u0000${line.from ?? ""}`;
    const at = today.get(lane);
    if (at === undefined) {
      today.set(lane, out.length);
      out.push(line);
      return;
    }
    const first = out[at];
    const qty = first.restockQty + line.restockQty;
    out[at] = {
      ...first,
      restockQty: qty,
      tier: first.tier === "tier2" || line.tier === "tier2" ? "tier2" : first.tier,
      arriveBy: Math.min(first.arriveBy as Day, line.arriveBy as Day) as Day,
      cost: first.cost === null || line.cost === null ? null : review.shipmentCost(first, qty),
      late: first.late && line.late,
      reasons: [
        ...first.reasons,
        reason("planReasonJoined", {
          qty: line.restockQty,
          need: dayToIso(line.needBy ?? planDate),
          mode: line.mode ?? "",
        }),
        // A moved order says why it is today's; one due today needs no more.
        ...(line === lines[i] ? [] : line.reasons.slice(-1)),
      ],
    };
  });
  return out;
}

/** A supplier order the review may place: it ships something, and is neither tier 3 nor a transfer. */
const orderable = (line: PlanLine, review: Review): boolean =>
  line.restockQty > 0 && line.mode !== null && line.tier !== "tier3" && !review.transfer(line);

function moveToReview(line: PlanLine, review: Review): PlanLine {
  const { planDate } = review;
  const { shipBy, arriveBy } = line;
  if (shipBy === null || arriveBy === null) return line;
  if (shipBy <= planDate || shipBy >= planDate + review.days + review.aheadDays) return line;
  if (!orderable(line, review)) return line;
  const gained = shipBy - planDate - (review.delay(line, planDate) - review.delay(line, shipBy));
  if (gained <= 0) return line;
  return {
    ...line,
    shipBy: planDate,
    arriveBy: (arriveBy - gained) as Day,
    reasons: [
      ...line.reasons,
      shipBy < planDate + review.days
        ? reason("planReasonAtReview", { date: dayToIso(shipBy), weeks: review.days / 7, days: gained })
        : reason("planReasonAhead", { date: dayToIso(shipBy), days: gained }),
    ],
  };
}
