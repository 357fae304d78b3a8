/**
 * Where the first non-finite number (NaN, ±Infinity) in a plan's output is:
 * a path such as `lines[3].weeksOfCover` or `lines[0].reasons[1].params.weeks`,
 * or undefined when every number is finite. Reasons' parameters are walked too,
 * so no sentence can say "NaN weeks of cover". Linear in the plan's size.
 *
 * @example nonFiniteAt({ lines: [{ cost: NaN }] }) // "lines[0].cost"
 */
export function nonFiniteAt(value: unknown, path = ""): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : path || "(value)";
  if (value === null || typeof value !== "object") return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = nonFiniteAt(value[i], `${path}[${i}]`);
      if (at !== undefined) return at;
    }
    return undefined;
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === "function") continue;
    const at = nonFiniteAt(v, path ? `${path}.${key}` : key);
    if (at !== undefined) return at;
  }
  return undefined;
}

/** A plan held a number that is not finite: a bug of ours, never a result to write. */
export class NonFinitePlanError extends Error {
  constructor(readonly path: string) {
    super(`Internal error: the plan holds a number that is not finite at ${path}; nothing was written.`);
    this.name = "NonFinitePlanError";
  }
}

/**
 * The plan itself, or a NonFinitePlanError naming the first non-finite number in it.
 *
 * @example assertFinitePlan(runPlan(input, planDate, settings)).summary
 * @throws NonFinitePlanError when any number of the plan is NaN or ±Infinity
 */
export function assertFinitePlan<T>(plan: T): T {
  const at = nonFiniteAt(plan);
  if (at !== undefined) throw new NonFinitePlanError(at);
  return plan;
}
