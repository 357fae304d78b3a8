import type { Lang } from "../core/i18n/lang";

/** A bad command line, in English (the language flag may be the bad part). */
export type ArgError = { readonly error: string };

/** What every command takes: one input file, `-o`, `--lang`, `--help` and `--debug`. */
export interface CommonArgs {
  readonly input?: string;
  readonly output?: string;
  readonly lang: Lang;
  readonly help: boolean;
  /** Print the stack trace of an error after its one-line message. */
  readonly debug: boolean;
}

/** A command's own options: `option` handles a flag it knows (null, or an error) and answers undefined for others. */
export interface OwnOptions {
  /** Flags that take no value: `--flag=x` is refused, never read as `--flag`. */
  readonly switches?: readonly string[];
  option(flag: string, value: () => string | undefined): string | null | undefined;
}

const COMMON_SWITCHES = ["--debug", "-h", "--help"];

/**
 * The grammar both commands share: `[command] [file] options…`, an option's
 * value as `--flag value` or `--flag=value`; `-o`/`--out`/`--output`, `--lang
 * en|zh-CN`, `-h`/`--help` and `--debug` for all; the command's own options
 * through `own`. Errors: an unknown option, a missing or bad value, a value
 * given to a switch, a second input file.
 *
 * @example parseCommandLine(["plan", "in.xlsx", "--lang=zh-CN"], "plan", { option: () => undefined })
 *   // { input: "in.xlsx", lang: "zh-CN", help: false, debug: false }
 */
export function parseCommandLine(
  argv: readonly string[],
  command: string,
  own: OwnOptions,
): CommonArgs | ArgError {
  const args = argv[0] === command ? argv.slice(1) : [...argv];
  const switches = [...COMMON_SWITCHES, ...(own.switches ?? [])];
  let input: string | undefined;
  let output: string | undefined;
  let lang: Lang = "en";
  let help = false;
  let debug = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (switches.includes(flag) && inline !== undefined)
      return { error: `${flag} takes no value (got “${arg}”).` };
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
      case "--lang": {
        const v = value();
        if (v !== "en" && v !== "zh-CN") return { error: `--lang must be en or zh-CN, not “${v ?? ""}”.` };
        lang = v;
        break;
      }
      case "--debug":
        debug = true;
        break;
      case "-h":
      case "--help":
        help = true;
        break;
      default: {
        const handled = own.option(flag, value);
        if (typeof handled === "string") return { error: handled };
        if (handled === null) break;
        if (arg.startsWith("-")) return { error: `Unknown option ${arg}.` };
        if (input !== undefined)
          return { error: `Only one input file, please (got “${input}” and “${arg}”).` };
        input = arg;
      }
    }
  }
  return { input, output, lang, help, debug };
}
