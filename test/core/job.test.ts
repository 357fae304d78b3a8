import { defaultPlanDate, planWorkbook, type JobStage } from "../../src/core/job";
import { readPlanInput } from "../../src/core/data/validate";
import type { RawTable } from "../../src/core/data/table";
import { addDays, dayFromIso } from "../../src/core/time/day";
import { generateSeller, SAMPLE_OPTIONS } from "../../src/sample/generate";

const small = generateSeller({
  ...SAMPLE_OPTIONS,
  skus: 12,
  warehouses: 2,
  historyWeeks: 40,
  plannedStreams: 4,
});
const replace = (tables: RawTable[], name: string, f: (t: RawTable) => RawTable) =>
  tables.map((t) => (t.name === name ? f(t) : t));

describe("planWorkbook", () => {
  it("plans a clean workbook into the LS sheets, dated the day after the last sale", () => {
    const stages: JobStage[] = [];
    const result = planWorkbook(small, { lang: "en", onStage: (s) => stages.push(s) });
    expect(result.problems).toEqual([]);
    expect(result.planDate).toBe(SAMPLE_OPTIONS.planDate);
    expect(result.sheets?.map((s) => s.name)).toEqual([
      "LS Plan",
      "LS Timetable",
      "LS Streams",
      "LS ABC",
      "LS Suppliers",
      "LS Backtest",
      "LS Charts",
    ]);
    expect(result.charts?.map((c) => c.sheet)).toEqual(["LS Charts", "LS Charts"]);
    expect(result.summary?.planDate).toBe(SAMPLE_OPTIONS.planDate);
    expect(stages[0]).toBe("reading");
    expect(stages).toContain("planning");
    expect(stages[stages.length - 1]).toBe("writing");
  });

  it("uses the plan date it is given", () => {
    const date = addDays(SAMPLE_OPTIONS.planDate, 3);
    expect(planWorkbook(small, { lang: "en", planDate: date }).planDate).toBe(date);
  });

  it("refuses sales dated after a given plan date, and plans without them when told to skip", () => {
    const date = dayFromIso("2026-11-09")!;
    const refused = planWorkbook(small, { lang: "en", planDate: date });
    expect(refused.sheets).toBeUndefined();
    expect(refused.problems.length).toBeGreaterThan(0);
    for (const p of refused.problems) {
      expect(p).toMatchObject({ table: "Sales", column: "date" });
      expect(p.value! > "2026-11-09").toBe(true);
    }
    expect(refused.problems[0].message.en).toContain("is after the plan date 2026-11-09");
    const skipped = planWorkbook(small, { lang: "en", planDate: date, skipInvalid: true });
    expect(skipped.planDate).toBe(date);
    expect(skipped.sheets).toBeDefined();
  });

  it("defaultPlanDate is the day after the last sales date", () => {
    const input = readPlanInput(small).input;
    const last = Math.max(...input.sales.map((s) => s.date));
    expect(defaultPlanDate(input)).toBe(last + 1);
    expect(defaultPlanDate({ ...input, sales: [] })).toBeUndefined();
  });

  it("writes sheet headers in the chosen language", () => {
    const zh = planWorkbook(small, { lang: "zh-CN" }).sheets!;
    const en = planWorkbook(small, { lang: "en" }).sheets!;
    expect(zh[0].columns.map((c) => c.header)).not.toEqual(en[0].columns.map((c) => c.header));
  });

  it("returns the problems and no sheets when the input has problems", () => {
    const broken = replace(small, "Stock", (t) => ({
      ...t,
      rows: [...t.rows, ["NOPE", "US-West", "many", null]],
    }));
    const result = planWorkbook(broken, { lang: "en" });
    expect(result.sheets).toBeUndefined();
    expect(result.problems.map((p) => [p.table, p.column])).toEqual([
      ["Stock", "sku"],
      ["Stock", "on_hand"],
    ]);
  });

  it("plans without bad rows with skipInvalid, still listing them", () => {
    const broken = replace(small, "Stock", (t) => ({
      ...t,
      rows: [...t.rows, ["NOPE", "US-West", 3, null]],
    }));
    const result = planWorkbook(broken, { lang: "en", skipInvalid: true });
    expect(result.sheets).toBeDefined();
    expect(result.problems).toHaveLength(1);
    expect(result.skippedRows).toBe(1);
  });

  it("cannot plan without the Sales history and without a date", () => {
    const noSales = replace(small, "Sales", (t) => ({ ...t, rows: [] }));
    const result = planWorkbook(noSales, { lang: "en" });
    expect(result.sheets).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ table: "Sales" })]);
  });

  it("reports Settings rows it cannot use and plans with the defaults", () => {
    const odd = replace(small, "Settings", (t) => ({ ...t, rows: [...t.rows, ["service_level_z", 0.5]] }));
    const result = planWorkbook(odd, { lang: "en" });
    expect(result.sheets).toBeDefined();
    expect(result.warnings).toEqual([expect.objectContaining({ table: "Settings", row: 8, value: "0.5" })]);
  });

  it("names the cell of a Settings remark: the value's cell, or the key's for an unknown key", () => {
    const odd = replace(small, "Settings", (t) => ({
      ...t,
      rows: [...t.rows, ["service_level_z", 0.5], ["stream_hours", "1e999"], ["service_level_c", "100%"]],
    }));
    const result = planWorkbook(odd, { lang: "en" });
    expect(result.sheets).toBeDefined();
    const sheet = odd.find((t) => t.name === "Settings")?.sheet;
    expect(result.warnings.map((w) => [w.sheet, w.row, w.column, w.cell])).toEqual([
      [sheet, 8, "key", "A8"],
      [sheet, 9, "value", "B9"],
      [sheet, 10, "value", "B10"],
    ]);
  });

  it("stops when asked to cancel", () => {
    const result = planWorkbook(small, { lang: "en", shouldCancel: () => true });
    expect(result.cancelled).toBe(true);
    expect(result.sheets).toBeUndefined();
  });
});
