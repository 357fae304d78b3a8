import { SAMPLE_OPTIONS, type SellerOptions } from "../src/sample/generate";

/**
 * The benchmarks' large seller: 5,000 SKUs × 4 warehouses, 2 years of weekly
 * sales (zero weeks omitted), 500 streams. `skus` overrides the SKU count.
 */
export const benchSeller = (skus = 5000): SellerOptions => ({
  ...SAMPLE_OPTIONS,
  seed: 5000,
  skus,
  warehouses: 4,
  historyWeeks: 104,
  granularity: "weekly",
  tailDailyUnits: 0.3,
  pastStreams: 416,
  plannedStreams: 80,
});
