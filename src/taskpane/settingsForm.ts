import type { AbcClass } from "../core/data/model";
import { findTables } from "../core/data/findTables";
import { parseText } from "../core/data/cells";
import type { RawTable } from "../core/data/table";
import type { MessageKey, MessageParams } from "../core/i18n";
import { settingsFrom, type PlanSettings } from "../core/plan";

/** One number of the settings panel: its Settings-table key, label and bounds. */
export interface SettingField {
  /** The Settings table key (`service_level_a`, …). */
  readonly key: string;
  readonly label: MessageKey;
  readonly params?: MessageParams;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly get: (s: PlanSettings) => number;
  /** The settings with this field set to `v`, other fields unchanged. */
  readonly set: (s: PlanSettings, v: number) => PlanSettings;
}

const classes: readonly AbcClass[] = ["A", "B", "C"];

const perClass = (
  field: "serviceLevel" | "baseWeeks",
  label: MessageKey,
  prefix: string,
  bounds: { min: number; max: number; step: number },
): SettingField[] =>
  classes.map((cls) => ({
    key: `${prefix}_${cls.toLowerCase()}`,
    label,
    params: { cls },
    ...bounds,
    get: (s) => s[field][cls],
    set: (s, v) => ({ ...s, [field]: { ...s[field], [cls]: v } }),
  }));

/** The panel's fields, in the order shown. */
export const SETTING_FIELDS: readonly SettingField[] = [
  {
    key: "horizon_weeks",
    label: "settingHorizon",
    min: 1,
    max: 52,
    step: 1,
    get: (s) => s.horizonWeeks,
    set: (s, v) => ({ ...s, horizonWeeks: v }),
  },
  ...perClass("serviceLevel", "settingServiceLevel", "service_level", { min: 0.5, max: 0.999, step: 0.01 }),
  ...perClass("baseWeeks", "settingTierWeeks", "base_weeks", { min: 0, max: 26, step: 0.5 }),
  ...(["A", "B"] as const).map((cls): SettingField => ({
    key: `pre_stream_weeks_${cls.toLowerCase()}`,
    label: "settingPreStreamWeeks",
    params: { cls },
    min: 0,
    max: 26,
    step: 0.5,
    get: (s) => s.preStreamWeeks[cls],
    set: (s, v) => ({ ...s, preStreamWeeks: { ...s.preStreamWeeks, [cls]: v } }),
  })),
  {
    key: "abc_a_cutoff",
    label: "settingAbcA",
    min: 0.05,
    max: 0.99,
    step: 0.05,
    get: (s) => s.aCutoff,
    set: (s, v) => ({ ...s, aCutoff: v }),
  },
  {
    key: "abc_b_cutoff",
    label: "settingAbcB",
    min: 0.05,
    max: 0.999,
    step: 0.05,
    get: (s) => s.bCutoff,
    set: (s, v) => ({ ...s, bCutoff: v }),
  },
  {
    key: "emergency_budget",
    label: "settingEmergencyBudget",
    min: 0,
    max: 1e9,
    step: 100,
    get: (s) => s.emergencyBudget,
    set: (s, v) => ({ ...s, emergencyBudget: v }),
  },
];

const normalizeKey = (k: string): string => k.toLowerCase().replace(/[\s_]+/g, "");

/** The workbook's Settings table: its rows as the planner reads them, and the keys it sets (normalized). */
export function workbookSettings(tables: readonly RawTable[]): {
  settings: PlanSettings;
  keys: ReadonlySet<string>;
} {
  const found = findTables(tables).tables.get("Settings");
  const rows = new Map<string, string | number>();
  if (found) {
    const [keyAt, valueAt] = found.columns;
    for (const row of found.raw.rows) {
      const key = keyAt >= 0 ? parseText(row[keyAt] ?? null) : undefined;
      const value = valueAt >= 0 ? row[valueAt] : null;
      if (key !== undefined && (typeof value === "number" || typeof value === "string")) rows.set(key, value);
    }
  }
  const { settings, problems } = settingsFrom(rows);
  const rejected = new Set(problems.map((p) => normalizeKey(p.key)));
  const keys = new Set([...rows.keys()].map(normalizeKey).filter((k) => !rejected.has(k)));
  return { settings, keys };
}

/** True when the workbook's Settings table sets this field (it then wins over the panel). */
export const setByWorkbook = (field: SettingField, keys: ReadonlySet<string>): boolean =>
  keys.has(normalizeKey(field.key));

/**
 * What the panel changes against the workbook: each top-level setting the
 * user edited, whole (the planner merges overrides field by field), leaving
 * out what the workbook's Settings table sets.
 */
export function settingsOverrides(
  edited: PlanSettings,
  fromWorkbook: PlanSettings,
  keys: ReadonlySet<string>,
): Partial<PlanSettings> {
  let merged = fromWorkbook;
  for (const field of SETTING_FIELDS) {
    if (!setByWorkbook(field, keys)) merged = field.set(merged, field.get(edited));
  }
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(merged) as (keyof PlanSettings)[]) {
    if (JSON.stringify(merged[name]) !== JSON.stringify(fromWorkbook[name])) out[name] = merged[name];
  }
  return out as Partial<PlanSettings>;
}
