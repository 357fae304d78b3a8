import { DEFAULT_SETTINGS, SETTINGS_KEYS, settingsFrom } from "../../../src/core/plan";

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
      "planSettingOutOfRange",
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

  it("documents a key for every setting", () => {
    expect(Object.keys(SETTINGS_KEYS).length).toBeGreaterThanOrEqual(25);
  });
});
