/**
 * Nelder–Mead simplex minimisation of `f` from `start`, with initial steps
 * `steps` per coordinate. Deterministic; stops after `maxEvaluations` calls or
 * when the simplex's values agree to `tolerance` (relative). `f` must not keep
 * the array it is given: trial points reuse their arrays.
 * Reference: Nelder & Mead (1965); the standard coefficients 1, 2, ½, ½.
 *
 * @example nelderMead(([x]) => (x - 3) ** 2, [0], [1]).x[0] // ≈ 3
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  steps: readonly number[],
  maxEvaluations = 400,
  tolerance = 1e-8,
): { readonly x: number[]; readonly value: number } {
  const n = start.length;
  const points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += steps[i];
    points.push(p);
  }
  // Typed, not `points.map(f)`: that array holds each value boxed, one allocation per evaluation.
  const values = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) values[k] = f(points[k]);
  let evaluations = n + 1;
  const order = points.map((_, i) => i);
  const centroid = new Array<number>(n);
  // Trial points are written into two spare arrays; a point accepted into the simplex hands the
  // array it replaces back as a spare. A fit tries hundreds of points and allocates none of them.
  let spare = start.slice();
  let spare2 = start.slice();
  const trial = (from: readonly number[], towards: readonly number[], t: number, out: number[]): number[] => {
    for (let i = 0; i < n; i++) out[i] = from[i] + t * (towards[i] - from[i]);
    return out;
  };

  while (evaluations < maxEvaluations) {
    sortByValue(order, values);
    const best = order[0];
    const worst = order[n];
    const secondWorst = order[n - 1];
    const spread = Math.abs(values[worst] - values[best]);
    if (spread <= tolerance * (Math.abs(values[best]) + tolerance)) break;

    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k]];
      for (let i = 0; i < n; i++) centroid[i] += p[i] / n;
    }
    const reflected = trial(centroid, points[worst], -1, spare);
    const fr = f(reflected);
    evaluations++;
    if (fr < values[best]) {
      const expanded = trial(centroid, points[worst], -2, spare2);
      const fe = f(expanded);
      evaluations++;
      if (fe < fr) {
        spare2 = points[worst];
        points[worst] = expanded;
        values[worst] = fe;
      } else {
        spare = points[worst];
        points[worst] = reflected;
        values[worst] = fr;
      }
    } else if (fr < values[secondWorst]) {
      spare = points[worst];
      points[worst] = reflected;
      values[worst] = fr;
    } else {
      const outside = fr < values[worst];
      const contracted = trial(centroid, outside ? reflected : points[worst], 0.5, spare2);
      const fc = f(contracted);
      evaluations++;
      if (fc < (outside ? fr : values[worst])) {
        spare2 = points[worst];
        points[worst] = contracted;
        values[worst] = fc;
      } else {
        for (let k = 1; k <= n; k++) {
          const idx = order[k];
          trial(points[best], points[idx], 0.5, points[idx]);
          values[idx] = f(points[idx]);
          evaluations++;
        }
      }
    }
  }
  let bestIndex = 0;
  for (let k = 1; k <= n; k++) if (values[k] < values[bestIndex]) bestIndex = k;
  return { x: points[bestIndex], value: values[bestIndex] };
}

/**
 * Sorts the simplex's point indices by value, ascending, ties in their current order: the order
 * `Array.prototype.sort` gives (a stable sort) without the work array it allocates on every call
 * (a fit sorts a few hundred times, a plan fits a few hundred series). A NaN value has no order;
 * then the built-in sort decides, as before.
 */
function sortByValue(order: number[], values: Float64Array): void {
  for (const i of order)
    if (Number.isNaN(values[i])) {
      order.sort((a, b) => values[a] - values[b]);
      return;
    }
  for (let k = 1; k < order.length; k++) {
    const index = order[k];
    const value = values[index];
    let j = k - 1;
    while (j >= 0 && values[order[j]] > value) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = index;
  }
}
