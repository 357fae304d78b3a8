import type { OrderRow } from "../../../src/core/data/model";
import { runPlan } from "../../../src/core/plan";
import { lanesByWarehouse } from "../../../src/core/plan/lanes";
import { orderArrivals } from "../../../src/core/plan/openOrders";
import { addDays, type Day } from "../../../src/core/time/day";
import type { Days, Units } from "../../../src/core/units";
import { D0, SIMPLE, dailySales, input, lane, sku, stock, wh } from "./fixtures";

const base = input({
  skus: [sku("S1", { productionDays: 10 as Days })],
  warehouses: [wh("W1")],
  lanes: [lane("W1", "SEA", 28, 1), lane("W1", "AIR", 7, 5)],
  stock: [stock("S1", "W1", 600)],
  sales: dailySales("S1", "W1", 10),
});
const order = (qty: number, orderDate: Day, more: Partial<OrderRow> = {}): OrderRow => ({
  sku: "S1",
  warehouse: "W1",
  qty: qty as Units,
  orderDate,
  ...more,
});
const settings = { ...SIMPLE, receivingDays: 2 };
const skuOf = new Map(base.skus.map((s) => [s.sku, s]));
const lanes = lanesByWarehouse(base);

describe("open purchase orders (Orders 采购单)", () => {
  it("sellable at expected_ship + the lane's transit + receiving; blank = order date + production + transit", () => {
    const arrivals = orderArrivals(
      [order(100, D0, { mode: "AIR", expectedShip: addDays(D0, 4) }), order(200, addDays(D0, -3))],
      lanes,
      skuOf,
      settings,
      D0,
    );
    expect(arrivals).toEqual([
      { sku: "S1", warehouse: "W1", qty: 100, mode: "AIR", eta: addDays(D0, 4 + 7 + 2) },
      // No mode: the bulk lane (SEA); order 3 days ago + 10 production days ships on day 7.
      { sku: "S1", warehouse: "W1", qty: 200, mode: "SEA", eta: addDays(D0, 7 + 28 + 2) },
    ]);
  });

  it("an open order whose expected ship date has passed ships no earlier than the plan date", () => {
    const [a] = orderArrivals(
      [order(50, addDays(D0, -40), { expectedShip: addDays(D0, -5) })],
      lanes,
      skuOf,
      settings,
      D0,
    );
    expect(a.eta).toBe(addDays(D0, 28 + 2));
  });

  it("the plan counts an open order as supply and does not order it again", () => {
    const without = runPlan(base, D0, settings);
    const ordered = without.lines.filter((l) => l.restockQty > 0 && l.mode === "SEA");
    expect(ordered.length).toBeGreaterThan(0);
    // The plan's own first sea line, placed as an open order on the plan date, replaces it.
    const first = ordered[0];
    const withOrder = runPlan(
      { ...base, orders: [order(first.restockQty, D0, { mode: "SEA" })] },
      D0,
      settings,
    );
    const again = withOrder.lines.filter((l) => l.restockQty > 0 && l.mode === "SEA");
    const units = (ls: typeof ordered) => ls.reduce((a, l) => a + l.restockQty, 0);
    expect(units(again)).toBeLessThan(units(ordered));
    expect(again.some((l) => l.inTransit >= first.restockQty)).toBe(true);
  });
});
