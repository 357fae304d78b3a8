import fc from "fast-check";
import { parseWorld, replannedText, simulate, simulationAbout, type World } from "../../../src/core/simulate";
import {
  planningDays,
  replanDaysOf,
  startRun,
  stepWeek,
  type PolicyRun,
} from "../../../src/core/simulate/loop";
import { policyMetrics } from "../../../src/core/simulate/metrics";
import { classicalPolicy } from "../../../src/core/simulate/policies/classical";
import { livestockPolicy } from "../../../src/core/simulate/policies/livestock";
import { naivePolicy } from "../../../src/core/simulate/policies/naive";
import { oraclePolicy } from "../../../src/core/simulate/policies/oracle";
import type { Policy } from "../../../src/core/simulate/policies/policy";
import type { SellerView } from "../../../src/core/simulate/sellerView";
import { addDays } from "../../../src/core/time/day";
import { realise, simPairKey, type Realisation } from "../../../src/core/simulate/realisation";
import { TINY_WORLD } from "./tinyWorld";

const WORLD = parseWorld(TINY_WORLD).world as World;

function runAll(r: Realisation, policies: readonly Policy[]): PolicyRun[] {
  const runs = policies.map((p) => startRun(r, p));
  for (let w = 0; w < r.days / 7; w++) for (const x of runs) stepWeek(r, x);
  return runs;
}

const fivePolicies = (r: Realisation): Policy[] => [
  livestockPolicy(r.world),
  naivePolicy(),
  classicalPolicy(false),
  classicalPolicy(true),
  oraclePolicy(r),
  oraclePolicy(r, false),
];

describe("the closed loop", () => {
  const r = realise(WORLD, 3, 0, WORLD.weeks);
  const runs = runAll(r, fivePolicies(r));

  test("stock is conserved every day: start + received − sold − transferred = end, lost = demand − sold ≥ 0", () => {
    for (const x of runs) {
      const tr = x.trace;
      for (const p of r.pairs) {
        let stock = tr.initialStock[p.index];
        for (let t = r.historyDays; t < r.historyDays + r.days; t++) {
          const i = p.index;
          stock += tr.received[i][t] - tr.sold[i][t] - tr.transferredOut[i][t];
          expect(tr.stock[i][t]).toBeCloseTo(stock, 9);
          expect(tr.lost[i][t]).toBeGreaterThanOrEqual(0);
          expect(tr.sold[i][t] + tr.lost[i][t]).toBeCloseTo(r.baseline[i][t] + r.streamDemand[i][t], 9);
          expect(tr.stock[i][t]).toBeGreaterThanOrEqual(0);
        }
      }
      const received = tr.shipments.filter((s) => s.arrival - r.historyStart < r.historyDays + r.days);
      expect(received.length).toBeGreaterThan(0);
    }
  });

  test("common random numbers: every policy meets the same demand, and the streams are the same", () => {
    const again = realise(WORLD, 3, 0, WORLD.weeks);
    expect(again.streams).toEqual(r.streams);
    for (const p of r.pairs)
      for (let t = r.historyDays; t < r.historyDays + r.days; t++) {
        const demand = runs.map((x) => x.trace.sold[p.index][t] + x.trace.lost[p.index][t]);
        for (const d of demand) expect(d).toBeCloseTo(demand[0], 9);
      }
    // Another run draws another world.
    const other = realise(WORLD, 3, 1, WORLD.weeks);
    expect(Array.from(other.baseline[0])).not.toEqual(Array.from(r.baseline[0]));
  });

  test("lead times belong to the lane and the day, whatever was drawn before", () => {
    const lane = WORLD.lanes[0];
    const a = realise(WORLD, 9, 0, 4);
    const b = realise(WORLD, 9, 0, 4);
    b.transit(WORLD.lanes[1], WORLD.start);
    expect(b.transit(lane, WORLD.start)).toBe(a.transit(lane, WORLD.start));
  });

  test("the oracle is never beaten on fill, pair by pair", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const rr = realise(WORLD, seed, 0, 5);
        const xs = runAll(rr, [naivePolicy(), classicalPolicy(true), oraclePolicy(rr)]);
        const oracle = xs[2].trace;
        for (const x of xs.slice(0, 2))
          for (const p of rr.pairs) {
            let sold = 0;
            let soldOracle = 0;
            for (let t = rr.historyDays; t < rr.historyDays + rr.days; t++) {
              sold += x.trace.sold[p.index][t];
              soldOracle += oracle.sold[p.index][t];
            }
            expect(soldOracle).toBeGreaterThanOrEqual(sold - 1e-9);
          }
      }),
      { numRuns: 8 },
    );
    const fill = (i: number) => policyMetrics(r, runs[i].trace, WORLD.weeks, 0.25).fill ?? 0;
    for (let i = 0; i < 4; i++) expect(fill(4)).toBeGreaterThanOrEqual(fill(i));
  });

  test("made to order, the oracle is still never beaten by a policy that waits for production as it does", () => {
    const made = runs[5].trace;
    expect(made.policy).toBe("oracleMade");
    // No finished goods to fly: it ships no emergency, and meets every policy but classical + air
    // (whose air top-ups are finished goods) and the full oracle, pair by pair.
    expect(made.shipments.every((s) => !s.emergency)).toBe(true);
    for (const i of [0, 1, 2])
      for (const p of r.pairs) {
        let sold = 0;
        let soldMade = 0;
        for (let t = r.historyDays; t < r.historyDays + r.days; t++) {
          sold += runs[i].trace.sold[p.index][t];
          soldMade += made.sold[p.index][t];
        }
        expect(soldMade).toBeGreaterThanOrEqual(sold - 1e-9);
      }
    const fill = (i: number) => policyMetrics(r, runs[i].trace, WORLD.weeks, 0.25).fill ?? 0;
    expect(fill(4)).toBeGreaterThanOrEqual(fill(5));
  });

  test("a policy that ships nothing sells nothing once the initial stock and pipeline are gone", () => {
    const idle: Policy = { name: "naive", decide: () => [] };
    const rr = realise({ ...WORLD, initialWeeks: 1 }, 5, 0, 8);
    const [x] = runAll(rr, [idle]);
    expect(x.trace.shipments).toEqual([]);
    for (const p of rr.pairs) {
      const t = rr.historyDays + rr.days - 7;
      expect(x.trace.stock[p.index][t - 1]).toBe(0);
      for (let u = t; u < rr.historyDays + rr.days; u++) expect(x.trace.sold[p.index][u]).toBe(0);
    }
    const late = { ...policyMetrics(rr, x.trace, 8, 0.25) };
    expect(late.fill).toBeLessThan(0.6);
    expect(late.freight).toBe(0);
  });

  test("simulate reports progress each week, and a cancel stops it with the weeks done", () => {
    const seen: number[] = [];
    let calls = 0;
    const result = simulate(WORLD, {
      weeks: 4,
      policies: ["naive", "oracle"],
      onProgress: (p) => seen.push(p.week),
      shouldCancel: () => ++calls > 5,
    });
    expect(seen).toEqual([1, 2]);
    expect(result.complete).toBe(false);
    expect(result.weeks).toBe(2);
    const full = simulate(WORLD, { weeks: 4, runs: 2, policies: ["naive", "oracle"] });
    expect(full.complete).toBe(true);
    expect(full.runs).toHaveLength(2);
    expect(full.summary.oracle?.fill.mean).toBeGreaterThanOrEqual(full.summary.naive?.fill.mean ?? 1);
  });

  test("a world with stock and shipments under way starts from them, the same for every policy", () => {
    const parsed = parseWorld({
      ...TINY_WORLD,
      stock: [{ sku: "A", warehouse: "US-West", onHand: 500 }],
      inTransit: [{ sku: "B", warehouse: "US-West", qty: 60, eta: "2026-09-10", mode: "AIR" }],
    });
    expect(parsed.problems).toEqual([]);
    const rr = realise(parsed.world as World, 1, 0, 2);
    const [x, y] = [startRun(rr, naivePolicy()), startRun(rr, oraclePolicy(rr))];
    expect(Array.from(x.onHand)).toEqual([500, 0, 0]);
    expect(x.pending).toEqual([
      { pair: 2, qty: 60, eta: x.pending[0].eta, mode: "AIR", at: rr.historyDays + 3 },
    ]);
    expect(y.pending).toEqual(x.pending);
    stepWeek(rr, x);
    expect(x.trace.received[2][rr.historyDays + 3]).toBe(60);
  });

  test("the seller sees orders still in production as orders, and stream items that sold out as sold out", () => {
    const rr = realise(WORLD, 2, 0, WORLD.weeks);
    const views: SellerView[] = [];
    const recorder: Policy = {
      name: "naive",
      decide(view) {
        views.push(view);
        const lane = view.world.lanes[0];
        // Ordered on Sunday with 3 production days: still in production next Monday.
        return views.length === 1
          ? [
              {
                pair: 0,
                qty: 40,
                lane,
                shipDay: addDays(view.today, 6),
                finishedGoods: false,
                emergency: false,
              },
            ]
          : [];
      },
    };
    const run = startRun(rr, recorder);
    for (let w = 0; w < WORLD.weeks; w++) stepWeek(rr, run);
    const sunday = addDays(views[0].today, 6);
    const open = views[1].inTransit.filter((s) => s.order);
    expect(open).toEqual([
      expect.objectContaining({
        pair: 0,
        qty: 40,
        order: { orderDate: sunday, expectedShip: addDays(sunday, 3) },
      }),
    ]);
    // The bulk pipeline the run starts with has left the supplier: in transit, no order.
    expect(views[1].inTransit.length).toBeGreaterThan(open.length);
    // Nothing else is shipped: stock runs out, and streams that find none sell out — and only those.
    const last = views[views.length - 1];
    let soldOut = 0;
    for (const st of last.streams.filter((x) => x.date >= views[0].today && x.result))
      for (const sku of st.featured) {
        const i = rr.pairIndex.get(simPairKey(sku, st.warehouse)) as number;
        const d = st.date - rr.historyStart;
        const out = run.trace.lost[i][d] > 1e-9 && run.trace.stock[i][d] <= 1e-9;
        expect(st.result?.soldOut?.has(sku) ?? false).toBe(out);
        if (out) soldOut++;
      }
    expect(soldOut).toBeGreaterThan(0);
  });
});

describe("a transfer lane in the closed loop", () => {
  // US-West holds 900 and sells 70 a week; US-East holds 10, its sea takes 40 days, and a 30,000-viewer
  // stream is announced there for day 18. Only a 3-day transfer from US-West reaches it.
  const world = (transfer: boolean): World =>
    parseWorld({
      ...TINY_WORLD,
      warehouses: [
        { warehouse: "US-West", country: "US" },
        { warehouse: "US-East", country: "US" },
      ],
      skus: [{ ...TINY_WORLD.skus[0], casePack: 1, price: 25, weekly: { "US-West": 70, "US-East": 10 } }],
      lanes: [
        TINY_WORLD.lanes[0],
        TINY_WORLD.lanes[1],
        { to: "US-East", mode: "SEA", leadDays: 40, spreadDays: 1, costPerKg: 1 },
        ...(transfer
          ? [
              {
                from: "US-West",
                to: "US-East",
                mode: "TRANSFER",
                leadDays: 3,
                spreadDays: 0.5,
                costPerKg: 0.5,
              },
            ]
          : []),
      ],
      settings: { emergency_budget: 5000 },
      stock: [
        { sku: "A", warehouse: "US-West", onHand: 900 },
        { sku: "A", warehouse: "US-East", onHand: 10 },
      ],
      streams: {
        cadence: [
          { warehouse: "US-East", perWeek: 1, viewers: 6000, featured: [1, 1] },
          { warehouse: "US-West", perWeek: 1, viewers: 6000, featured: [1, 1] },
        ],
        scheduled: [
          {
            id: "EAST",
            date: "2026-09-25",
            warehouse: "US-East",
            viewers: 30000,
            featured: ["A"],
            announceDays: 30,
          },
        ],
      },
    }).world as World;

  const run = (w: World) => {
    const r = realise(w, 1, 0, w.weeks);
    const [x] = runAll(r, [livestockPolicy(w)]);
    const east = r.pairIndex.get(simPairKey("A", "US-East")) as number;
    const west = r.pairIndex.get(simPairKey("A", "US-West")) as number;
    const t = r.historyDays + 18;
    return { r, x, east, west, t, lost: x.trace.lost[east][t], demand: r.streamDemand[east][t] };
  };

  it("the plan sends the stream's units from the other warehouse, which leave it on their ship day", () => {
    const { r, x, east, west, t, lost, demand } = run(world(true));
    const transfers = x.trace.shipments.filter((s) => s.mode === "TRANSFER");
    expect(transfers.length).toBeGreaterThan(0);
    expect(transfers.every((s) => s.pair === east)).toBe(true);
    for (const s of transfers)
      expect(x.trace.transferredOut[west][s.shipDay - r.historyStart]).toBeGreaterThanOrEqual(s.qty);
    expect(x.trace.transferredOut[west].reduce((a, b) => a + b, 0)).toBe(
      transfers.reduce((a, s) => a + s.qty, 0),
    );
    expect(demand).toBeGreaterThan(50);
    expect(lost).toBe(0);
    const stock = (i: number) => x.trace.stock[i][t - 1];
    expect(stock(west)).toBeGreaterThan(0);
  });

  it("without the transfer lane the same stream sells out", () => {
    const { lost, demand } = run(world(false));
    expect(lost).toBeGreaterThan(demand / 2);
  });
});

describe("re-planning within the week", () => {
  /** A policy that records each view and, on each call, asks for 10 units of pair 0 two and five days on. */
  function recorder(replans: boolean) {
    const views: SellerView[] = [];
    const policy: Policy = {
      name: "naive",
      replans,
      decide(view) {
        views.push(view);
        const lane = view.world.lanes[0];
        return [2, 5].map((ahead) => ({
          pair: 0,
          qty: 10,
          lane,
          shipDay: addDays(view.today, ahead),
          finishedGoods: false,
          emergency: false,
        }));
      },
    };
    return { views, policy };
  }

  test("replanDaysOf and planningDays: days 1–6 after Monday, once each, in order; only for a policy that re-plans", () => {
    expect(replanDaysOf([5, 3, 3, 0, 7, 2.5, -1])).toEqual([3, 5]);
    expect(planningDays(recorder(true).policy, [3])).toEqual([0, 3]);
    expect(planningDays(recorder(false).policy, [3])).toEqual([0]);
    expect(planningDays(recorder(true).policy, [])).toEqual([0]);
    expect(livestockPolicy(WORLD).replans).toBe(true);
    for (const p of fivePolicies(realise(WORLD, 1, 0, 1)).slice(1)) expect(p.replans ?? false).toBe(false);
  });

  /** One week with Thursday as a re-plan day: each view's (today, until) and each shipment's day, days from Monday. */
  function oneWeek(replans: boolean) {
    const rr = realise(WORLD, 1, 0, 2);
    const { views, policy } = recorder(replans);
    const run = startRun(rr, policy);
    const before = run.trace.shipments.length;
    stepWeek(rr, run, {}, [3]);
    const monday = addDays(rr.historyStart, rr.historyDays);
    return {
      rr,
      run,
      views,
      asked: views.map((v) => [v.today - monday, v.until - monday]),
      sent: run.trace.shipments.slice(before).map((x) => x.shipDay - monday),
    };
  }

  test("a policy that re-plans decides on Monday and Thursday; each decision ships only what is due before the next", () => {
    const { rr, run, views, asked, sent } = oneWeek(true);
    expect(asked).toEqual([
      [0, 3],
      [3, 7],
    ]);
    // Thursday's view has Monday–Wednesday's sales and Wednesday's shipment under way.
    expect(views[1].t).toBe(rr.historyDays + 3);
    expect(views[1].inTransit.some((x) => x.pair === 0 && x.qty === 10)).toBe(true);
    // Monday's day-2 shipment and Thursday's day-5 one; Monday's day-5 and Thursday's day-8 wait for the next plan.
    expect(sent).toEqual([2, 5]);
    expect(run.trace.weeks).toBe(1);
  });

  test("a policy that does not re-plan decides once a week and ships what is due within it", () => {
    const { asked, sent } = oneWeek(false);
    expect(asked).toEqual([[0, 7]]);
    expect(sent).toEqual([2, 5]);
  });

  test("each day is served once: the same demand as a weekly run, and stock conserved every day", () => {
    const rr = realise(WORLD, 4, 0, WORLD.weeks);
    const weekly = startRun(rr, livestockPolicy(rr.world));
    const twice = startRun(rr, livestockPolicy(rr.world));
    for (let w = 0; w < WORLD.weeks; w++) {
      stepWeek(rr, weekly);
      stepWeek(rr, twice, {}, [3]);
    }
    const demand = (x: PolicyRun) => {
      let d = 0;
      for (const p of rr.pairs)
        for (let t = rr.historyDays; t < rr.historyDays + 7 * WORLD.weeks; t++)
          d += x.trace.sold[p.index][t] + x.trace.lost[p.index][t];
      return d;
    };
    expect(demand(twice)).toBeCloseTo(demand(weekly), 6);
    for (const p of rr.pairs) {
      const tr = twice.trace;
      let stock = tr.initialStock[p.index];
      for (let t = rr.historyDays; t < rr.historyDays + 7 * WORLD.weeks; t++) {
        stock += tr.received[p.index][t] - tr.sold[p.index][t] - tr.transferredOut[p.index][t];
        expect(tr.stock[p.index][t]).toBeCloseTo(stock, 6);
      }
    }
  });
});

describe("saying on which days the plan also ran", () => {
  test("replannedText: the days in the language, with its separator; nothing without them", () => {
    expect(replannedText([3], "en")).toBe("The LiveStock plan also ran every Thu.");
    expect(replannedText([1, 3], "en")).toBe("The LiveStock plan also ran every Tue, Thu.");
    expect(replannedText([1, 3], "zh-CN")).toBe("LiveStock 计划另在每周二、周四运行。");
    expect(replannedText([], "en")).toBe("");
  });

  test("a simulation's result keeps its re-plan days as used, and its about line says them", () => {
    const result = simulate(WORLD, { weeks: 1, policies: ["livestock"], replanDays: [5, 3, 9] });
    expect(result.replanDays).toEqual([3, 5]);
    expect(simulationAbout(result, "en")).toMatch(/ The LiveStock plan also ran every Thu, Sat\.$/);
    expect(simulationAbout(simulate(WORLD, { weeks: 1, policies: ["naive"] }), "en")).not.toMatch(/also ran/);
  });
});
