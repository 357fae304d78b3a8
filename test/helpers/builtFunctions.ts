import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

/**
 * Loads the BUILT custom functions the way Excel's runtime does: `dist/functions.js`
 * is run in a bare context whose only globals are a `CustomFunctions` that
 * records `associate` calls (no window, document, fetch or XMLHttpRequest, so
 * touching the DOM or the network fails the load), and each call goes through
 * `dist/functions.json`: arguments are checked against the declared parameters,
 * omitted optional ones arrive as null, and a parameter declared `number` gets
 * Excel's own conversion (text it cannot read is a bare #VALUE!), as Excel sends them.
 * Run `npm run build` first (`npm test` does).
 */

export const DIST = path.resolve(__dirname, "../../dist");

/** Excel's error codes, as the CustomFunctions runtime defines them. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** What the runtime's `CustomFunctions.Error` carries. */
export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }
}

interface ParamMeta {
  name: string;
  description: string;
  type: string;
  dimensionality?: "matrix" | "scalar";
  optional?: boolean;
}
export interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  parameters: ParamMeta[];
  result: { type: string; dimensionality?: string };
}

export interface LoadedFunctions {
  readonly metadata: { functions: FunctionMeta[] };
  readonly associated: ReadonlyMap<string, (...args: unknown[]) => unknown>;
  /** Calls function `id` as Excel would; returns the value or the ExcelError it threw. */
  call(id: string, ...args: unknown[]): unknown;
}

export interface LoadOptions {
  /** Office's display language seen by the runtime (undefined: no Office, as in Node). */
  displayLanguage?: string;
  /**
   * "context" (tests): a fresh V8 context with only the runtime's globals, proof that loading
   * touches no DOM or network. "realm" (benchmarks): this realm, with the browser and network
   * globals shadowed as undefined — a vm context makes every global lookup (Math, Number)
   * go through an interceptor, tens of times slower than Excel's runtime.
   */
  isolation?: "context" | "realm";
}

const SHADOWED = ["window", "document", "fetch", "XMLHttpRequest", "WebSocket", "navigator", "Office"];

export async function loadBuiltFunctions(options: LoadOptions = {}): Promise<LoadedFunctions> {
  const code = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
    functions: FunctionMeta[];
  };
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate(id: string, fn: (...args: unknown[]) => unknown) {
        associated.set(id, fn);
      },
      Error: ExcelError,
      ErrorCode,
    },
    console,
  };
  if (options.displayLanguage !== undefined)
    sandbox.Office = {
      onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      context: { displayLanguage: options.displayLanguage },
    };
  if (options.isolation === "realm") {
    const names = [...new Set([...SHADOWED, ...Object.keys(sandbox)])];
    new Function(...names, code)(...names.map((n) => sandbox[n]));
  } else vm.runInNewContext(code, vm.createContext(sandbox), { filename: "functions.js" });
  await new Promise((resolve) => setImmediate(resolve));

  const byId = new Map(metadata.functions.map((f) => [f.id, f]));
  return {
    metadata,
    associated,
    call(id, ...args) {
      const meta = byId.get(id);
      const fn = associated.get(id);
      if (!meta || !fn) throw new Error(`${id} is not in functions.json or was not associated`);
      if (args.length > meta.parameters.length)
        throw new Error(`${id} takes ${meta.parameters.length} arguments`);
      const full = meta.parameters.map((p, i) => {
        if (i >= args.length && !p.optional) throw new Error(`${id}: ${p.name} is required`);
        const a = i < args.length ? args[i] : null;
        if (p.dimensionality === "matrix" && a !== null && !(Array.isArray(a) && a.every(Array.isArray)))
          throw new Error(`${id}: Excel passes ${p.name} as a 2-D array`);
        return p.type === "number" ? asExcelNumber(a) : a;
      });
      // Excel answers a parameter declared `number` that it cannot convert with a bare #VALUE!,
      // without calling the function: our messages never get there.
      const rejected = full.find((a) => a instanceof ExcelError);
      if (rejected) return rejected;
      try {
        return fn(...full);
      } catch (e) {
        return e;
      }
    },
  };
}

/** What Excel passes to a parameter declared `number`: it converts text and booleans itself. */
function asExcelNumber(a: unknown): unknown {
  if (a === null || typeof a === "number") return a;
  if (typeof a === "boolean") return a ? 1 : 0;
  if (typeof a === "string" && a.trim() !== "" && Number.isFinite(Number(a))) return Number(a);
  return new ExcelError(ErrorCode.invalidValue);
}

/** A column range as Excel passes it: [[a], [b], …]. */
export const column = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);
/** A row range as Excel passes it: [[a, b, …]]. */
export const row = (...xs: unknown[]): unknown[][] => [xs];

/**
 * Asserts that `v` is the Excel error `code`; a message matching `message` when given.
 * #VALUE! and #N/A must always carry a message (the contract: Excel shows it).
 */
export function expectExcelError(v: unknown, code: string, message?: RegExp): void {
  expect(v).toBeInstanceOf(ExcelError);
  const e = v as ExcelError;
  expect(e.code).toBe(code);
  if (message) expect(e.message).toMatch(message);
  if (code === "#VALUE!" || code === "#N/A") expect(e.message.length).toBeGreaterThan(0);
}
