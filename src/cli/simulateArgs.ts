import { parseCommandLine, type ArgError, type CommonArgs } from "./commandLine";

/** The `livestock simulate` command line, parsed. */
export interface SimulateArgs extends CommonArgs {
  readonly weeks?: number;
  readonly seed: number;
  readonly runs: number;
  /** Days after Monday (1 = Tuesday … 6 = Sunday) the LiveStock plan runs again (`--replan`). */
  readonly replanDays: readonly number[];
}

/** `--replan`'s day names, as days after Monday. */
const WEEKDAYS: Readonly<Record<string, number>> = { tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

/** The whole-number options and their ranges. */
const COUNTS = {
  "--weeks": { min: 1, max: 520 },
  "--seed": { min: 0, max: 2 ** 31 },
  "--runs": { min: 1, max: 1000 },
} as const;

/**
 * Parses `simulate [world.json|workbook.xlsx] [--weeks N] [--seed N] [--runs N] [--replan thu,…]
 * [-o out.xlsx] [--lang en|zh-CN] [--debug]` (the leading `simulate` is optional), with the
 * grammar `plan` uses. `--replan` names the days after Monday (tue … sun) on which the LiveStock
 * plan runs again. Returns an English error text for bad arguments.
 *
 * @example parseSimulateArgs(["simulate", "--runs", "5", "--replan", "thu"]) // { runs: 5, seed: 1, replanDays: [3], lang: "en", … }
 */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs | ArgError {
  const counts: Partial<Record<keyof typeof COUNTS, number>> = {};
  const replanDays: number[] = [];
  const common = parseCommandLine(argv, "simulate", {
    option(flag, value) {
      if (flag === "--replan") {
        const v = value() ?? "";
        for (const name of v.split(",")) {
          const day = WEEKDAYS[name.trim().toLowerCase()];
          if (day === undefined)
            return `--replan needs days after Monday (tue, wed, thu, fri, sat, sun), comma-separated, not “${v}”.`;
          if (!replanDays.includes(day)) replanDays.push(day);
        }
        return null;
      }
      if (!(flag in COUNTS)) return undefined;
      const { min, max } = COUNTS[flag as keyof typeof COUNTS];
      const v = value();
      const n = v === undefined ? NaN : Number(v);
      if (!(Number.isInteger(n) && n >= min && n <= max))
        return `${flag} needs a whole number from ${min} to ${max}, not “${v ?? ""}”.`;
      counts[flag as keyof typeof COUNTS] = n;
      return null;
    },
  });
  if ("error" in common) return common;
  return {
    ...common,
    ...(counts["--weeks"] !== undefined ? { weeks: counts["--weeks"] } : {}),
    seed: counts["--seed"] ?? 1,
    runs: counts["--runs"] ?? 1,
    replanDays: replanDays.sort((a, b) => a - b),
  };
}
