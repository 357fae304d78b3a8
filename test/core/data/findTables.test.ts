import { normalizeHeader } from "../../../src/core/data/contract";
import { findTables } from "../../../src/core/data/findTables";
import { readPlanInput } from "../../../src/core/data/validate";
import { cleanWorkbook, table, withTable } from "./fixtures";

describe("header matching", () => {
  it("ignores case, spaces and underscores", () => {
    expect(normalizeHeader(" Unit_Cost ")).toBe("unitcost");
    expect(normalizeHeader("UNIT COST")).toBe("unitcost");
    expect(normalizeHeader("unit\u3000cost")).toBe("unitcost");
  });

  it("matches English headers written any way", () => {
    const skus = table("SKUs", ["SKU", "Unit Cost", "CASE_PACK", "weight kg"], [["A", 1, 6, 0.5]]);
    const { tables, problems } = findTables(withTable(cleanWorkbook(), skus));
    expect(problems).toEqual([]);
    expect(tables.get("SKUs")?.columns.slice(0, 2)).toEqual([0, 1]);
    const input = readPlanInput(withTable(cleanWorkbook(), skus)).input;
    expect(input.skus[0]).toMatchObject({ sku: "A", unitCost: 1, casePack: 6, weightKg: 0.5 });
  });

  it("matches DESIGN.md's Chinese headers and a Chinese table name", () => {
    const skus = table(
      "商品",
      ["货号", "成本", "名称", "起订量", "箱规", "重量", "分类"],
      [["A", 2, "灯", 100, 12, 0.3, "a"]],
    );
    const stock = table("库存", ["货号", "仓库", "在库", "预留"], [["A", "US-West", 5, 1]]);
    const tables = withTable(withTable(cleanWorkbook(), { ...skus, name: "SKUs" }), {
      ...stock,
      name: "Stock",
    });
    const chinese = tables.map((t) => (t.name === "SKUs" ? skus : t.name === "Stock" ? stock : t));
    const read = readPlanInput(chinese);
    expect(read.input.skus).toEqual([
      expect.objectContaining({
        sku: "A",
        unitCost: 2,
        name: "灯",
        moq: 100,
        casePack: 12,
        weightKg: 0.3,
        classOverride: "A",
      }),
    ]);
    expect(read.input.stock).toEqual([
      expect.objectContaining({ sku: "A", warehouse: "US-West", onHand: 5, reserved: 1 }),
    ]);
  });

  it("finds a table by an Excel-style name with a tbl prefix", () => {
    const { tables } = findTables(
      cleanWorkbook().map((t) => (t.name === "Sales" ? { ...t, name: "tblSales" } : t)),
    );
    expect(tables.get("Sales")?.raw.name).toBe("tblSales");
  });

  it("finds sheets by their header row, telling Sales from StreamItems (both have stream_id and sku)", () => {
    const renamed = cleanWorkbook().map((t, i) => ({ ...t, name: `Sheet${i + 1}`, sheet: `Sheet${i + 1}` }));
    const { tables, problems } = findTables(renamed);
    expect(problems).toEqual([]);
    expect(tables.get("Sales")?.raw.headers).toEqual(["date", "sku", "warehouse", "units", "stream_id"]);
    expect(tables.get("StreamItems")?.raw.headers).toEqual(["stream_id", "sku", "units"]);
    expect(tables.get("Stock")?.raw.headers).toEqual(["sku", "warehouse", "on_hand"]);
  });

  it("never reads the add-in's own LS sheets as input", () => {
    const lsPlan = table("LS Plan", ["sku", "warehouse", "on_hand"], [["X", "Y", 1]]);
    const tables = cleanWorkbook().filter((t) => t.name !== "Stock");
    const { problems } = findTables([...tables, lsPlan]);
    expect(problems.map((p) => p.table)).toEqual(["Stock"]);
  });
});

describe("missing tables and columns", () => {
  it("names the missing table and what it needs, in English and Chinese", () => {
    const { problems } = findTables(cleanWorkbook().filter((t) => t.name !== "Lanes"));
    expect(problems).toHaveLength(1);
    expect(problems[0].table).toBe("Lanes");
    expect(problems[0].row).toBeUndefined();
    expect(problems[0].message.en).toContain("no Lanes table (物流)");
    expect(problems[0].message.en).toContain("to (目的仓), mode (方式), lead_days (时效)");
    expect(problems[0].message.zh).toContain("没有 Lanes 表");
  });

  it("optional tables may be absent", () => {
    const names = ["InTransit", "Streams", "StreamItems", "Settings"];
    const read = readPlanInput(cleanWorkbook().filter((t) => !names.includes(t.name)));
    expect(read.problems).toEqual([]);
    expect(read.input.streams).toEqual([]);
  });

  it("names the missing column and lists the table's columns", () => {
    const lanes = table("Lanes", ["to", "mode"], [["US-West", "SEA"]]);
    const read = readPlanInput(withTable(cleanWorkbook(), lanes), { skipInvalid: true });
    expect(read.problems).toEqual([expect.objectContaining({ table: "Lanes", column: "lead_days" })]);
    expect(read.problems[0].row).toBeUndefined();
    expect(read.problems[0].message.en).toBe(
      "Table Lanes has no column lead_days (时效). It needs: to (目的仓), mode (方式), lead_days (时效); optional: from (起运地), lead_sd_days (时效标准差), cost_per_kg (每公斤运费), cost_per_unit (单件运费), min_units (起运量), min_kg (起运重量), fixed_cost (单票费用).",
    );
    expect(read.plannable).toBe(false);
  });

  it("reports a column given twice (English and Chinese header of the same column)", () => {
    const skus = table("SKUs", ["sku", "unit_cost", "成本"], [["A", 1, 2]]);
    const { problems } = findTables(withTable(cleanWorkbook(), skus));
    expect(problems).toEqual([expect.objectContaining({ table: "SKUs", column: "成本" })]);
    expect(problems[0].message.en).toContain("two columns for unit_cost");
  });
});
