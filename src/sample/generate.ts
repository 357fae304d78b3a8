import type { CellValue, RawTable } from "../core/data/table";
import { addDays, dayFromIso, dayToDate, weekStart, weekday, type Day } from "../core/time/day";
import { Random } from "./random";

/**
 * The sample seller: a cross-border brand shipping from China to overseas
 * warehouses and selling through weekly live streams. Pure and deterministic
 * (no clock, no I/O): the CLI's bundled workbook, the task pane's browser
 * preview, the tests and the benchmark all call it and get the same tables.
 *
 * What is in it: SKUs with Pareto sales (a few sell most), warehouses US-West,
 * US-East, Germany and Thailand, daily (or weekly) sales with a yearly season,
 * weekends and market events (Black Friday / Cyber Monday, Christmas in
 * Germany, 11.11 and 12.12 and Songkran in Thailand), weekly streams per
 * warehouse whose units follow viewers and dwell by a power law
 * (units ≈ k·viewers^1.3·dwell^0.8), planned streams in the coming weeks
 * (a 50k-viewer Black Friday stream among them), shipments in transit, sea /
 * air / express / transfer lanes and suppliers with MOQs and production days.
 */
export interface SellerOptions {
  readonly seed: number;
  readonly skus: number;
  /** How many of US-West, US-East, Germany, Thailand (in that order) — 1 to 4. */
  readonly warehouses: number;
  readonly historyWeeks: number;
  /** One Sales row per day (the sample) or per week (the benchmark's large seller). */
  readonly granularity: "daily" | "weekly";
  /** Past streams in the history; default one a week per warehouse. */
  readonly pastStreams?: number;
  /** Planned streams in the coming weeks; default 4 per warehouse plus event streams. */
  readonly plannedStreams?: number;
  /** Mean daily units of the slowest SKUs (the Pareto tail's floor); default 0.15. */
  readonly tailDailyUnits?: number;
  /** The first day after the history (a Monday): the plan date the data is made for. */
  readonly planDate: Day;
}

/** The bundled sample: 80 SKUs, 4 warehouses, 2 years of daily sales, planned for Monday 2026-11-16. */
export const SAMPLE_OPTIONS: SellerOptions = {
  seed: 20261116,
  skus: 80,
  warehouses: 4,
  historyWeeks: 104,
  granularity: "daily",
  planDate: dayFromIso("2026-11-16") as Day,
};

interface WarehouseDef {
  readonly code: string;
  /** Prefix of its stream ids. */
  readonly prefix: string;
  readonly country: string;
  readonly region: string;
  /** Share of the brand's sales. */
  readonly weight: number;
  readonly streamWeekday: number;
  readonly viewersMedian: number;
  readonly seaDays: number;
  readonly airDays: number;
}

const WAREHOUSES: readonly WarehouseDef[] = [
  {
    code: "US-West",
    prefix: "USW",
    country: "US",
    region: "North America",
    weight: 0.34,
    streamWeekday: 2,
    viewersMedian: 7000,
    seaDays: 28,
    airDays: 8,
  },
  {
    code: "US-East",
    prefix: "USE",
    country: "US",
    region: "North America",
    weight: 0.26,
    streamWeekday: 3,
    viewersMedian: 5000,
    seaDays: 38,
    airDays: 9,
  },
  {
    code: "Germany",
    prefix: "DE",
    country: "DE",
    region: "Europe",
    weight: 0.22,
    streamWeekday: 5,
    viewersMedian: 3500,
    seaDays: 36,
    airDays: 9,
  },
  {
    code: "Thailand",
    prefix: "TH",
    country: "TH",
    region: "South-East Asia",
    weight: 0.18,
    streamWeekday: 4,
    viewersMedian: 9000,
    seaDays: 12,
    airDays: 4,
  },
];

const SUPPLIERS = [
  { name: "Shenzhen Apex Electronics", productionDays: 15 },
  { name: "Yiwu Brightway Home", productionDays: 10 },
  { name: "Guangzhou Lumi Beauty", productionDays: 20 },
  { name: "Ningbo Oceanic Kitchenware", productionDays: 18 },
  { name: "Dongguan Little Star Baby", productionDays: 25 },
  { name: "Hangzhou Silkroad Apparel", productionDays: 12 },
] as const;

const CATEGORIES: readonly {
  supplier: number;
  nouns: readonly string[];
  cost: [number, number];
  kg: [number, number];
}[] = [
  {
    supplier: 0,
    nouns: ["Wireless Earbuds", "Phone Stand", "LED Ring Light", "Power Bank 10000mAh", "Smart Watch Band"],
    cost: [3, 18],
    kg: [0.1, 0.4],
  },
  {
    supplier: 1,
    nouns: ["Storage Basket", "Scented Candle", "Throw Blanket", "Desk Organizer", "Night Lamp"],
    cost: [2, 12],
    kg: [0.3, 1.5],
  },
  {
    supplier: 2,
    nouns: ["Lip Tint", "Jade Roller", "Hair Clip Set", "Sheet Mask Pack", "Makeup Brush Set"],
    cost: [1, 8],
    kg: [0.05, 0.3],
  },
  {
    supplier: 3,
    nouns: ["Silicone Spatula Set", "Vacuum Flask", "Bento Box", "Knife Sharpener", "Air Fryer Liners"],
    cost: [2, 14],
    kg: [0.2, 1.2],
  },
  {
    supplier: 4,
    nouns: ["Baby Bottle 240ml", "Teether Toy", "Swaddle Wrap", "Bath Thermometer", "Stroller Hook"],
    cost: [2, 10],
    kg: [0.1, 0.6],
  },
  {
    supplier: 5,
    nouns: ["Silk Scarf", "Yoga Leggings", "Knit Beanie", "Sun Hat", "Cotton Socks 5-pack"],
    cost: [2, 15],
    kg: [0.1, 0.5],
  },
];
const COLOURS = ["Black", "White", "Pink", "Sage", "Navy", "Sand", "Lilac", "Coral"];

interface SkuDef {
  readonly code: string;
  readonly category: number;
  /** Mean daily units across all warehouses before season and events. */
  readonly dailyRate: number;
  /** Share of this SKU's sales per warehouse (0 = not sold there). */
  readonly at: readonly number[];
}

const MS_PER_DAY = 86_400_000;

function monthDay(d: Day): { y: number; m: number; dd: number } {
  const date = dayToDate(d);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, dd: date.getUTCDate() };
}

/** Black Friday: the day after the fourth Thursday of November. */
function blackFriday(year: number): Day {
  const nov1 = Math.floor(Date.UTC(year, 10, 1) / MS_PER_DAY) as Day;
  const firstThursday = addDays(nov1, (3 - weekday(nov1) + 7) % 7);
  return addDays(firstThursday, 22);
}

/** Demand multiplier of a warehouse on a day: yearly season × weekend × market events × growth. */
function multiplier(wh: WarehouseDef, d: Day, start: Day): number {
  const { y, m, dd } = monthDay(d);
  const season = 1 + 0.25 * Math.cos(((m - 11.5) / 12) * 2 * Math.PI);
  const weekend = weekday(d) >= 5 ? 1.2 : 0.93;
  const growth = 1 + (0.25 * (d - start)) / 365;
  let event = 1;
  if (wh.country === "US") {
    const bf = blackFriday(y);
    if (d >= bf - 1 && d <= bf + 3) event = 3.5;
    else if (m === 12 && dd >= 1 && dd <= 20) event = 1.5;
    else if (m === 7 && dd >= 8 && dd <= 11) event = 2;
  } else if (wh.country === "DE") {
    const bf = blackFriday(y);
    if (d >= bf && d <= bf + 3) event = 2.5;
    else if (m === 12 && dd <= 22) event = 1.3 + dd * 0.03;
  } else if (wh.country === "TH") {
    if ((m === 11 && dd === 11) || (m === 12 && dd === 12)) event = 5;
    else if (m === 4 && dd >= 13 && dd <= 15) event = 2.5;
    else if (m === 9 && dd === 9) event = 3;
  }
  return season * weekend * growth * event;
}

function table(name: string, headers: readonly string[], rows: CellValue[][]): RawTable {
  return { name, sheet: name, headers, rows, firstRow: 2, firstColumn: 1 };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Expected units of one featured SKU in a stream: the power law the planner should rediscover. */
function streamUnits(viewers: number, dwell: number, items: number): number {
  return (0.00129 * viewers ** 1.3 * dwell ** 0.8) / items;
}

/**
 * The sample seller's input tables, with the contract's English headers.
 *
 * @example generateSeller(SAMPLE_OPTIONS).map((t) => t.name) // ["SKUs", "Warehouses", "Stock", …]
 */
export function generateSeller(options: SellerOptions = SAMPLE_OPTIONS): RawTable[] {
  const rnd = new Random(options.seed);
  // A draw of its own, so that adding the column left every other number of the sample as it was.
  const plannedWith = new Random(options.seed + 1);
  const whs = WAREHOUSES.slice(0, Math.max(1, Math.min(4, options.warehouses)));
  const planDate = weekStart(options.planDate);
  const start = addDays(planDate, -7 * options.historyWeeks);
  const digits = Math.max(4, String(options.skus).length + 1);

  const skus: SkuDef[] = [];
  const skuRows: CellValue[][] = [];
  for (let i = 0; i < options.skus; i++) {
    const category = i % CATEGORIES.length;
    const cat = CATEGORIES[category];
    const code = (i % 5 === 0 ? "00" : "LS-") + String(1001 + i).padStart(digits, "0");
    const dailyRate = 60 / (i + 1) ** 1.05 + (options.tailDailyUnits ?? 0.15);
    const at = whs.map((wh, w) => (w === 0 || rnd.next() < 0.8 ? wh.weight * rnd.between(0.6, 1.4) : 0));
    const total = at.reduce((a, b) => a + b, 0);
    skus.push({ code, category, dailyRate, at: at.map((x) => x / total) });
    const unitCost = round2(rnd.between(cat.cost[0], cat.cost[1]));
    const supplier = SUPPLIERS[cat.supplier];
    const moq = i < options.skus * 0.15 ? 300 : i < options.skus * 0.4 ? 150 : 50;
    skuRows.push([
      code,
      `${rnd.pick(COLOURS)} ${rnd.pick(cat.nouns)}`,
      unitCost,
      round2(unitCost * rnd.between(2.6, 4)),
      supplier.name,
      moq,
      rnd.pick([6, 12, 24, 48]),
      round2(rnd.between(cat.kg[0], cat.kg[1])),
      supplier.productionDays + rnd.int(-3, 5),
      i === Math.floor(options.skus * 0.5) ? "A" : null,
    ]);
  }

  const weekly = options.granularity === "weekly";
  const salesRows: CellValue[][] = [];
  const historyDays = 7 * options.historyWeeks;
  const mult = whs.map((wh) =>
    Array.from({ length: historyDays }, (_, k) => multiplier(wh, addDays(start, k), start)),
  );
  const periods = weekly ? options.historyWeeks : historyDays;
  const periodMult = whs.map((_, w) =>
    Array.from({ length: periods }, (_, p) => {
      if (!weekly) return mult[w][p];
      let sum = 0;
      for (let k = 0; k < 7; k++) sum += mult[w][7 * p + k];
      return sum;
    }),
  );
  const periodDates = Array.from({ length: periods }, (_, p) =>
    dayToDate(addDays(start, weekly ? 7 * p : p)),
  );
  const recentDaily = skus.map(() => whs.map(() => 0));
  for (let s = 0; s < skus.length; s++) {
    const sku = skus[s];
    for (let w = 0; w < whs.length; w++) {
      const base = sku.dailyRate * sku.at[w];
      if (base === 0) continue;
      const pm = periodMult[w];
      for (let p = 0; p < periods; p++) {
        const lambda = base * pm[p];
        const n = rnd.poisson(lambda);
        if (p >= periods - (weekly ? 8 : 56)) recentDaily[s][w] += lambda / 56;
        if (n > 0)
          salesRows.push([periodDates[p], sku.code, whs[w].code, n, round2(n * Number(skuRows[s][3])), null]);
      }
    }
  }

  const topAt = whs.map((_, w) =>
    skus
      .map((s, i) => ({ i, share: s.dailyRate * s.at[w] }))
      .filter((x) => x.share > 0)
      .sort((a, b) => b.share - a.share)
      .slice(0, Math.max(6, Math.ceil(skus.length * 0.3)))
      .map((x) => x.i),
  );

  const streamRows: CellValue[][] = [];
  const itemRows: CellValue[][] = [];
  const pastPerWh = Math.ceil((options.pastStreams ?? options.historyWeeks * whs.length) / whs.length);
  const firstStreamWeek = Math.max(0, options.historyWeeks - pastPerWh);
  let streamNo = 0;
  // Expected units of the planned streams per SKU × warehouse: a well-run seller has built stock for them.
  const plannedUnits = skus.map(() => whs.map(() => 0));
  const addStream = (
    w: number,
    date: Day,
    viewers: number,
    dwell: number,
    planned: boolean,
    featured: number[],
  ): void => {
    const wh = whs[w];
    const id = `${wh.prefix}-${String(++streamNo).padStart(4, "0")}`;
    const ctr = round2(rnd.between(0.04, 0.14));
    const dwellMin = Math.round(dwell * 10) / 10;
    const peak = Math.round(viewers);
    // A past stream keeps the audience it was planned with: real audiences land within ±30 % or so.
    const expected = planned ? null : Math.round(peak * Math.exp(0.3 * plannedWith.normal()));
    streamRows.push([
      id,
      dayToDate(date),
      wh.code,
      peak,
      dwellMin,
      expected,
      rnd.pick([2, 2.5, 3, 4]),
      ctr,
      planned ? null : round2(Math.min(0.12, 0.01 + 0.000007 * peak * (dwellMin / 3))),
      round2(rnd.between(18, 45)),
      round2(rnd.between(1.1, 1.6)),
    ]);
    for (const i of featured) {
      if (planned) {
        plannedUnits[i][w] += streamUnits(peak, dwellMin, featured.length);
        itemRows.push([id, skus[i].code, null, null]);
        continue;
      }
      const demand = Math.round(rnd.logNormal(streamUnits(peak, dwellMin, featured.length), 0.25));
      // Now and then an item sells out: the units sold are what stock allowed, marked so.
      const soldOut = soldOutStreams.has(streamNo) && i === featured[0];
      const n = soldOut ? Math.round(demand * 0.55) : demand;
      itemRows.push([id, skus[i].code, n, soldOut ? "TRUE" : null]);
      if (n > 0) {
        const when = weekly ? weekStart(date) : date;
        salesRows.push([dayToDate(when), skus[i].code, wh.code, n, round2(n * Number(skuRows[i][3])), id]);
      }
    }
  };
  const pastCount = (options.historyWeeks - firstStreamWeek) * whs.length;
  const soldOutStreams = new Set([pastCount - 3 * whs.length, pastCount - 6 * whs.length + 1]);
  const { y } = monthDay(planDate);
  // Last year's event streams: the seller has streamed at this size before.
  const events = [
    { w: 0, date: blackFriday(y - 1), viewers: 36_000, dwell: 4.2, items: 5 },
    {
      w: 3,
      date: Math.floor(Date.UTC(y - 1, 11, 12) / MS_PER_DAY) as Day,
      viewers: 30_000,
      dwell: 3,
      items: 5,
    },
  ].filter((e) => e.w < whs.length && e.date >= addDays(start, 7 * firstStreamWeek));
  for (let week = firstStreamWeek; week < options.historyWeeks; week++) {
    for (let w = 0; w < whs.length; w++) {
      const wh = whs[w];
      const date = addDays(start, 7 * week + wh.streamWeekday);
      const m = multiplier(wh, date, start);
      addStream(
        w,
        date,
        rnd.logNormal(wh.viewersMedian * Math.sqrt(m), 0.35),
        rnd.between(1.5, 5),
        false,
        rnd.sample(topAt[w], rnd.int(3, 6)),
      );
    }
    for (const e of events)
      if (weekStart(e.date) === addDays(start, 7 * week))
        addStream(e.w, e.date, e.viewers, e.dwell, false, topAt[e.w].slice(0, e.items));
  }

  const plannedDefault = whs.length * 4;
  const planned = options.plannedStreams ?? plannedDefault;
  for (let k = 0; k < planned; k++) {
    const w = k % whs.length;
    const wh = whs[w];
    const week = (2 * Math.floor(k / whs.length)) % 8;
    const date = addDays(planDate, 7 * week + wh.streamWeekday);
    addStream(
      w,
      date,
      wh.viewersMedian * rnd.between(0.9, 1.4),
      rnd.between(2.5, 4.5),
      true,
      rnd.sample(topAt[w], rnd.int(3, 6)),
    );
  }
  const bf = blackFriday(y);
  if (bf > planDate) {
    addStream(0, bf, 50_000, 4.5, true, topAt[0].slice(0, 5));
    if (whs.length > 1) addStream(1, addDays(bf, 3), 20_000, 3.5, true, topAt[1].slice(0, 4));
  }
  if (whs.length > 3) {
    const twelve = Math.floor(Date.UTC(y, 11, 12) / MS_PER_DAY) as Day;
    if (twelve > planDate) addStream(3, twelve, 40_000, 3, true, topAt[3].slice(0, 5));
    const advent = Math.floor(Date.UTC(y, 11, 5) / MS_PER_DAY) as Day;
    if (advent > planDate) addStream(2, advent, 15_000, 4, true, topAt[2].slice(0, 4));
  }

  const stockRows: CellValue[][] = [];
  const transitRows: CellValue[][] = [];
  const orderRows: CellValue[][] = [];
  for (let s = 0; s < skus.length; s++) {
    const production = Number(skuRows[s][8]);
    for (let w = 0; w < whs.length; w++) {
      if (skus[s].at[w] === 0) continue;
      const weeklyDemand = recentDaily[s][w] * 7;
      const r = rnd.next();
      // A well-run seller: 4–7 weeks on hand, a sea shipment landing every two weeks of the sea
      // transit, an order in production, and stock built for the streams already planned. A few
      // pairs are nearly out (a supplier slipped), a few overstocked.
      const weeksOnHand = r < 0.03 ? rnd.between(0, 1) : r < 0.92 ? rnd.between(4, 7) : rnd.between(14, 30);
      const built = Math.round(plannedUnits[s][w] * 1.6);
      const onHand = s === 3 && w === 0 ? -4 : Math.round(weeklyDemand * weeksOnHand) + built;
      stockRows.push([
        skus[s].code,
        whs[w].code,
        onHand,
        Math.round(onHand > 0 ? onHand * rnd.between(0, 0.05) : 0),
      ]);
      if (r < 0.03 || weeklyDemand < 0.5) continue;
      const lot = Math.max(12, Math.round(weeklyDemand * 2 * rnd.between(1.15, 1.4)));
      for (let d = rnd.int(3, 12); d <= whs[w].seaDays; d += 14)
        transitRows.push([skus[s].code, whs[w].code, lot, dayToDate(addDays(planDate, d)), "SEA"]);
      // The order placed for the weeks after the last sea lot lands: still in production.
      const ordered = addDays(planDate, -rnd.int(1, Math.max(2, production - 1)));
      orderRows.push([
        skus[s].code,
        whs[w].code,
        lot,
        dayToDate(ordered),
        "SEA",
        rnd.next() < 0.5 ? dayToDate(addDays(ordered, production)) : null,
      ]);
    }
  }

  const laneRows: CellValue[][] = [];
  for (const wh of whs) {
    // Sea: a consolidated minimum of 20 kg; customs and delivery fees of 30 a shipment on either lane.
    laneRows.push(["CN", wh.code, "SEA", wh.seaDays, Math.round(wh.seaDays * 0.15), 1.2, null, 20, 30]);
    laneRows.push(["CN", wh.code, "AIR", wh.airDays, 2, wh.country === "TH" ? 3.5 : 6.5, null, null, 30]);
    laneRows.push([
      "CN",
      wh.code,
      "EXPRESS",
      Math.max(3, wh.airDays - 3),
      1,
      wh.country === "TH" ? 6 : 11,
      null,
      null,
      null,
    ]);
  }
  for (const a of whs) {
    for (const b of whs) {
      if (a !== b && a.country === b.country)
        laneRows.push([a.code, b.code, "TRANSFER", 5, 1, null, 0.9, null, null]);
    }
  }

  return [
    table(
      "SKUs",
      [
        "sku",
        "name",
        "unit_cost",
        "price",
        "supplier",
        "moq",
        "case_pack",
        "weight_kg",
        "production_days",
        "class",
      ],
      skuRows,
    ),
    table(
      "Warehouses",
      ["warehouse", "country", "region"],
      whs.map((w) => [w.code, w.country, w.region]),
    ),
    table("Stock", ["sku", "warehouse", "on_hand", "reserved"], stockRows),
    table("InTransit", ["sku", "warehouse", "qty", "eta", "mode"], transitRows),
    table("Orders", ["sku", "warehouse", "qty", "order_date", "mode", "expected_ship"], orderRows),
    table("Sales", ["date", "sku", "warehouse", "units", "revenue", "stream_id"], salesRows),
    table(
      "Streams",
      [
        "stream_id",
        "date",
        "warehouse",
        "peak_viewers",
        "avg_dwell_min",
        "expected_viewers",
        "hours",
        "ctr",
        "conversion",
        "aov",
        "attach_rate",
      ],
      streamRows,
    ),
    table("StreamItems", ["stream_id", "sku", "units", "sold_out"], itemRows),
    table(
      "Lanes",
      [
        "from",
        "to",
        "mode",
        "lead_days",
        "lead_sd_days",
        "cost_per_kg",
        "cost_per_unit",
        "min_kg",
        "fixed_cost",
      ],
      laneRows,
    ),
    table(
      "Settings",
      ["key", "value"],
      [
        ["emergency_budget", 5000],
        ["emergency_spent", 1200],
        ["production_days", 15],
        ["receiving_days", 2],
        ["service_level_a", 0.98],
        ["backtest_weeks", 26],
      ],
    ),
  ];
}
