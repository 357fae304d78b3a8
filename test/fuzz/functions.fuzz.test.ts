import fc from "fast-check";
import { ErrorCode, ExcelError, loadBuiltFunctions, type LoadedFunctions } from "../helpers/builtFunctions";

/*
 * A fuzz of every custom function through the BUILT dist/functions.js and
 * functions.json (run `npm run build` first), with arguments shaped as Excel
 * passes them: numbers (extremes, NaN and ±Infinity included), numbers typed as
 * text, other text, booleans, blanks (null and ""), error values, and ranges as
 * columns, rows, 2-D and ragged blocks. Each call must return a value of the
 * declared shape or an Excel error, and hold the function's invariants.
 *
 * FUNCTION_FUZZ_RUNS calls per function: 300 in `npm test`, 2,000 with `npm run fuzz` (or `fuzz:functions`).
 */

const RUNS = Number(process.env.FUNCTION_FUZZ_RUNS ?? 300);
const TIMEOUT_MS = 30_000 + 60 * RUNS;

let fx: LoadedFunctions;
beforeAll(async () => {
  fx = await loadBuiltFunctions({ isolation: "realm" });
});

type Cell = unknown;
type Range = Cell[][];

// ---- Excel-shaped values ------------------------------------------------------------------

const EXTREMES = [0, -0, 1, -1, 0.5, 0.9, 0.999999, 1e-300, 5e-324, 1e9, 1e15, 2 ** 53, 9e307, 1e308, -1e308];
const extreme = fc.constantFrom(...EXTREMES);
/** Excel never passes NaN or ±Infinity, but the contract says what they give (#NUM!). */
const anyDouble = fc.double();
const wildNumber = fc.oneof(extreme, anyDouble, fc.integer({ min: -1000, max: 1000 }));
const numberText = fc.constantFrom("12", " 1e3 ", "0.5", "-3", "1,000", "0x10", "Infinity", "8%", "1e999");
const otherText = fc.oneof(
  fc.constantFrom("abc", "#N/A", "-", "无", "=1+1", "TRUE", "SEA", "AIR"),
  fc.string({ maxLength: 6 }),
);
const blank = fc.constantFrom<Cell>(null, "", " ");
const errorValue = fc
  .constantFrom(
    ErrorCode.notAvailable,
    ErrorCode.invalidValue,
    ErrorCode.divisionByZero,
    ErrorCode.invalidNumber,
  )
  .map((code) => new ExcelError(code));
/** Anything Excel can put in a cell. */
const wildCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: wildNumber },
  { weight: 2, arbitrary: numberText },
  { weight: 2, arbitrary: otherText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: blank },
  { weight: 1, arbitrary: errorValue },
);

/** A value that is usually right for its argument, sometimes anything at all. */
const mostly = <T>(good: fc.Arbitrary<T>, weight = 12): fc.Arbitrary<unknown> =>
  fc.oneof({ weight, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wildCell });

const column = (xs: readonly Cell[]): Range => xs.map((x) => [x]);

/** A range of `cell`s: a column, a row, a 2-D block or a ragged one. */
const rangeOf = (cell: fc.Arbitrary<Cell>, maxLength: number): fc.Arbitrary<Range> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(cell, { minLength: 1, maxLength }).map(column) },
    { weight: 3, arbitrary: fc.array(cell, { minLength: 1, maxLength }).map((xs) => [xs]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
        .chain(([rows, cols]) =>
          fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
            minLength: rows,
            maxLength: rows,
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
    },
  );

/** A range that is usually a column or row of good cells, with the odd wild cell or shape. */
const goodRange = (cell: fc.Arbitrary<Cell>, maxLength: number, wildWeight = 1): fc.Arbitrary<Range> =>
  fc.oneof(
    { weight: 10, arbitrary: fc.array(cell, { minLength: 1, maxLength }).map(column) },
    { weight: 4, arbitrary: fc.array(cell, { minLength: 1, maxLength }).map((xs) => [xs]) },
    { weight: wildWeight, arbitrary: rangeOf(wildCell, maxLength) },
    { weight: wildWeight, arbitrary: rangeOf(mostly(cell, 6), maxLength) },
  );

const quantity = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1e4, noNaN: true }));
const signedQuantity = fc.oneof(quantity, fc.integer({ min: -500, max: 0 }));
const weeks = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 30, noNaN: true }));
const probability = fc.double({ min: 0.01, max: 0.99, noNaN: true });
const optional = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: mostly(good) });

// ---- what every result must be -------------------------------------------------------------

const ALLOWED = new Set<string>([ErrorCode.invalidValue, ErrorCode.invalidNumber, ErrorCode.notAvailable]);

/** An Excel error of the contract's codes, with a message where Excel shows one; never an internal error. */
function checkError(e: ExcelError): void {
  expect(ALLOWED.has(e.code)).toBe(true);
  if (e.code !== ErrorCode.invalidNumber) expect(e.message.length).toBeGreaterThan(0);
  // The user's own text is quoted “…” in messages; what is left must hold no unfilled {param}.
  expect(e.message.replace(/“[^”]*”/g, "")).not.toMatch(/internal error|\{\w+\}|undefined|NaN/);
}

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** A spilled result: a non-empty rectangle of finite numbers or text. */
function checkMatrix(v: unknown): unknown[][] {
  expect(Array.isArray(v)).toBe(true);
  const rows = v as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0].length;
  for (const r of rows) {
    expect(Array.isArray(r)).toBe(true);
    expect(r.length).toBe(width);
    for (const c of r) expect(isFiniteNumber(c) || typeof c === "string").toBe(true);
  }
  return rows;
}

/** The number an argument that was accepted stands for (blank → fallback), as the functions read it. */
function accepted(v: unknown, fallback: number): number {
  const x = Array.isArray(v) ? (v as unknown[][])[0][0] : v;
  if (typeof x === "number") return x;
  if (typeof x === "string" && x.trim() !== "") return Number(x);
  return fallback;
}

const stats = new Map<string, { ok: number; errors: number }>();

/**
 * Calls `id` with each generated argument list: an Excel error passes `checkError`, anything
 * else must be `shape`d and hold `invariant`. At least `minOk` of the calls must succeed, so
 * that the invariants are exercised.
 */
function fuzz(
  id: string,
  args: fc.Arbitrary<unknown[]>,
  invariant: (result: unknown, args: unknown[]) => void,
  minOk = 0.2,
): void {
  const count = { ok: 0, errors: 0 };
  stats.set(id, count);
  fc.assert(
    fc.property(args, (a) => {
      const out = fx.call(id, ...a);
      if (out instanceof ExcelError) {
        // An error cell given as a whole argument comes back as itself: Excel answers it without
        // calling the function (no `allowErrorForDataTypeAny`), so it carries no message of ours.
        if (!a.includes(out)) checkError(out);
        count.errors++;
        return;
      }
      expect(out).not.toBeInstanceOf(Error);
      expect(out).not.toBeUndefined();
      invariant(out, a);
      count.ok++;
    }),
    { numRuns: RUNS },
  );
  expect(count.ok + count.errors).toBe(RUNS);
  expect(count.ok).toBeGreaterThanOrEqual(minOk * RUNS);
}

// ---- the functions ---------------------------------------------------------------------------

describe(`custom functions under fuzzing (${RUNS} calls each)`, () => {
  it(
    "RESTOCK_QTY: ≥ 0, whole cases, at least the MOQ",
    () => {
      const args = fc.tuple(
        mostly(signedQuantity),
        mostly(quantity),
        goodRange(quantity, 12),
        mostly(weeks),
        optional(quantity),
        optional(fc.integer({ min: 0, max: 8 })),
        optional(fc.integer({ min: 0, max: 2000 })),
        optional(fc.oneof(fc.integer({ min: 1, max: 48 }), fc.double({ min: 0.1, max: 10, noNaN: true }))),
      );
      fuzz("RESTOCK_QTY", args, (out, a) => {
        expect(isFiniteNumber(out)).toBe(true);
        const qty = out as number;
        expect(qty).toBeGreaterThanOrEqual(0);
        if (qty === 0) return;
        const casePack = accepted(a[7], 1);
        const cases = qty / casePack;
        expect(Math.abs(cases - Math.round(cases))).toBeLessThan(1e-6 * Math.max(1, cases));
        expect(qty).toBeGreaterThanOrEqual(accepted(a[6], 0) * (1 - 1e-12));
      });
    },
    TIMEOUT_MS,
  );

  it(
    "ABC_CLASS: one class per row, blank rows blank, a larger value never a lower class",
    () => {
      const value = fc.oneof(quantity, extreme, fc.constant<Cell>(null));
      const twoColumns = fc
        .array(fc.tuple(value, value), { minLength: 1, maxLength: 15 })
        .map((rows) => rows.map(([x, y]) => [x, y]));
      const args = fc.tuple(
        fc.oneof({ weight: 4, arbitrary: goodRange(value, 20) }, { weight: 1, arbitrary: twoColumns }),
        optional(fc.double({ min: 0.05, max: 0.8, noNaN: true })),
        optional(fc.double({ min: 0.8, max: 1, noNaN: true })),
      );
      fuzz("ABC_CLASS", args, (out, a) => {
        const rows = checkMatrix(out);
        const input = a[0] as Range;
        expect(rows.length).toBe(input.length);
        const isBlank = (c: Cell) => c === null || c === "" || (typeof c === "string" && c.trim() === "");
        rows.forEach((r, i) => {
          expect(r.length).toBe(1);
          expect(["A", "B", "C", ""]).toContain(r[0]);
          expect(r[0] === "").toBe(input[i].every(isBlank));
        });
        if (input.some((r) => r.length !== 1)) return;
        const rank = { A: 0, B: 1, C: 2 } as Record<string, number>;
        const scored = input
          .map((r, i) => ({ v: accepted(r[0], 0), cls: rows[i][0] as string }))
          .filter((x) => x.cls !== "");
        for (const x of scored)
          for (const y of scored) if (x.v > y.v) expect(rank[x.cls]).toBeLessThanOrEqual(rank[y.cls]);
      });
    },
    TIMEOUT_MS,
  );

  it(
    "SAFETY_STOCK: finite, ≥ 0 at a service level of 50 % or more",
    () => {
      const args = fc.tuple(
        goodRange(fc.oneof(quantity, blank), 20),
        mostly(weeks),
        optional(probability),
        optional(fc.double({ min: 0, max: 3, noNaN: true })),
      );
      fuzz("SAFETY_STOCK", args, (out, a) => {
        expect(isFiniteNumber(out)).toBe(true);
        if (accepted(a[2], 0.95) >= 0.5) expect(out as number).toBeGreaterThanOrEqual(0);
      });
    },
    TIMEOUT_MS,
  );

  it(
    "WEEKS_OF_COVER: finite and ≥ 0",
    () => {
      const args = fc.tuple(mostly(signedQuantity), goodRange(quantity, 12));
      fuzz("WEEKS_OF_COVER", args, (out) => {
        expect(isFiniteNumber(out)).toBe(true);
        expect(out as number).toBeGreaterThanOrEqual(0);
      });
    },
    TIMEOUT_MS,
  );

  it(
    "SHIP_MODE: one of the modes listed",
    () => {
      const args = fc.integer({ min: 1, max: 5 }).chain((n) => {
        const list = <T>(cell: fc.Arbitrary<T>) =>
          fc.oneof(
            { weight: 8, arbitrary: fc.array(cell, { minLength: n, maxLength: n }).map(column) },
            { weight: 2, arbitrary: fc.array(cell, { minLength: n, maxLength: n }).map((xs) => [xs]) },
            { weight: 1, arbitrary: rangeOf(wildCell, 5) },
          );
        return fc.tuple(
          mostly(fc.integer({ min: -10, max: 120 })),
          list(mostly(fc.constantFrom("SEA", "AIR", "EXPRESS", "TRANSFER", "rail", " sea "), 20)),
          list(mostly(fc.integer({ min: 0, max: 90 }), 20)),
          list(mostly(quantity, 20)),
        );
      });
      fuzz("SHIP_MODE", args, (out, a) => {
        expect(typeof out).toBe("string");
        const names = (a[1] as Range).flat().map((c) => String(c).trim());
        expect(names).toContain(out);
      });
    },
    TIMEOUT_MS,
  );

  it(
    "FORECAST_WEEKLY: `horizon` forecasts in a column, each ≥ 0",
    () => {
      const args = fc.tuple(
        goodRange(fc.oneof({ weight: 8, arbitrary: quantity }, { weight: 1, arbitrary: blank }), 60),
        mostly(fc.integer({ min: 1, max: 60 })),
        optional(fc.constantFrom(1, 2, 4, 12, 52)),
      );
      fuzz("FORECAST_WEEKLY", args, (out, a) => {
        const rows = checkMatrix(out);
        expect(rows.length).toBe(accepted(a[1], NaN));
        for (const r of rows) {
          expect(r.length).toBe(1);
          expect(isFiniteNumber(r[0])).toBe(true);
          expect(r[0] as number).toBeGreaterThanOrEqual(0);
        }
      });
    },
    TIMEOUT_MS,
  );

  it(
    "LIVE_UNITS: finite, ≥ 0, whole units for a percentile",
    () => {
      const args = fc.integer({ min: 1, max: 25 }).chain((n) => {
        const list = <T>(cell: fc.Arbitrary<T>) =>
          fc.oneof(
            { weight: 10, arbitrary: fc.array(cell, { minLength: n, maxLength: n }).map(column) },
            { weight: 1, arbitrary: rangeOf(wildCell, 5) },
          );
        return fc.tuple(
          mostly(fc.integer({ min: 0, max: 200_000 })),
          mostly(fc.double({ min: 0, max: 20, noNaN: true })),
          list(mostly(fc.integer({ min: 0, max: 5000 }), 30)),
          list(mostly(fc.integer({ min: 0, max: 200_000 }), 30)),
          list(mostly(fc.double({ min: 0, max: 20, noNaN: true }), 30)),
          optional(probability),
        );
      });
      fuzz("LIVE_UNITS", args, (out, a) => {
        expect(isFiniteNumber(out)).toBe(true);
        expect(out as number).toBeGreaterThanOrEqual(0);
        if (a[5] !== null && accepted(a[5], NaN) > 0) expect(Number.isInteger(out)).toBe(true);
      });
    },
    TIMEOUT_MS,
  );

  it("covered every function in functions.json", () => {
    expect([...stats.keys()].sort()).toEqual(fx.metadata.functions.map((f) => f.id).sort());
  });
});
