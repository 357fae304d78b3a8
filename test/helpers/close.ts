/** The one float tolerance of the core's tests: relative 1e-9, absolute near zero. */
export function expectClose(actual: number, expected: number, tolerance = 1e-9): void {
  const scale = Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance * scale))
    throw new Error(`expected ${actual} to be within ${tolerance} (relative) of ${expected}`);
}
