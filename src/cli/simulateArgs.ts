import type { Lang } from "../core/i18n/lang";

/** The `livestock simulate` command line, parsed. */
export interface SimulateArgs {
  readonly input?: string;
  readonly output?: string;
  readonly weeks?: number;
  readonly seed: number;
  readonly runs: number;
  readonly lang: Lang;
  readonly help: boolean;
}

/**
 * Parses `simulate [world.json|workbook.xlsx] [--weeks N] [--seed N] [--runs N] [-o out.xlsx] [--lang en|zh-CN]`
 * (the leading `simulate` is optional). Returns an English error text for bad arguments.
 *
 * @example parseSimulateArgs(["simulate", "--runs", "5"]) // { runs: 5, seed: 1, lang: "en", … }
 */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs | { readonly error: string } {
  const args = argv[0] === "simulate" ? argv.slice(1) : [...argv];
  let input: string | undefined;
  let output: string | undefined;
  let weeks: number | undefined;
  let seed = 1;
  let runs = 1;
  let lang: Lang = "en";
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    const whole = (min: number, max: number): number | { error: string } => {
      const v = value();
      const n = v === undefined ? NaN : Number(v);
      return Number.isInteger(n) && n >= min && n <= max
        ? n
        : { error: `${flag} needs a whole number from ${min} to ${max}, not “${v ?? ""}”.` };
    };
    switch (flag) {
      case "-o":
      case "--out":
      case "--output": {
        const v = value();
        if (!v) return { error: `${flag} needs a file name.` };
        output = v;
        break;
      }
      case "--weeks":
      case "--seed":
      case "--runs": {
        const n = whole(
          flag === "--seed" ? 0 : 1,
          flag === "--weeks" ? 520 : flag === "--runs" ? 1000 : 2 ** 31,
        );
        if (typeof n !== "number") return n;
        if (flag === "--weeks") weeks = n;
        else if (flag === "--seed") seed = n;
        else runs = n;
        break;
      }
      case "--lang": {
        const v = value();
        if (v !== "en" && v !== "zh-CN") return { error: `--lang must be en or zh-CN, not “${v ?? ""}”.` };
        lang = v;
        break;
      }
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
  return { input, output, weeks, seed, runs, lang, help };
}
