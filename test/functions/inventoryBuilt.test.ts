import * as fs from "fs";
import * as path from "path";
import {
  column,
  DIST,
  loadBuiltFunctions,
  row,
  type LoadedFunctions,
  expectExcelError,
} from "../helpers/builtFunctions";

/*
 * DESIGN.md's function contract, case by case, against the built dist/functions.js
 * and dist/functions.json — the files Excel loads.
 */

let fx: LoadedFunctions;
beforeAll(async () => {
  fx = await loadBuiltFunctions();
});

describe("the built add-in", () => {
  test("functions.json lists the contract's functions with their parameters, each associated", () => {
    const byId = new Map(fx.metadata.functions.map((f) => [f.id, f]));
    const expected: Record<string, string[]> = {
      RESTOCK_QTY: [
        "on_hand",
        "in_transit",
        "weekly_demand",
        "lead_time_weeks",
        "safety_stock",
        "review_weeks",
        "moq",
        "case_pack",
      ],
      ABC_CLASS: ["values", "a_cutoff", "b_cutoff"],
      SAFETY_STOCK: ["demand_history", "lead_time", "service_level", "lead_time_sd"],
      WEEKS_OF_COVER: ["on_hand", "weekly_demand"],
      SHIP_MODE: ["days_until_needed", "modes", "lead_days", "costs"],
    };
    for (const [id, params] of Object.entries(expected)) {
      const meta = byId.get(id);
      expect(meta?.name).toBe(id);
      expect(meta?.parameters.map((p) => p.name)).toEqual(params);
      expect(meta?.description.length).toBeGreaterThan(20);
      expect(fx.associated.has(id)).toBe(true);
    }
    expect(
      byId
        .get("RESTOCK_QTY")
        ?.parameters.filter((p) => p.optional)
        .map((p) => p.name),
    ).toEqual(["safety_stock", "review_weeks", "moq", "case_pack"]);
    expect(byId.get("ABC_CLASS")?.result).toEqual({ type: "string", dimensionality: "matrix" });
    for (const id of fx.associated.keys()) expect(byId.has(id)).toBe(true);
  });

  test("loading functions.js needs no DOM or network globals (the sandbox has none)", () => {
    expect(fx.associated.size).toBeGreaterThanOrEqual(5);
  });
});

describe("RESTOCK_QTY", () => {
  test("flat rate: need = 100·(4+1) + 50 − 120 − 0 = 430 → 36 cases of 12 = 432", () => {
    expect(fx.call("RESTOCK_QTY", 120, 0, [[100]], 4, 50, 1, 0, 12)).toBe(432);
  });
  test("weekly vector as a row and as a column: P = 2 + 0.5 → 100 + 200 + 0.5·300 = 450; −100 −50 = 300", () => {
    expect(fx.call("RESTOCK_QTY", 100, 50, row(100, 200, 300), 2, 0, 0.5)).toBe(300);
    expect(fx.call("RESTOCK_QTY", 100, 50, column(100, 200, 300), 2, 0, 0.5)).toBe(300);
  });
  test("past the given weeks demand continues at their mean: [100, 200], P = 5 → 300 + 3·150 = 750", () => {
    expect(fx.call("RESTOCK_QTY", 0, 0, row(100, 200), 4)).toBe(750);
  });
  test("omitted optional arguments arrive as null and take their defaults", () => {
    expect(fx.call("RESTOCK_QTY", 0, 0, [[10]], 1)).toBe(20);
    expect(fx.call("RESTOCK_QTY", 0, 0, [[10]], 1, null, null, null, null)).toBe(20);
    expect(fx.call("RESTOCK_QTY", 0, 0, [[10]], 1, "", "", "", "")).toBe(20);
  });
  test("need ≤ 0 orders nothing, even with an MOQ", () => {
    expect(fx.call("RESTOCK_QTY", 1000, 0, [[100]], 4, 0, 1, 500, 10)).toBe(0);
  });
  test("MOQ lifts a small need, then case packs round up: need 30, MOQ 100, case 24 → 120", () => {
    expect(fx.call("RESTOCK_QTY", 0, 0, [[15]], 1, 0, 1, 100, 24)).toBe(120);
  });
  test("a large MOQ still rounds up to whole cases: need 1, MOQ 1,000,000,000, case 3 → 1,000,000,002", () => {
    expect(fx.call("RESTOCK_QTY", 0, 0, [[0]], 0, 1, 0, 1e9, 3)).toBe(1_000_000_002);
  });
  test("negative stock (backorders) is allowed and adds to the need", () => {
    expect(fx.call("RESTOCK_QTY", -40, 0, [[10]], 1)).toBe(60);
  });
  test("numbers typed as text in the range are numbers; trailing blanks are ignored", () => {
    expect(fx.call("RESTOCK_QTY", 0, 0, row("100", " 200 ", "", null), 1)).toBe(300);
  });
  test("errors: text, booleans, blanks inside, 2-D blocks, error values → #VALUE! with a message", () => {
    expectExcelError(fx.call("RESTOCK_QTY", "abc", 0, [[1]], 1), "#VALUE!", /on_hand/);
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, row(1, "x", 3), 1), "#VALUE!", /weekly_demand.*position 2/);
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, row(1, "", 3), 1), "#VALUE!", /blank at position 2/);
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, [[true]], 1), "#VALUE!", /TRUE\/FALSE/);
    expectExcelError(fx.call("RESTOCK_QTY", true, 0, [[1]], 1), "#VALUE!", /on_hand/);
    expectExcelError(
      fx.call(
        "RESTOCK_QTY",
        0,
        0,
        [
          [1, 2],
          [3, 4],
        ],
        1,
      ),
      "#VALUE!",
      /single row or a single column \(2×2/,
    );
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, [[{ type: "Error" }]], 1), "#VALUE!", /error value/);
    expectExcelError(fx.call("RESTOCK_QTY", null, 0, [[1]], 1), "#VALUE!", /on_hand is blank/);
  });
  test("errors: out-of-range numbers → #NUM!", () => {
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, [[1]], -1), "#NUM!");
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, [[-5]], 1), "#NUM!");
    expectExcelError(fx.call("RESTOCK_QTY", 0, -1, [[1]], 1), "#NUM!");
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, [[1]], 1, -1), "#NUM!");
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, [[1]], 1, 0, -1), "#NUM!");
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, [[1]], 1, 0, 1, -1), "#NUM!");
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, [[1]], 1, 0, 1, 0, 0), "#NUM!");
    expectExcelError(fx.call("RESTOCK_QTY", NaN, 0, [[1]], 1), "#NUM!");
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, [[Infinity]], 1), "#NUM!");
  });
  test("an all-blank demand range is too little data → #N/A with a message", () => {
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, row("", null), 1), "#N/A", /weekly_demand has no numbers/);
  });
});

describe("ABC_CLASS", () => {
  test("revenues 500/300/100/60/40 at 80 %/95 % → A, A, B, B, C (the crossing item joins the upper class)", () => {
    expect(fx.call("ABC_CLASS", column(500, 300, 100, 60, 40), 0.8, 0.95)).toEqual(
      column("A", "A", "B", "B", "C"),
    );
  });
  test("spills in the input's order, with default cutoffs 0.7/0.9", () => {
    // shares above: 60 → 0; 20 → 0.6; 10 → 0.8; 5 → 0.9; 5 → 0.9 (tie)
    expect(fx.call("ABC_CLASS", column(10, 60, 5, 20, 5))).toEqual(column("B", "A", "C", "A", "C"));
  });
  test("equal values share a class; zero and negative are C; blank rows are blank", () => {
    expect(fx.call("ABC_CLASS", column(50, 50, 0, -3, "", null), 0.3, 0.9)).toEqual(
      column("A", "A", "C", "C", "", ""),
    );
  });
  test("two columns (sales, profit): the score is the mean of the two shares", () => {
    // sales shares .5/.3/.2, profit shares .1/.3/.6 → scores .3, .3, .4 → ranked 3rd row first
    const values = [
      [50, 10],
      [30, 30],
      [20, 60],
    ];
    expect(fx.call("ABC_CLASS", values, 0.4, 0.8)).toEqual(column("B", "B", "A"));
  });
  test("values near the largest double never overflow into C: shares are taken of scaled values", () => {
    expect(fx.call("ABC_CLASS", column(1e308, 1e308))).toEqual(column("A", "A"));
    expect(fx.call("ABC_CLASS", column(9e307, 9e307, 9e307, 1))).toEqual(column("A", "A", "A", "C"));
    // The same shares as 500/300/100/60/40 at 80 %/95 %.
    expect(fx.call("ABC_CLASS", column(5e307, 3e307, 1e307, 6e306, 4e306), 0.8, 0.95)).toEqual(
      column("A", "A", "B", "B", "C"),
    );
    expect(
      fx.call("ABC_CLASS", [
        [1e308, 1e308],
        [1e308, 1],
      ]),
    ).toEqual(column("A", "B"));
  });
  test("errors: cutoffs out of order or range → #NUM!; text → #VALUE!; three columns → #VALUE!", () => {
    expectExcelError(fx.call("ABC_CLASS", column(1, 2), 0.9, 0.7), "#NUM!");
    expectExcelError(fx.call("ABC_CLASS", column(1, 2), 0, 0.7), "#NUM!");
    expectExcelError(fx.call("ABC_CLASS", column(1, 2), 0.7, 1.5), "#NUM!");
    expectExcelError(fx.call("ABC_CLASS", column(1, "lots")), "#VALUE!", /values.*lots.*position 2/);
    expectExcelError(fx.call("ABC_CLASS", [[1, 2, 3]]), "#VALUE!", /one column \(sales\) or two/);
  });
});

describe("SAFETY_STOCK", () => {
  test("history mean 100, STDEV.S √650, L 4, 95 % → 1.6449·√(4·650) = 83.87", () => {
    expect(fx.call("SAFETY_STOCK", column(80, 120, 100, 70, 130), 4)).toBeCloseTo(83.8714, 3);
  });
  test("lead-time variance: μ² σL² added under the root (σL = 1 → √(2600 + 10000)·1.6449 = 184.63)", () => {
    expect(fx.call("SAFETY_STOCK", column(80, 120, 100, 70, 130), 4, 0.95, 1)).toBeCloseTo(184.634, 2);
  });
  test("blanks are skipped like STDEV.S; numbers as text count", () => {
    expect(fx.call("SAFETY_STOCK", row(80, "", "120", null, 100, 70, 130), 4)).toBeCloseTo(83.8714, 3);
  });
  test("errors: service level outside (0,1) → #NUM!; negative lead time → #NUM!; one point → #N/A", () => {
    expectExcelError(fx.call("SAFETY_STOCK", column(1, 2, 3), 4, 1), "#NUM!");
    expectExcelError(fx.call("SAFETY_STOCK", column(1, 2, 3), 4, 0), "#NUM!");
    expectExcelError(fx.call("SAFETY_STOCK", column(1, 2, 3), -4), "#NUM!");
    expectExcelError(fx.call("SAFETY_STOCK", column(1, 2, 3), 4, 0.95, -1), "#NUM!");
    expectExcelError(fx.call("SAFETY_STOCK", column(5, ""), 4), "#N/A", /at least 2/);
    expectExcelError(fx.call("SAFETY_STOCK", column(5, "x"), 4), "#VALUE!", /“x”/);
    expectExcelError(fx.call("SAFETY_STOCK", column(5, -1, 3), 4), "#NUM!");
  });
});

describe("WEEKS_OF_COVER", () => {
  test("250 units against 100 a week → 2.5 weeks; against [100, 200] then their mean → 3.33", () => {
    expect(fx.call("WEEKS_OF_COVER", 250, row(100, 100, 100))).toBeCloseTo(2.5, 12);
    expect(fx.call("WEEKS_OF_COVER", 500, column(100, 200))).toBeCloseTo(10 / 3, 12);
    expect(fx.call("WEEKS_OF_COVER", 250, [[100]])).toBeCloseTo(2.5, 12);
  });
  test("no stock, or backorders, cover 0 weeks; zero weeks are skipped through", () => {
    expect(fx.call("WEEKS_OF_COVER", 0, [[10]])).toBe(0);
    expect(fx.call("WEEKS_OF_COVER", -5, [[10]])).toBe(0);
    expect(fx.call("WEEKS_OF_COVER", 10, row(0, 0, 20))).toBeCloseTo(2.5, 12);
  });
  test("all-zero demand with stock never runs out → #NUM!; text → #VALUE!", () => {
    expectExcelError(fx.call("WEEKS_OF_COVER", 10, row(0, 0)), "#NUM!");
    expectExcelError(fx.call("WEEKS_OF_COVER", "ten", [[1]]), "#VALUE!");
  });
});

describe("SHIP_MODE", () => {
  const modes = column("SEA", "AIR", "EXPRESS");
  const lead = column(35, 8, 4);
  const cost = column(0.5, 3, 7);
  test("the cheapest mode that arrives in time", () => {
    expect(fx.call("SHIP_MODE", 40, modes, lead, cost)).toBe("SEA");
    expect(fx.call("SHIP_MODE", 20, modes, lead, cost)).toBe("AIR");
    expect(fx.call("SHIP_MODE", 5, modes, lead, cost)).toBe("EXPRESS");
  });
  test("if none arrives in time, the fastest", () => {
    expect(fx.call("SHIP_MODE", 2, modes, lead, cost)).toBe("EXPRESS");
    expect(fx.call("SHIP_MODE", -3, modes, lead, cost)).toBe("EXPRESS");
  });
  test("rows as well as columns; wholly blank entries are skipped", () => {
    expect(fx.call("SHIP_MODE", 10, row("SEA", "AIR", ""), row(35, 8, ""), row(1, 3, null))).toBe("AIR");
  });
  test("errors: mismatched sizes → #VALUE! naming the range; negatives → #NUM!; nothing → #N/A", () => {
    expectExcelError(
      fx.call("SHIP_MODE", 10, modes, column(35, 8), cost),
      "#VALUE!",
      /lead_days has 2 cells but modes has 3/,
    );
    expectExcelError(fx.call("SHIP_MODE", 10, modes, lead, column(1, 2)), "#VALUE!", /costs has 2/);
    expectExcelError(fx.call("SHIP_MODE", 10, modes, column(35, -8, 4), cost), "#NUM!");
    expectExcelError(fx.call("SHIP_MODE", 10, column("", ""), column("", ""), column("", "")), "#N/A");
    expectExcelError(
      fx.call("SHIP_MODE", 10, column("SEA", "AIR"), column(35, ""), column(1, 2)),
      "#VALUE!",
      /position 2/,
    );
  });
});

describe("messages follow Office's display language", () => {
  test("zh-CN shows Chinese messages", async () => {
    const zh = await loadBuiltFunctions({ displayLanguage: "zh-CN" });
    expectExcelError(zh.call("RESTOCK_QTY", "abc", 0, [[1]], 1), "#VALUE!", /必须是数字/);
    expectExcelError(zh.call("SAFETY_STOCK", column(5), 4), "#N/A", /至少需要 2 个数字/);
  });
  test("functions-zh-cn.json is the same metadata with Chinese descriptions", () => {
    const zh = JSON.parse(
      fs.readFileSync(path.join(DIST, "functions-zh-cn.json"), "utf8"),
    ) as typeof fx.metadata;
    expect(zh.functions.map((f) => f.id)).toEqual(fx.metadata.functions.map((f) => f.id));
    for (const f of zh.functions) {
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("never NaN or Infinity", () => {
  test("an overflowing result is #NUM!, not Infinity", () => {
    expectExcelError(fx.call("RESTOCK_QTY", 0, 0, [[1e308]], 10), "#NUM!");
    expectExcelError(fx.call("WEEKS_OF_COVER", 1e308, [[1e-310]]), "#NUM!");
  });
});

describe("large ranges", () => {
  test("ABC_CLASS over 100,000 rows spills 100,000 classes in order", () => {
    // values 1..100000: the top items by value hold the first 70 % of the total
    const n = 100_000;
    const values = Array.from({ length: n }, (_, i) => [i + 1]);
    const out = fx.call("ABC_CLASS", values) as string[][];
    expect(out).toHaveLength(n);
    const total = (n * (n + 1)) / 2;
    // the smallest A value v satisfies: Σ_{k>v} k < 0.7·total ≤ Σ_{k≥v} k
    let above = 0;
    let firstA = n;
    while (above + firstA < 0.7 * total) above += firstA--;
    expect(out[firstA - 1][0]).toBe("A");
    expect(out[firstA - 2][0]).toBe("B");
    expect(out[n - 1][0]).toBe("A");
    expect(out[0][0]).toBe("C");
  });
  test("SAFETY_STOCK over a 100,000-row history", () => {
    const history = Array.from({ length: 100_000 }, (_, i) => [i % 2 === 0 ? 90 : 110]);
    // μ 100, STDEV.S = 10·√(n/(n−1)), L 1, 95 %
    expect(fx.call("SAFETY_STOCK", history, 1)).toBeCloseTo(
      1.6448536269514722 * 10 * Math.sqrt(100_000 / 99_999),
      6,
    );
  });
});
