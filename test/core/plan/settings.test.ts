import * as fs from "fs";
import * as path from "path";
import { DEFAULT_SETTINGS, SETTINGS_KEYS, settingsFrom } from "../../../src/core/plan";
import { inRange, type SettingRange } from "../../../src/core/plan/settings";

describe("settingsFrom", () => {
  it("keeps the defaults of DESIGN.md and the seed with no rows", () => {
    const { settings, problems } = settingsFrom(new Map());
    expect(problems).toEqual([]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.serviceLevel).toEqual({ A: 0.98, B: 0.95, C: 0.9 });
    expect(settings.baseWeeks).toEqual({ A: 3, B: 2.5, C: 2 });
    expect(settings.preStreamWeeks).toEqual({ A: 5, B: 4 });
    expect([settings.aCutoff, settings.bCutoff]).toEqual([0.7, 0.9]);
    expect([settings.emergencyBudget, settings.horizonWeeks, settings.backtestWeeks]).toEqual([0, 8, 26]);
  });

  it("reads keys without case, spaces or underscores, numbers as text and percentages", () => {
    const { settings, problems } = settingsFrom(
      new Map<string, string | number>([
        ["Service Level A", "99%"],
        ["EMERGENCY_BUDGET", "1,500"],
        ["horizonweeks", 10],
      ]),
    );
    expect(problems).toEqual([]);
    expect(settings.serviceLevel.A).toBeCloseTo(0.99, 12);
    expect(settings.emergencyBudget).toBe(1500);
    expect(settings.horizonWeeks).toBe(10);
  });

  it("reports unknown keys, text and out-of-range values, and keeps the default", () => {
    const { settings, problems } = settingsFrom(
      new Map<string, string | number>([
        ["colour", "red"],
        ["service_level_b", "high"],
        ["service_level_c", 1.5],
        ["horizon_weeks", 2.5],
      ]),
    );
    expect(problems.map((p) => p.message)).toEqual([
      "planSettingUnknown",
      "planSettingNotANumber",
      "planSettingOutOfRange",
      "planSettingOutOfRangeWhole",
    ]);
    expect(settings.serviceLevel.B).toBe(0.95);
    expect(settings.serviceLevel.C).toBe(0.9);
    expect(settings.horizonWeeks).toBe(8);
  });

  it("rejects a B cutoff below the A cutoff", () => {
    const { settings, problems } = settingsFrom(
      new Map([
        ["abc_a_cutoff", 0.8],
        ["abc_b_cutoff", 0.6],
      ]),
    );
    expect(problems.map((p) => p.message)).toEqual(["planSettingCutoffs"]);
    expect([settings.aCutoff, settings.bCutoff]).toEqual([0.7, 0.9]);
  });

  it("lets overrides win over rows, and never mutates the defaults", () => {
    const { settings } = settingsFrom(new Map([["base_weeks_a", 4]]), { horizonWeeks: 12 });
    expect(settings.baseWeeks.A).toBe(4);
    expect(settings.horizonWeeks).toBe(12);
    expect(DEFAULT_SETTINGS.baseWeeks.A).toBe(3);
  });

  it("refuses values beyond a key's range, infinite and huge ones included, and keeps the default", () => {
    for (const value of [20000, 1e300, "1e300", "1e999", -1, Infinity, NaN]) {
      const { settings, problems } = settingsFrom(new Map([["receiving_days", value]]));
      expect(settings.receivingDays).toBe(2);
      expect(problems).toEqual([expect.objectContaining({ key: "receiving_days", cell: "value" })]);
    }
    const { problems } = settingsFrom(new Map([["receiving_days", 20000]]));
    expect(problems[0].message).toBe("planSettingOutOfRange");
    expect(problems[0].params).toMatchObject({ min: 0, max: 90, fallback: 2 });
  });

  it("holds every key's bounds, ends included or not as documented", () => {
    const accepted = (key: string, value: number) =>
      settingsFrom(new Map([[key, value]])).problems.length === 0;
    expect([accepted("receiving_days", 90), accepted("receiving_days", 90.5)]).toEqual([true, false]);
    expect([accepted("horizon_weeks", 104), accepted("horizon_weeks", 105)]).toEqual([true, false]);
    expect([accepted("service_level_a", 0.9999), accepted("service_level_a", 1)]).toEqual([true, false]);
    expect([accepted("service_level_c", 0.5), accepted("service_level_c", 0.49)]).toEqual([true, false]);
    expect([accepted("stream_hours", 168), accepted("stream_hours", 0)]).toEqual([false, false]);
    expect(accepted("backtest_weeks", 0)).toBe(true);
  });

  it("gives every key a finite range that holds its default", () => {
    for (const [key, spec] of Object.entries(SETTINGS_KEYS)) {
      expect([key, Number.isFinite(spec.range.max)]).toEqual([key, true]);
      expect([key, inRange(spec.get(DEFAULT_SETTINGS), spec.range)]).toEqual([key, true]);
    }
  });

  it("holds overrides to the same ranges", () => {
    const { settings, problems } = settingsFrom(new Map(), { receivingDays: 1e300, horizonWeeks: 12 });
    expect(settings.receivingDays).toBe(2);
    expect(settings.horizonWeeks).toBe(12);
    expect(problems).toEqual([expect.objectContaining({ key: "receiving_days", value: 1e300 })]);
  });

  it("says which cell of the row is wrong: the key when unknown, else the value", () => {
    const { problems } = settingsFrom(
      new Map<string, string | number>([
        ["colour", "red"],
        ["service_level_a", "100%"],
      ]),
    );
    expect(problems.map((p) => p.cell)).toEqual(["key", "value"]);
  });

  it("documents a key for every setting", () => {
    expect(Object.keys(SETTINGS_KEYS).length).toBeGreaterThanOrEqual(25);
  });
});

describe("the README's Settings keys table", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8");
  const shown = (n: number) => (n >= 1000 ? n.toLocaleString("en-US") : String(n));
  const rangeText = (r: SettingRange) =>
    r.open
      ? `between ${shown(r.min)} and ${shown(r.max)}`
      : `${r.integer ? "whole, " : ""}${shown(r.min)} to ${shown(r.max)}`;

  it("states every key's range as the code holds it", () => {
    const stated = new Map<string, string>();
    for (const line of readme.split("\n")) {
      const cells = line.split("|").map((c) => c.trim());
      if (cells.length < 6 || !cells[1].startsWith("`")) continue;
      const keys = cells[1].split(" / ").map((k) => k.replace(/`/g, ""));
      const full = keys.map((k) => (k.startsWith("_") ? keys[0].replace(/_[a-z]$/, k) : k));
      for (const k of full) stated.set(k, cells[3]);
    }
    for (const [key, spec] of Object.entries(SETTINGS_KEYS))
      expect([key, stated.get(key)]).toEqual([key, rangeText(spec.range)]);
  });
});
