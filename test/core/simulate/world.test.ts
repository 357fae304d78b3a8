import fc from "fast-check";
import { t } from "../../../src/core/i18n";
import { parseWorld } from "../../../src/core/simulate";
import { TINY_WORLD } from "./tinyWorld";

const fields = (json: unknown) => parseWorld(json).problems.map((p) => p.field);
const clone = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(TINY_WORLD)) as Record<string, unknown>;

describe("parseWorld", () => {
  test("the tiny world and the bundled worlds parse", () => {
    expect(parseWorld(TINY_WORLD).problems).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const world = parseWorld(require("../../../samples/world-default.json")).world;
    expect(world?.skus.length).toBe(40);
    expect(world?.warehouses.length).toBe(3);
    for (const name of ["long-sea", "few-streams", "transfers"])
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(parseWorld(require(`../../../samples/world-${name}.json`)).problems).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const transfers = parseWorld(require("../../../samples/world-transfers.json")).world;
    expect(transfers?.lanes.filter((l) => l.mode === "TRANSFER").map((l) => `${l.from}→${l.to}`)).toEqual([
      "US-West→US-East",
      "US-East→US-West",
    ]);
  });

  test("a lane's minimum and fixed cost are read, and a negative one is named", () => {
    const w = clone();
    (w.lanes as Record<string, unknown>[])[0] = {
      ...(w.lanes as Record<string, unknown>[])[0],
      minUnits: 100,
      minKg: 20,
      fixedCost: 30,
    };
    expect(parseWorld(w).world?.lanes[0]).toMatchObject({ minUnits: 100, minKg: 20, fixedCost: 30 });
    expect(parseWorld(TINY_WORLD).world?.lanes[0]).not.toHaveProperty("fixedCost");
    (w.lanes as Record<string, unknown>[])[0].fixedCost = -5;
    expect(fields(w)).toEqual(["lanes[0].fixedCost"]);
  });

  test("a missing field is named", () => {
    const w = clone();
    delete w.start;
    expect(fields(w)).toEqual(["start"]);
    const v = clone();
    delete (v.skus as Record<string, unknown>[])[1].unitCost;
    expect(fields(v)).toEqual(["skus[1].unitCost"]);
  });

  test("a wrong field is named, with its value, in English and Chinese", () => {
    const w = clone();
    (w.lanes as Record<string, unknown>[])[2].leadDays = "eighteen";
    (w.skus as Record<string, unknown>[])[0].weekly = { "US-West": 70, Mars: 3 };
    (w.lanes as Record<string, unknown>[])[1].mode = "BOAT";
    const problems = parseWorld(w).problems;
    expect(problems.map((p) => p.field)).toEqual([
      "skus[0].weekly.Mars",
      "lanes[1].mode",
      "lanes[2].leadDays",
    ]);
    const en = t("en", problems[2].key, problems[2].params);
    const zh = t("zh-CN", problems[2].key, problems[2].params);
    expect(en).toBe('World file: lanes[2].leadDays must be a number, not "eighteen".');
    expect(zh).toContain("lanes[2].leadDays");
    expect(zh).not.toBe(en);
  });

  test("a warehouse without a lane, an unknown featured SKU and a bad range are named", () => {
    const w = clone();
    w.lanes = (w.lanes as Record<string, unknown>[]).filter((l) => l.to !== "DE");
    const streams = w.streams as Record<string, Record<string, unknown>[]>;
    streams.scheduled[0].featured = ["A", "Z"];
    streams.cadence[0].featured = [3, 1];
    expect(fields(w)).toEqual(["lanes", "streams.cadence[0].featured", "streams.scheduled[0].featured[1]"]);
  });

  test("stock and shipments under way name their fields", () => {
    const w = {
      ...clone(),
      stock: [{ sku: "Q", warehouse: "US-West", onHand: -1 }],
      inTransit: [{ sku: "A", warehouse: "DE", qty: 5 }],
    };
    expect(fields(w)).toEqual(["stock[0].sku", "stock[0].onHand", "inTransit[0].eta"]);
  });

  test("nothing crashes: any JSON gives a world or problems naming fields", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = parseWorld(json);
        expect(r.world !== undefined || r.problems.length > 0).toBe(true);
        for (const p of r.problems) expect(t("en", p.key, p.params)).toContain(p.field);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom("skus", "lanes", "warehouses", "streams", "demand", "events", "settings"),
        fc.jsonValue(),
        (key, value) => {
          const w = clone();
          w[key] = value;
          const r = parseWorld(w);
          for (const p of r.problems) expect(t("zh-CN", p.key, p.params)).toContain(p.field);
        },
      ),
      { numRuns: 300 },
    );
  });
});
