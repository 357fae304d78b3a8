import { InputError } from "../errors";
import type { AbcClass } from "../data/model";

/** The default cumulative-share cutoffs of DESIGN.md: A up to 70 %, B up to 90 %. */
export const DEFAULT_A_CUTOFF = 0.7;
export const DEFAULT_B_CUTOFF = 0.9;

/**
 * ABC classification by contribution (Pareto analysis).
 *
 * Items are ranked by score, descending. With S = Σ of the positive scores and
 * `above(i)` = Σ of the scores strictly greater than item i's:
 *   A if above(i)/S < aCutoff, else B if above(i)/S < bCutoff, else C.
 * So the item that crosses a cutoff joins the upper class, and equal scores
 * always share a class. A score ≤ 0 is C; a missing score (`null`) is `null`.
 * A share within 1e-9 of a cutoff counts as reaching it. Shares are computed on scores
 * divided by the largest, so finite scores never overflow (1e308 twice is A, A).
 *
 * Scores are typically revenue; `abcScores` turns (sales, profit) pairs into one.
 *
 * @param scores one score per item (any unit; only shares matter), or null for a blank item
 * @param aCutoff cumulative share that closes class A, in (0, 1]
 * @param bCutoff cumulative share that closes class B, in [aCutoff, 1]
 * @returns the class of each item, in the input's order
 * @throws InputError("num") for a cutoff out of range or b below a
 * @example abcClasses([500, 300, 100, 60, 40], 0.8, 0.95) // ["A", "A", "B", "B", "C"]
 */
export function abcClasses(
  scores: readonly (number | null)[],
  aCutoff: number = DEFAULT_A_CUTOFF,
  bCutoff: number = DEFAULT_B_CUTOFF,
): (AbcClass | null)[] {
  if (!(aCutoff > 0 && aCutoff <= 1)) throw new InputError("num", "cutoffRange", { param: "a_cutoff" });
  if (!(bCutoff > 0 && bCutoff <= 1)) throw new InputError("num", "cutoffRange", { param: "b_cutoff" });
  if (bCutoff < aCutoff) throw new InputError("num", "cutoffsOutOfOrder", { a: aCutoff, b: bCutoff });

  const positive: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s !== null && s > 0) positive.push(i);
  }
  positive.sort((i, j) => (scores[j] as number) - (scores[i] as number));
  // Shares are taken of scores divided by the largest, so sums of values near 1e308 cannot overflow.
  const scale = positive.length > 0 ? (scores[positive[0]] as number) : 1;
  let total = 0;
  for (const i of positive) total += (scores[i] as number) / scale;

  const out: (AbcClass | null)[] = scores.map((s) => (s === null ? null : "C"));
  let above = 0;
  let k = 0;
  while (k < positive.length) {
    const value = scores[positive[k]] as number;
    // A share within 1e-9 of a cutoff reaches it: sums of floating shares must not flip a class.
    const share = above / total + 1e-9;
    const cls: AbcClass = share < aCutoff ? "A" : share < bCutoff ? "B" : "C";
    let groupSum = 0;
    while (k < positive.length && scores[positive[k]] === value) {
      out[positive[k]] = cls;
      groupSum += value / scale;
      k++;
    }
    above += groupSum;
  }
  return out;
}

/**
 * One score per item from several contribution columns (e.g. sales and profit):
 * the mean of the item's share of each column's total of positive values.
 *   score(i) = (1/m) Σ_c value(i, c) / Σ_j max(value(j, c), 0)
 * A column whose positive total is 0 contributes nothing. A blank item stays null.
 * Values are scaled by their column's largest first, so any finite values give finite shares.
 *
 * @param rows one array of m values per item (blank cells as 0), or null for a blank item
 * @returns scores in [−∞, 1], comparable across items
 * @example abcScores([[100, 10], [300, 30]]) // [0.25, 0.75]
 */
export function abcScores(rows: readonly (readonly number[] | null)[]): (number | null)[] {
  const width = rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  // Each column is divided by its largest value before summing, so totals of values near 1e308
  // stay finite (a total of Infinity would make every share 0 and every item C).
  const largest = new Array<number>(width).fill(0);
  for (const r of rows) if (r) r.forEach((v, c) => v > largest[c] && (largest[c] = v));
  const totals = new Array<number>(width).fill(0);
  for (const r of rows) if (r) r.forEach((v, c) => v > 0 && (totals[c] += v / largest[c]));
  return rows.map((r) => {
    if (!r) return null;
    let sum = 0;
    for (let c = 0; c < width; c++) if (totals[c] > 0) sum += (r[c] ?? 0) / largest[c] / totals[c];
    return sum / width;
  });
}
