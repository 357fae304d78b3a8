import { dayFromIso, type Day } from "../core/time/day";
import { parseCommandLine, type ArgError, type CommonArgs } from "./commandLine";

/** The `livestock plan` command line, parsed. */
export interface PlanArgs extends CommonArgs {
  readonly planDate?: Day;
  readonly skipInvalid: boolean;
}

/**
 * Parses `plan [in.xlsx] [-o out.xlsx] [--date YYYY-MM-DD] [--lang en|zh-CN] [--skip-invalid] [--debug]`
 * (the leading `plan` is optional). Returns an English error text for bad arguments: an
 * unknown option, a missing or unknown value, and a value given to a switch
 * (`--skip-invalid=no` is refused, never read as `--skip-invalid`).
 *
 * @example parsePlanArgs(["plan", "in.xlsx", "--lang", "zh-CN"]) // { input: "in.xlsx", lang: "zh-CN", … }
 */
export function parsePlanArgs(argv: readonly string[]): PlanArgs | ArgError {
  let planDate: Day | undefined;
  let skipInvalid = false;
  const common = parseCommandLine(argv, "plan", {
    switches: ["--skip-invalid"],
    option(flag, value) {
      if (flag === "--skip-invalid") {
        skipInvalid = true;
        return null;
      }
      if (flag !== "--date") return undefined;
      const v = value();
      planDate = v === undefined ? undefined : dayFromIso(v);
      return planDate === undefined ? `--date needs a date as YYYY-MM-DD, not “${v ?? ""}”.` : null;
    },
  });
  return "error" in common ? common : { ...common, planDate, skipInvalid };
}
