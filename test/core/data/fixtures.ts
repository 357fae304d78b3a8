import type { CellValue, RawTable } from "../../../src/core/data/table";

/** A table as an adapter would hand it over: header in sheet row 1, data from row 2, column A. */
export function table(
  name: string,
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
  sheet = name,
): RawTable {
  return Object.freeze({ name, sheet, headers, rows, firstRow: 2, firstColumn: 1 });
}

/** A small clean workbook: 3 SKUs (one with leading zeros), 2 warehouses, lanes to both. */
export function cleanWorkbook(): RawTable[] {
  return [
    table(
      "SKUs",
      ["sku", "unit_cost", "name", "moq", "case_pack"],
      [
        ["000123", 5, '=HYPERLINK("http://x","x")', 100, 12],
        ["B-2", "4.5", "Lamp", null, null],
        ["C-3", 1, "Socks", null, 6],
      ],
    ),
    table(
      "Warehouses",
      ["warehouse", "country"],
      [
        ["US-West", "US"],
        ["Thailand", "th"],
      ],
    ),
    table(
      "Stock",
      ["sku", "warehouse", "on_hand"],
      [
        ["000123", "US-West", 40],
        ["B-2", "US-West", -5],
        ["C-3", "Thailand", 10],
      ],
    ),
    table(
      "InTransit",
      ["sku", "warehouse", "qty", "eta", "mode"],
      [["000123", "US-West", 100, "2025-03-20", "sea"]],
    ),
    table(
      "Sales",
      ["date", "sku", "warehouse", "units", "stream_id"],
      [
        ["2025-03-01", "000123", "US-West", 10, null],
        [45720, "B-2", "US-West", "3", null],
        [new Date(Date.UTC(2025, 2, 2)), "C-3", "Thailand", 2, null],
        ["2025/3/2", "000123", "US-West", 30, "S1"],
      ],
    ),
    table(
      "Streams",
      ["stream_id", "date", "warehouse", "peak_viewers", "avg_dwell_min"],
      [
        ["S1", "2025-03-02", "US-West", 8000, 3.2],
        ["S2", "2025-03-20", "US-West", 12000, 3.5],
      ],
    ),
    table(
      "StreamItems",
      ["stream_id", "sku", "units"],
      [
        ["S1", "000123", 30],
        ["S2", "000123", null],
      ],
    ),
    table(
      "Lanes",
      ["from", "to", "mode", "lead_days"],
      [
        ["CN", "US-West", "SEA", 30],
        ["CN", "US-West", "AIR", 8],
        ["CN", "Thailand", "SEA", 12],
      ],
    ),
    table("Settings", ["key", "value"], [["emergency_budget", 500]]),
  ];
}

/** The workbook with one table replaced. */
export function withTable(tables: readonly RawTable[], replacement: RawTable): RawTable[] {
  return tables.map((t) => (t.name === replacement.name ? replacement : t));
}
