import { addDays, type Day } from "../../time/day";
import { arrivalDay, type Realisation, type SimPair } from "../realisation";
import { supplierLanes, unitFreightOf, type Shipment } from "../sellerView";
import type { WorldLane } from "../world";
import type { Policy } from "./policy";

interface Option {
  readonly lane: WorldLane;
  /** Finished goods flown at once (no production), counted as emergency spend. */
  readonly finishedGoods: boolean;
  readonly cost: number;
}

/**
 * The oracle: it knows the realisation — every day's demand and every departure's real lead
 * time — and ships, each week, exactly what keeps stock from running out, as cheaply as it can:
 * for each way to ship (a lane, as an order or as finished goods), cheapest first, it covers the
 * days from the earliest day that way can still land to the earliest day next week's can; a
 * final pass with every way covers all days any shipment could reach. So from the first day any
 * policy's shipment can land, it loses no sale: no policy beats its fill (worlds without transfer
 * lanes). No MOQ or case packs: it is the floor of what is possible, not a plan to follow.
 * Made to order (`finishedGoods` false, the "oracleMade" policy), it has only the seller's own
 * ways — orders that wait for production — and no finished goods to fly: the best any policy
 * that ships as the plan does could do, so what it loses no forecast could have saved.
 *
 * @example oraclePolicy(realisation).decide(view) // the week's shipments; fill 100 % once they can land
 */
export function oraclePolicy(r: Realisation, finishedGoods = true): Policy {
  const end = r.historyDays + r.days;
  const arrivals = r.pairs.map(() => new Float64Array(end + 1));
  let started = false;
  const optionsOf = new Map<SimPair, Option[]>();
  const options = (p: SimPair): Option[] => {
    let list = optionsOf.get(p);
    if (!list) {
      list = supplierLanes(r.world, p.warehouse, p.sku).flatMap((lane) => {
        const cost = unitFreightOf(lane, p.sku);
        const own: Option[] = [{ lane, finishedGoods: false, cost }];
        if (finishedGoods && lane.mode !== "SEA") own.push({ lane, finishedGoods: true, cost });
        return own;
      });
      optionsOf.set(p, list);
    }
    return list;
  };
  const weeks = r.days / 7;
  const memo = new Map<string, number>();
  /** Earliest landing (day index) of `ways` shipped in week `w` or any later week (`tag` names the ways). */
  const earliest = (p: SimPair, ways: readonly Option[], tag: string, w: number): number => {
    if (w >= weeks) return Infinity;
    const key = `${p.index}|${tag}|${w}`;
    let best = memo.get(key);
    if (best !== undefined) return best;
    best = earliest(p, ways, tag, w + 1);
    for (let k = 0; k < 7; k++) {
      const day = addDays(r.world.start, 7 * w + k);
      for (const o of ways)
        best = Math.min(best, arrivalDay(r, o.lane, p.sku, day, o.finishedGoods) - r.historyStart);
    }
    memo.set(key, best);
    return best;
  };
  const demand = (p: number, d: number): number => r.baseline[p][d] + r.streamDemand[p][d];

  return {
    name: finishedGoods ? "oracle" : "oracleMade",
    decide(view) {
      if (!started) {
        started = true;
        for (const s of view.inTransit)
          arrivals[s.pair][Math.min(end, Math.max(view.t, s.eta - r.historyStart))] += s.qty;
      }
      const week = (view.t - r.historyDays) / 7;
      const out: Shipment[] = [];
      for (const p of r.pairs) {
        const all = options(p);
        if (all.length === 0) continue;
        const stockBefore = (d: number): number => {
          let s = view.onHand[p.index];
          for (let u = view.t; u < d; u++) s = Math.max(0, s + arrivals[p.index][u] - demand(p.index, u));
          return s;
        };
        const cover = (from: number, to: number): void => {
          const b = Math.min(to, end);
          for (let d = Math.max(from, view.t); d < b;) {
            const start = stockBefore(d);
            let need = 0;
            let net = start;
            for (let u = d; u < b; u++) {
              net += arrivals[p.index][u] - demand(p.index, u);
              need = Math.max(need, -net);
            }
            if (need <= 1e-9) return;
            // The first day short, and the cheapest way that lands by then.
            let first = d;
            for (let s = start; first < b; first++) {
              s += arrivals[p.index][first] - demand(p.index, first);
              if (s < -1e-9) break;
              s = Math.max(0, s);
            }
            let pick: { o: Option; day: Day; at: number } | undefined;
            for (const o of all)
              for (let k = 0; k < 7; k++) {
                const day = addDays(view.today, k);
                const at = arrivalDay(r, o.lane, p.sku, day, o.finishedGoods) - r.historyStart;
                if (
                  at <= first &&
                  (!pick || o.cost < pick.o.cost || (o.cost === pick.o.cost && at > pick.at))
                )
                  pick = { o, day, at };
              }
            if (!pick) {
              d = first + 1;
              continue;
            }
            const qty = Math.ceil(shortfallFrom(first, b, stockBefore(first), p.index) - 1e-9);
            if (qty <= 0) return;
            arrivals[p.index][Math.max(view.t, pick.at)] += qty;
            out.push({
              pair: p.index,
              qty,
              lane: pick.o.lane,
              shipDay: pick.day,
              finishedGoods: pick.o.finishedGoods,
              emergency: pick.o.finishedGoods,
            });
            d = first + 1;
          }
        };
        const shortfallFrom = (d: number, b: number, start: number, pair: number): number => {
          let net = start;
          let need = 0;
          for (let u = d; u < b; u++) {
            net += arrivals[pair][u] - demand(pair, u);
            need = Math.max(need, -net);
          }
          return need;
        };
        const kinds = all.map((o, i) => ({ o, tag: String(i) })).sort((a, b) => a.o.cost - b.o.cost);
        for (const k of kinds) cover(earliest(p, [k.o], k.tag, week), earliest(p, [k.o], k.tag, week + 1));
        cover(earliest(p, all, "all", week), earliest(p, all, "all", week + 1));
      }
      return out;
    },
  };
}
