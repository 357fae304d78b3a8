import type { PlanInput, SalesRow, Stream, StreamItem } from "../../data/model";
import { runPlan, settingsFrom, type PlanSettings } from "../../plan";
import { addDays, dayToIso, type Day } from "../../time/day";
import type { Days, Money, Units } from "../../units";
import { statedProductionSpreadDays, statedSpreadDays } from "../leadTime";
import type { SellerView, Shipment } from "../sellerView";
import type { World, WorldLane } from "../world";
import type { Policy } from "./policy";

/**
 * The planner's settings in a simulation: the world's Settings rows and `planSettings` on top,
 * without the plan's own backtest (the simulation is the test, and the backtest is most of a
 * small plan's time).
 *
 * @example simulationPlanSettings(world).backtestWeeks // 0
 */
export function simulationPlanSettings(world: World): PlanSettings {
  const rows = new Map<string, string | number>([
    ["production_sd_days", statedProductionSpreadDays(world)],
    ...Object.entries(world.settings),
  ]);
  return settingsFrom(rows, { ...world.planSettings, backtestWeeks: 0 }).settings;
}

/**
 * The LiveStock policy: each day the seller plans (Mondays, and the days it re-plans: `replans`),
 * the real `runPlan` on a `PlanInput` holding what the seller
 * knows (SKUs, warehouses, lanes with their stated lead days and spread, stock, shipments under way
 * with their ETAs, purchase orders still in production as Orders with their stated ship day, every day's sales with stream sales marked, past streams with their real
 * audience (and the audience they were announced with) and units sold, announced streams with expected viewers), then every plan line whose
 * ship-by date falls before the seller plans next (`SellerView.until`; or before today: late lines ship now). A tier 3 line is ordered as the
 * plan assumes (`plan/emergency.ts`): from the supplier it waits for production like any order (the
 * workbook holds no finished goods in China), a transfer leaves at once; its freight counts as
 * emergency spend and as `emergency_spent` of its ship month (the budget is per month).
 *
 * @example livestockPolicy(world).decide(view) // this week's lines of the plan, as shipments
 */
export function livestockPolicy(world: World): Policy {
  const settings = simulationPlanSettings(world);
  const sales: SalesRow[] = [];
  let salesUntil = 0;
  const skus = world.skus.map((s) => ({
    sku: s.sku,
    unitCost: s.unitCost as Money,
    price: s.price as Money,
    weightKg: s.weightKg,
    moq: s.moq as Units,
    casePack: s.casePack as Units,
    productionDays: s.productionDays as Days,
    supplier: "supplier",
  }));
  const lanes = world.lanes.map((l) => ({
    from: l.from,
    to: l.to,
    mode: l.mode,
    leadDays: l.leadDays as Days,
    leadSdDays: statedSpreadDays(l) as Days,
    ...(l.costPerKg !== undefined ? { costPerKg: l.costPerKg as Money } : {}),
    ...(l.costPerUnit !== undefined ? { costPerUnit: l.costPerUnit as Money } : {}),
    ...(l.minUnits !== undefined ? { minUnits: l.minUnits as Units } : {}),
    ...(l.minKg !== undefined ? { minKg: l.minKg } : {}),
    ...(l.fixedCost !== undefined ? { fixedCost: l.fixedCost as Money } : {}),
  }));
  const laneOf = (from: string | null, to: string, mode: string): WorldLane | undefined =>
    world.lanes.find((l) => l.to === to && l.mode === mode && (from === null || l.from === from)) ??
    world.lanes.find((l) => l.to === to && l.mode === mode);

  // The emergency budget is per calendar month: what this policy's tier 3 lines spent in it.
  const spentIn = new Map<string, number>();
  const monthOf = (d: Day): string => dayToIso(d).slice(0, 7);
  return {
    name: "livestock",
    replans: true,
    decide(view: SellerView, hooks) {
      const streamOf = new Map<string, string>();
      for (const s of view.streams)
        if (s.result) for (const sku of s.featured) streamOf.set(`${sku}@${s.warehouse}@${s.date}`, s.id);
      for (let t = salesUntil; t < view.t; t++) {
        const date = addDays(view.historyStart, t);
        for (const p of view.pairs) {
          const total = view.sold[p.index][t];
          if (total <= 0) continue;
          const inStreams = view.soldInStreams[p.index][t];
          const base = { date, sku: p.sku.sku, warehouse: p.warehouse };
          if (total - inStreams > 0) sales.push({ ...base, units: (total - inStreams) as Units });
          const streamId = streamOf.get(`${p.sku.sku}@${p.warehouse}@${date}`);
          if (inStreams > 0)
            sales.push({
              ...base,
              units: inStreams as Units,
              ...(streamId !== undefined ? { streamId } : {}),
            });
        }
      }
      salesUntil = view.t;
      const streams: Stream[] = [];
      const streamItems: StreamItem[] = [];
      for (const s of view.streams) {
        streams.push({
          streamId: s.id,
          date: s.date,
          warehouse: s.warehouse,
          peakViewers: s.result?.viewers ?? s.expectedViewers,
          avgDwellMin: s.result?.dwellMinutes ?? s.dwellMinutes,
          // A past stream keeps the figure it was announced with, as a seller's Streams table would.
          ...(s.result ? { expectedViewers: s.expectedViewers } : {}),
          hours: s.hours,
        });
        for (const sku of s.featured)
          streamItems.push(
            s.result
              ? {
                  streamId: s.id,
                  sku,
                  units: (s.result.sold.get(sku) ?? 0) as Units,
                  ...(s.result.soldOut?.has(sku) ? { soldOut: true } : {}),
                }
              : { streamId: s.id, sku },
          );
      }
      const input: PlanInput = {
        skus,
        warehouses: world.warehouses,
        stock: view.pairs.map((p) => ({
          sku: p.sku.sku,
          warehouse: p.warehouse,
          onHand: view.onHand[p.index] as Units,
        })),
        inTransit: view.inTransit
          .filter((s) => !s.order)
          .map((s) => ({
            sku: view.pairs[s.pair].sku.sku,
            warehouse: view.pairs[s.pair].warehouse,
            qty: s.qty as Units,
            // InTransit's ETA is the arrival at the warehouse; the plan adds the receiving days itself.
            eta: addDays(s.eta, -world.receivingDays),
            mode: s.mode,
          })),
        orders: view.inTransit.flatMap((s) =>
          s.order
            ? [
                {
                  sku: view.pairs[s.pair].sku.sku,
                  warehouse: view.pairs[s.pair].warehouse,
                  qty: s.qty as Units,
                  orderDate: s.order.orderDate,
                  expectedShip: s.order.expectedShip,
                  mode: s.mode,
                },
              ]
            : [],
        ),
        sales,
        streams,
        streamItems,
        lanes,
        settings: new Map(Object.entries(world.settings)),
      };
      const emergencySpent = spentIn.get(monthOf(view.today)) ?? 0;
      const plan = runPlan(input, view.today, { ...settings, emergencySpent }, hooks);
      const pairOf = new Map(view.pairs.map((p) => [`${p.sku.sku}@${p.warehouse}`, p.index]));
      const out: Shipment[] = [];
      for (const l of plan.lines) {
        if (l.restockQty <= 0 || l.mode === null || l.shipBy === null || l.shipBy >= view.until) continue;
        const pair = pairOf.get(`${l.sku}@${l.warehouse}`);
        const lane = laneOf(l.mode === "TRANSFER" ? l.from : (l.from ?? null), l.warehouse, l.mode);
        if (pair === undefined || !lane) continue;
        const shipDay = l.shipBy < view.today ? view.today : l.shipBy;
        if (l.tier === "tier3")
          spentIn.set(monthOf(shipDay), (spentIn.get(monthOf(shipDay)) ?? 0) + (l.cost ?? 0));
        out.push({
          pair,
          qty: l.restockQty,
          lane,
          shipDay,
          finishedGoods: false,
          emergency: l.tier === "tier3",
          ...(l.tier ? { tier: l.tier } : {}),
        });
      }
      return out;
    },
  };
}
