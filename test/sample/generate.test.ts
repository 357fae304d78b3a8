import { readPlanInput } from "../../src/core/data/validate";
import { dayFromIso, weekday } from "../../src/core/time/day";
import { generateSeller, SAMPLE_OPTIONS } from "../../src/sample/generate";

describe("the sample seller", () => {
  const tables = generateSeller(SAMPLE_OPTIONS);
  const read = readPlanInput(tables);

  it("is deterministic: the same seed gives the same tables", () => {
    expect(generateSeller(SAMPLE_OPTIONS)).toEqual(tables);
  });

  it("changes with the seed", () => {
    expect(generateSeller({ ...SAMPLE_OPTIONS, seed: 7 })).not.toEqual(tables);
  });

  it("is valid: zero problems", () => {
    expect(read.problems).toEqual([]);
  });

  it("has the contract's tables with English headers", () => {
    expect(tables.map((t) => t.name)).toEqual([
      "SKUs",
      "Warehouses",
      "Stock",
      "InTransit",
      "Orders",
      "Sales",
      "Streams",
      "StreamItems",
      "Lanes",
      "Settings",
    ]);
  });

  it("has ~80 SKUs, some with leading zeros, and the four warehouses", () => {
    expect(read.input.skus).toHaveLength(80);
    expect(read.input.skus.some((s) => /^00\d+$/.test(s.sku))).toBe(true);
    expect(read.input.warehouses.map((w) => [w.warehouse, w.country])).toEqual([
      ["US-West", "US"],
      ["US-East", "US"],
      ["Germany", "DE"],
      ["Thailand", "TH"],
    ]);
  });

  it("sells Pareto-style: the top 20% of SKUs sell more than half the units", () => {
    const bySku = new Map<string, number>();
    for (const s of read.input.sales) bySku.set(s.sku, (bySku.get(s.sku) ?? 0) + s.units);
    const sorted = [...bySku.values()].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top = sorted.slice(0, Math.ceil(sorted.length * 0.2)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.5);
  });

  it("covers two years of daily sales ending the day before the plan date", () => {
    const dates = read.input.sales.map((s) => s.date);
    const last = Math.max(...dates);
    const first = Math.min(...dates);
    expect(last).toBe(SAMPLE_OPTIONS.planDate - 1);
    expect(last - first).toBeGreaterThanOrEqual(7 * 104 - 7);
    expect(new Set(dates).size).toBeGreaterThan(700);
  });

  it("sells more on Black Friday in the US than on an ordinary Friday", () => {
    const usUnits = (iso: string) =>
      read.input.sales
        .filter((s) => s.warehouse.startsWith("US") && !s.streamId && s.date === dayFromIso(iso))
        .reduce((a, s) => a + s.units, 0);
    // Black Friday 2025 was 28 November; 14 November is an ordinary Friday.
    expect(usUnits("2025-11-28")).toBeGreaterThan(2 * usUnits("2025-11-14"));
  });

  it("has past streams with units and planned streams without, a 50k-viewer Black Friday stream among them", () => {
    const planned = read.input.streams.filter((s) => s.date >= SAMPLE_OPTIONS.planDate);
    const past = read.input.streams.filter((s) => s.date < SAMPLE_OPTIONS.planDate);
    expect(past.length).toBeGreaterThanOrEqual(400);
    expect(planned.length).toBeGreaterThanOrEqual(16);
    expect(planned.some((s) => s.peakViewers === 50_000 && weekday(s.date) === 4)).toBe(true);
    const plannedIds = new Set(planned.map((s) => s.streamId));
    const items = read.input.streamItems.filter((i) => plannedIds.has(i.streamId));
    expect(items.every((i) => i.units === undefined)).toBe(true);
  });

  it("is a plausible seller: Black Friday within 1.5 × its largest past stream, open orders, a sold-out item or two", () => {
    const past = read.input.streams.filter((s) => s.date < SAMPLE_OPTIONS.planDate);
    const largest = Math.max(...past.map((s) => s.peakViewers));
    expect(50_000).toBeLessThanOrEqual(1.5 * largest);
    const orders = read.input.orders ?? [];
    expect(orders.length).toBeGreaterThan(10);
    expect(orders.every((o) => o.orderDate < SAMPLE_OPTIONS.planDate)).toBe(true);
    const soldOut = read.input.streamItems.filter((i) => i.soldOut);
    expect(soldOut.length).toBeGreaterThanOrEqual(1);
    expect(soldOut.length).toBeLessThanOrEqual(3);
    expect(read.input.lanes.some((l) => l.minKg !== undefined && l.fixedCost !== undefined)).toBe(true);
    expect(read.input.settings.get("emergency_spent")).toBe(1200);
  });

  it("stream units grow with viewers (the power law the planner learns)", () => {
    const units = new Map<string, number>();
    for (const i of read.input.streamItems)
      if (i.units !== undefined) units.set(i.streamId, (units.get(i.streamId) ?? 0) + i.units);
    const past = read.input.streams
      .filter((s) => units.has(s.streamId))
      .sort((a, b) => a.peakViewers - b.peakViewers);
    const third = Math.floor(past.length / 3);
    const mean = (xs: typeof past) => xs.reduce((a, s) => a + (units.get(s.streamId) ?? 0), 0) / xs.length;
    expect(mean(past.slice(-third))).toBeGreaterThan(1.5 * mean(past.slice(0, third)));
  });

  it("has sea, air, express and transfer lanes and shipments in transit", () => {
    expect(new Set(read.input.lanes.map((l) => l.mode))).toEqual(
      new Set(["SEA", "AIR", "EXPRESS", "TRANSFER"]),
    );
    expect(read.input.inTransit.length).toBeGreaterThan(10);
    expect(read.input.inTransit.every((s) => s.eta >= SAMPLE_OPTIONS.planDate)).toBe(true);
  });

  it("scales for the benchmark: weekly rows, more SKUs", () => {
    const big = generateSeller({
      ...SAMPLE_OPTIONS,
      skus: 300,
      granularity: "weekly",
      historyWeeks: 20,
      plannedStreams: 8,
    });
    const bigRead = readPlanInput(big);
    expect(bigRead.problems).toEqual([]);
    expect(bigRead.input.skus).toHaveLength(300);
    expect(bigRead.input.sales.every((s) => weekday(s.date) === 0)).toBe(true);
  });
});
