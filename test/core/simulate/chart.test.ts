import {
  parseWorld,
  simulate,
  simulationChart,
  simulationSheets,
  type World,
} from "../../../src/core/simulate";
import { TINY_WORLD } from "./tinyWorld";

const WORLD = parseWorld(TINY_WORLD).world as World;

describe("simulationChart", () => {
  test("a line per policy's stock and one for demand, on the chart sheet's columns, one point per day", () => {
    const result = simulate(WORLD, { weeks: 6, policies: ["naive", "oracle"] });
    const [spec] = simulationChart(result, "zh-CN");
    const sheet = simulationSheets(result, "zh-CN")[2];
    expect(spec.sheet).toBe(sheet.name);
    expect(spec.category).toBe("date");
    expect(spec.series.map((s) => s.key)).toEqual(["demand", "stock_naive", "stock_oracle"]);
    expect(spec.series.every((s) => s.type === "line")).toBe(true);
    // Every key is a column of the sheet, and the series' names are its headers.
    const headers = new Map(sheet.columns.map((c) => [c.key, c.header]));
    expect(spec.series.map((s) => headers.get(s.key))).toEqual(spec.series.map((s) => s.name));
    expect(headers.has(spec.category)).toBe(true);
    expect(spec.rows).toBe(sheet.rows.length);
    expect(spec.title).toContain("BIG");
    expect(spec.title).toBe(sheet.rows[0].at(-1));
  });

  test("no stream met, no chart", () => {
    const quiet = parseWorld({ ...TINY_WORLD, streams: { cadence: [], scheduled: [] } });
    if (!quiet.world) throw new Error(JSON.stringify(quiet.problems));
    const result = simulate(quiet.world, { weeks: 2, policies: ["naive"] });
    expect(result.chart).toBeNull();
    expect(simulationChart(result, "en")).toEqual([]);
  });
});
