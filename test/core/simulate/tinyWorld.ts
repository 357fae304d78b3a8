/** A small world for the simulator's tests: 2 SKUs × 2 warehouses, short lanes, 12 weeks of history. */
export const TINY_WORLD = Object.freeze({
  name: "tiny",
  start: "2026-09-07",
  weeks: 6,
  historyWeeks: 12,
  initialWeeks: 3,
  warehouses: [
    { warehouse: "US-West", country: "US" },
    { warehouse: "DE", country: "DE" },
  ],
  skus: [
    {
      sku: "A",
      unitCost: 5,
      price: 15,
      weightKg: 0.5,
      moq: 0,
      casePack: 6,
      productionDays: 3,
      weekly: { "US-West": 70, DE: 20 },
    },
    {
      sku: "B",
      unitCost: 8,
      price: 20,
      weightKg: 1,
      casePack: 1,
      productionDays: 3,
      weekly: { "US-West": 14 },
    },
  ],
  lanes: [
    {
      to: "US-West",
      mode: "SEA",
      leadDays: 14,
      spreadDays: 2,
      delayProbability: 0.2,
      delayDays: [5, 9],
      costPerKg: 1,
    },
    { to: "US-West", mode: "AIR", leadDays: 4, spreadDays: 1, costPerKg: 6 },
    { to: "DE", mode: "SEA", leadDays: 18, spreadDays: 2, costPerKg: 1 },
    { to: "DE", mode: "AIR", leadDays: 5, spreadDays: 1, costPerKg: 6 },
  ],
  streams: {
    cadence: [{ warehouse: "US-West", perWeek: 1, viewers: 6000, featured: [1, 2] }],
    scheduled: [
      {
        id: "BIG",
        date: "2026-10-09",
        warehouse: "US-West",
        viewers: 30000,
        featured: ["A"],
        announceDays: 30,
      },
    ],
  },
});
