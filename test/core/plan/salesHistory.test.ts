import { float64Views, pairKey, PairMap, salesHistory } from "../../../src/core/plan/salesHistory";
import { addDays } from "../../../src/core/time/day";
import type { SalesRow } from "../../../src/core/data/model";
import type { Units } from "../../../src/core/units";
import { D0, input, item, sku, stream, wh } from "./fixtures";

describe("salesHistory", () => {
  it("hand case: units per week, stream units by stream id and by past stream day", () => {
    const rows: SalesRow[] = [
      { date: addDays(D0, -14), sku: "S1", warehouse: "W1", units: 3 as Units },
      { date: addDays(D0, -13), sku: "S1", warehouse: "W1", units: 4 as Units, streamId: "L1" },
      { date: addDays(D0, -3), sku: "S1", warehouse: "W1", units: 5 as Units },
      { date: addDays(D0, -3), sku: "S1", warehouse: "W2", units: 6 as Units },
      { date: D0, sku: "S1", warehouse: "W1", units: 99 as Units },
    ];
    const h = salesHistory(
      input({
        skus: [sku("S1")],
        warehouses: [wh("W1"), wh("W2")],
        sales: rows,
        streams: [stream("L2", "W1", addDays(D0, -3))],
        streamItems: [item("L2", "S1")],
      }),
      D0,
    );
    expect([h.firstWeek, h.weeks]).toEqual([addDays(D0, -14), 2]);
    const w1 = h.pairs.get(pairKey("S1", "W1"));
    expect([...(w1?.units ?? [])]).toEqual([7, 5]);
    expect([...(w1?.streamUnits ?? [])]).toEqual([4, 5]);
    const w2 = h.pairs.get(pairKey("S1", "W2"));
    expect([...(w2?.units ?? [])]).toEqual([0, 6]);
    expect([...(w2?.streamUnits ?? [])]).toEqual([0, 0]);
  });

  it("a stream that Sales rows name: only those rows are stream sales, not the rest of its day", () => {
    const day = addDays(D0, -3);
    const h = salesHistory(
      input({
        skus: [sku("S1")],
        warehouses: [wh("W1")],
        sales: [
          { date: day, sku: "S1", warehouse: "W1", units: 8 as Units, streamId: "L3" },
          { date: day, sku: "S1", warehouse: "W1", units: 5 as Units },
        ],
        streams: [stream("L3", "W1", day)],
        streamItems: [item("L3", "S1")],
      }),
      D0,
    );
    const w1 = h.pairs.get(pairKey("S1", "W1"));
    expect([...(w1?.units ?? [])]).toEqual([13]);
    expect([...(w1?.streamUnits ?? [])]).toEqual([8]);
  });

  it("more pairs than one shared buffer holds (1,500): each pair keeps its own weeks", () => {
    const skus = Array.from({ length: 750 }, (_, i) => sku(`S${i}`));
    const sales: SalesRow[] = [];
    skus.forEach((s, i) => {
      for (const [w, units] of [
        ["W1", i + 1],
        ["W2", 10000 + i],
      ] as const)
        for (let week = 1; week <= 3; week++)
          sales.push({
            date: addDays(D0, -7 * week),
            sku: s.sku,
            warehouse: w,
            units: (units * week) as Units,
          });
    });
    const h = salesHistory(input({ skus, warehouses: [wh("W1"), wh("W2")], sales }), D0);
    expect(h.pairs.size).toBe(1500);
    skus.forEach((s, i) => {
      expect([...(h.pairs.get(pairKey(s.sku, "W1"))?.units ?? [])]).toEqual([
        3 * (i + 1),
        2 * (i + 1),
        i + 1,
      ]);
      expect([...(h.pairs.get(pairKey(s.sku, "W2"))?.units ?? [])]).toEqual([
        3 * (10000 + i),
        2 * (10000 + i),
        10000 + i,
      ]);
    });
  });
});

describe("float64Views", () => {
  it("zeroed views of the asked length that never overlap, across buffers", () => {
    const next = float64Views(3, 2);
    const views = Array.from({ length: 5 }, () => next());
    expect(views.every((v) => v.length === 3 && v.every((x) => x === 0))).toBe(true);
    views.forEach((v, i) => v.fill(i + 1));
    expect(views.map((v) => [...v])).toEqual([1, 2, 3, 4, 5].map((i) => [i, i, i]));
    expect(float64Views(0)().length).toBe(0);
  });
});

describe("PairMap", () => {
  it("the remembered last lookup never hides a set, a miss or another pair", () => {
    const m = new PairMap<number>();
    expect(m.get("S1", "W1")).toBeUndefined();
    m.set("S1", "W1", 1);
    expect(m.get("S1", "W1")).toBe(1);
    expect(m.get("S1", "W2")).toBeUndefined();
    m.set("S1", "W2", 2);
    m.set("S2", "W1", 3);
    expect([m.get("S1", "W2"), m.get("S1", "W1"), m.get("S2", "W1"), m.get("S2", "W2")]).toEqual([
      2,
      1,
      3,
      undefined,
    ]);
    m.set("S1", "W1", 4);
    m.get("S2", "W1");
    expect(m.get("S1", "W1")).toBe(4);
    // The key is the pair, not the joined text: no separator can make two pairs one.
    expect(m.get("S1W", "1")).toBeUndefined();
  });
});
