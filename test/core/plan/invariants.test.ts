import fc from "fast-check";
import type { PlanInput, SalesRow } from "../../../src/core/data/model";
import { planSheets, runPlan } from "../../../src/core/plan";
import { addDays, type Day } from "../../../src/core/time/day";
import type { Units } from "../../../src/core/units";
import { D0, SIMPLE, input, item, lane, sku, stock, stream, wh } from "./fixtures";

/** A random small seller: 1–4 SKUs, 2 warehouses, weekly sales, stock, a stream, MOQs and case packs. */
const seller = fc
  .record({
    skus: fc.array(
      fc.record({
        rate: fc.integer({ min: 0, max: 200 }),
        noise: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 30, maxLength: 30 }),
        onHand: fc.integer({ min: -20, max: 2000 }),
        casePack: fc.integer({ min: 1, max: 48 }),
        moq: fc.integer({ min: 0, max: 600 }),
        inTransit: fc.integer({ min: 0, max: 500 }),
        eta: fc.integer({ min: -3, max: 60 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    seaDays: fc.integer({ min: 5, max: 60 }),
    airDays: fc.integer({ min: 1, max: 20 }),
    streamIn: fc.integer({ min: 0, max: 40 }),
    budget: fc.integer({ min: 0, max: 5000 }),
  })
  .map(({ skus, seaDays, airDays, streamIn, budget }): PlanInput => {
    const codes = skus.map((_, i) => `S${i}`);
    const sales: SalesRow[] = [];
    skus.forEach((s, i) =>
      s.noise.forEach((n, w) =>
        sales.push({
          date: addDays(D0, -7 * (30 - w)),
          sku: codes[i],
          warehouse: w % 2 ? "W1" : "W2",
          units: Math.max(0, s.rate + n - 50) as Units,
        }),
      ),
    );
    return input({
      skus: skus.map((s, i) => sku(codes[i], { casePack: s.casePack as Units, moq: s.moq as Units })),
      warehouses: [wh("W1"), wh("W2")],
      stock: skus.flatMap((s, i) => [stock(codes[i], "W1", s.onHand), stock(codes[i], "W2", s.onHand)]),
      inTransit: skus.map((s, i) => ({
        sku: codes[i],
        warehouse: "W1",
        qty: s.inTransit as Units,
        eta: addDays(D0, s.eta),
      })),
      sales,
      streams: [stream("P", "W1", addDays(D0, -20) as Day), stream("L", "W1", addDays(D0, streamIn) as Day)],
      streamItems: [item("P", "S0", 300), item("L", "S0")],
      lanes: [
        lane("W1", "SEA", seaDays, 1),
        lane("W1", "AIR", airDays, 5),
        lane("W1", "EXPRESS", 2, 9),
        lane("W2", "SEA", seaDays, 1),
        lane("W1", "TRANSFER", 3, 0.5, "W2"),
      ],
      settings: new Map([["emergency_budget", budget]]),
    });
  });

const settingsOf = (data: PlanInput) => ({
  ...SIMPLE,
  emergencyBudget: Number(data.settings.get("emergency_budget")),
  backtestWeeks: 4,
});

describe("plan invariants (fast-check)", () => {
  it("restock quantities are ≥ 0; supplier shipments are whole case packs; the budget is never exceeded", () => {
    fc.assert(
      fc.property(seller, (data) => {
        const plan = runPlan(data, D0, settingsOf(data));
        for (const l of plan.lines) {
          expect(l.restockQty).toBeGreaterThanOrEqual(0);
          const casePack = data.skus.find((s) => s.sku === l.sku)?.casePack ?? 1;
          if (l.restockQty > 0 && l.mode !== "TRANSFER") expect(l.restockQty % casePack).toBe(0);
        }
        expect(plan.summary.emergencySpent).toBeLessThanOrEqual(settingsOf(data).emergencyBudget + 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it("every regular air line names the day sea lands; none is raised to an MOQ", () => {
    fc.assert(
      fc.property(seller, (data) => {
        const plan = runPlan(data, D0, settingsOf(data));
        for (const l of plan.lines.filter((x) => x.mode === "AIR" && x.tier !== "tier3")) {
          const keys = l.reasons.map((r) => r.key);
          expect(keys).toContain("planReasonBridge");
          expect(keys).not.toContain("planReasonMoq");
        }
      }),
      { numRuns: 40 },
    );
  });

  it("no NaN or infinity anywhere in the sheets", () => {
    fc.assert(
      fc.property(seller, (data) => {
        for (const lang of ["en", "zh-CN"] as const)
          for (const sheet of planSheets(runPlan(data, D0, settingsOf(data)), lang))
            for (const row of sheet.rows) {
              expect(row).toHaveLength(sheet.columns.length);
              for (const cell of row) {
                if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
                if (typeof cell === "string") expect(cell).not.toMatch(/NaN|undefined|\{\w+\}/);
              }
            }
      }),
      { numRuns: 40 },
    );
  });

  it("is deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(seller, (data) => {
        const frozen = JSON.stringify([...data.settings], undefined) + JSON.stringify(data);
        const a = planSheets(runPlan(data, D0, settingsOf(data)), "en");
        const b = planSheets(runPlan(data, D0, settingsOf(data)), "en");
        expect(b).toEqual(a);
        expect(JSON.stringify([...data.settings], undefined) + JSON.stringify(data)).toBe(frozen);
      }),
      { numRuns: 25 },
    );
  });
});
