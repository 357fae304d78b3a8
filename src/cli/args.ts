import type { Lang } from "../core/i18n/lang";
import { dayFromIso, type Day } from "../core/time/day";

/** The `livestock plan` command line, parsed. */
export interface PlanArgs {
  readonly input?: string;
  readonly output?: string;
  readonly planDate?: Day;
  readonly lang: Lang;
  readonly skipInvalid: boolean;
  readonly help: boolean;
  /** Print the stack trace of an error after its one-line message. */
  readonly debug: boolean;
}

/**
 * Parses `plan [in.xlsx] [-o out.xlsx] [--date YYYY-MM-DD] [--lang en|zh-CN] [--skip-invalid] [--debug]`
 * (the leading `plan` is optional). Returns an English error text for bad arguments: an
 * unknown option, a missing or unknown value, and a value given to a switch
 * (`--skip-invalid=no` is refused, never read as `--skip-invalid`).
 *
 * @example parsePlanArgs(["plan", "in.xlsx", "--lang", "zh-CN"]) // { input: "in.xlsx", lang: "zh-CN", … }
 */
export function parsePlanArgs(argv: readonly string[]): PlanArgs | { readonly error: string } {
  const args = argv[0] === "plan" ? argv.slice(1) : [...argv];
  let input: string | undefined;
  let output: string | undefined;
  let planDate: Day | undefined;
  let lang: Lang = "en";
  let skipInvalid = false;
  let help = false;
  let debug = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    const isSwitch = ["--skip-invalid", "--debug", "-h", "--help"].includes(flag);
    if (isSwitch && inline !== undefined) return { error: `${flag} takes no value (got “${arg}”).` };
    switch (flag) {
      case "-o":
      case "--out":
      case "--output": {
        const v = value();
        if (!v || (inline === undefined && v.startsWith("-")))
          return { error: `${flag} needs a file name${v ? `, not the option ${v}` : ""}.` };
        output = v;
        break;
      }
      case "--date": {
        const v = value();
        const d = v === undefined ? undefined : dayFromIso(v);
        if (d === undefined) return { error: `--date needs a date as YYYY-MM-DD, not “${v ?? ""}”.` };
        planDate = d;
        break;
      }
      case "--lang": {
        const v = value();
        if (v !== "en" && v !== "zh-CN") return { error: `--lang must be en or zh-CN, not “${v ?? ""}”.` };
        lang = v;
        break;
      }
      case "--skip-invalid":
        skipInvalid = true;
        break;
      case "--debug":
        debug = true;
        break;
      case "-h":
      case "--help":
        help = true;
        break;
      default:
        if (arg.startsWith("-")) return { error: `Unknown option ${arg}.` };
        if (input !== undefined)
          return { error: `Only one input file, please (got “${input}” and “${arg}”).` };
        input = arg;
    }
  }
  return { input, output, planDate, lang, skipInvalid, help, debug };
}
