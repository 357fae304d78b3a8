import type { PlanSummary, PolicyResult } from "../../src/core/plan";
import type { Day } from "../../src/core/time/day";
import { resultsView } from "../../src/taskpane/results";

const policy = (more: Partial<PolicyResult>): PolicyResult => ({
  fillRateStreamDays: 0.8,
  fillRateOtherDays: 0.95,
  fillRate: 0.93,
  stockoutDays: 4,
  avgWeeksOfCover: 5.5,
  avgStockValue: 1000,
  freightCost: 0,
  freightByMode: {},
  unitsShipped: 100,
  ...more,
});

const summary = (backtest: PlanSummary["backtest"]): PlanSummary => ({
  planDate: 0 as Day,
  skusToRestockNow: 0,
  skusToRestock: 0,
  costByMode: {},
  unitsByMode: {},
  streamsPlanned: 0,
  streamsAtRisk: 0,
  emergencySpent: 0,
  unplannable: 0,
  backtest,
  streamModelAccuracy: null,
});

describe("the Results panel's backtest", () => {
  it("shows both policies' fill, stream-day fill, freight by mode in the usual order, and cover", () => {
    const view = resultsView(
      summary({
        weeks: 26,
        planner: policy({ freightCost: 300, freightByMode: { AIR: 200, SEA: 100, EXPRESS: 0 } }),
        naive: policy({
          fillRate: 0.87,
          fillRateStreamDays: 0.74,
          freightCost: 90,
          freightByMode: { SEA: 90 },
        }),
      }),
      [],
    );
    expect(view.backtest).toEqual({
      plan: {
        fill: 0.93,
        fillStreamDays: 0.8,
        freightByMode: [
          { mode: "SEA", cost: 100 },
          { mode: "AIR", cost: 200 },
        ],
        freight: 300,
        cover: 5.5,
      },
      naive: {
        fill: 0.87,
        fillStreamDays: 0.74,
        freightByMode: [{ mode: "SEA", cost: 90 }],
        freight: 90,
        cover: 5.5,
      },
    });
  });

  it("is absent without a backtest", () => {
    expect(resultsView(summary(null), []).backtest).toBeNull();
  });
});
