import { readPlanInput } from "../../../src/core/data/validate";
import type { RawTable } from "../../../src/core/data/table";
import { dayFromIso } from "../../../src/core/time/day";
import { cleanWorkbook, table, withTable } from "./fixtures";

const lanes = (rows: (string | number | null)[][]) =>
  table("Lanes", ["from", "to", "mode", "lead_days", "min_units", "min_kg", "fixed_cost"], rows);

const withOrders = (orders: RawTable): RawTable[] => [...cleanWorkbook(), orders];

describe("Orders 采购单", () => {
  it("reads open purchase orders, mode and expected ship optional, under Chinese headers too", () => {
    const tables = withOrders(
      table(
        "采购单",
        ["货号", "仓库", "数量", "下单日期", "方式", "预计发货"],
        [
          ["000123", "US-West", 500, "2025-03-01", "sea", "2025-03-25"],
          ["C-3", "Thailand", "40", 45717, null, null],
        ],
      ),
    );
    const read = readPlanInput(tables);
    expect(read.problems).toEqual([]);
    expect(read.input.orders).toEqual([
      {
        sku: "000123",
        warehouse: "US-West",
        qty: 500,
        orderDate: dayFromIso("2025-03-01"),
        mode: "SEA",
        expectedShip: dayFromIso("2025-03-25"),
      },
      { sku: "C-3", warehouse: "Thailand", qty: 40, orderDate: dayFromIso("2025-03-01") },
    ]);
  });

  it.each([
    [["ZZZ", "US-West", 1, "2025-03-01", null, null], "A2", "not in the SKUs table"],
    [["000123", "US-West", -1, "2025-03-01", null, null], "C2", "must not be negative"],
    [["000123", "US-West", 2e9, "2025-03-01", null, null], "C2", "cannot be a real figure"],
    [["000123", "US-West", 1, null, null, null], "D2", "blank"],
    [
      ["000123", "US-West", 1, "2025-03-01", "TRANSFER", null],
      "E2",
      "purchase order ships from the supplier",
    ],
    [["000123", "US-West", 1, "2025-03-01", null, "2025-02-01"], "F2", "before the order date 2025-03-01"],
  ])("a bad row %j is a located bilingual problem at %s", (row, cell, text) => {
    const tables = withOrders(
      table("Orders", ["sku", "warehouse", "qty", "order_date", "mode", "expected_ship"], [row]),
    );
    const read = readPlanInput(tables);
    expect(read.plannable).toBe(false);
    expect(read.problems).toEqual([expect.objectContaining({ table: "Orders", row: 2, cell })]);
    expect(read.problems[0].message.en).toContain(text);
    expect(read.problems[0].message.zh).not.toBe(read.problems[0].message.en);
    expect(read.input.orders).toEqual([]);
  });
});

describe("StreamItems sold_out 售罄", () => {
  const items = (marks: (string | number | boolean | null)[]) =>
    withTable(
      cleanWorkbook(),
      table(
        "StreamItems",
        ["stream_id", "sku", "units", "sold_out"],
        [
          ["S1", "000123", 30, marks[0]],
          ["S2", "000123", null, marks[1]],
        ],
      ),
    );

  it.each([["TRUE"], ["yes"], ["1"], [1], ["是"], [true]])("%p marks the item sold out", (mark) => {
    const read = readPlanInput(items([mark, null]));
    expect(read.problems).toEqual([]);
    expect(read.input.streamItems.map((i) => i.soldOut)).toEqual([true, undefined]);
  });

  it.each([["no"], [0], ["否"], [false], [null]])("%p is not sold out", (mark) => {
    const read = readPlanInput(items([mark, null]));
    expect(read.input.streamItems[0].soldOut).toBeUndefined();
  });

  it("anything else is a located bilingual problem", () => {
    const read = readPlanInput(items(["maybe", null]));
    const bad = read.problems.filter((p) => p.table === "StreamItems");
    expect(bad).toEqual([expect.objectContaining({ row: 2, cell: "D2", value: "maybe" })]);
    expect(bad[0].message.en).toContain("TRUE/yes/1/是");
    expect(bad[0].message.zh).toContain("留空表示否");
  });
});

describe("Lanes min_units / min_kg / fixed_cost", () => {
  it("reads the minimum shipment and the fixed cost per shipment", () => {
    const read = readPlanInput(
      withTable(
        cleanWorkbook(),
        lanes([
          ["CN", "US-West", "SEA", 30, 200, null, 150],
          ["CN", "US-West", "AIR", 8, null, 21, null],
          ["CN", "Thailand", "SEA", 12, null, null, null],
        ]),
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.input.lanes.map((l) => [l.minUnits, l.minKg, l.fixedCost])).toEqual([
      [200, undefined, 150],
      [undefined, 21, undefined],
      [undefined, undefined, undefined],
    ]);
  });

  it.each([
    [[-1, null, null], "E2", "must not be negative"],
    [[null, 2e7, null], "F2", "cannot be a real figure"],
    [[null, null, "lots"], "G2", "must be a number"],
  ])("bad %j is a located problem at %s", (bad, cell, text) => {
    const read = readPlanInput(
      withTable(
        cleanWorkbook(),
        lanes([
          ["CN", "US-West", "SEA", 30, ...bad],
          ["CN", "US-West", "AIR", 8, null, null, null],
          ["CN", "Thailand", "SEA", 12, null, null, null],
        ]),
      ),
    );
    expect(read.problems).toEqual([expect.objectContaining({ table: "Lanes", row: 2, cell })]);
    expect(read.problems[0].message.en).toContain(text);
  });
});
