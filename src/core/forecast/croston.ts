/** The state of a Croston-type method after the history: the per-period demand rate and its in-sample errors. */
export interface IntermittentFit {
  /** Forecast demand per period (flat over the horizon). */
  readonly rate: number;
  /** Sum of squared one-step errors over the periods after the first demand. */
  readonly sse: number;
  /** Number of periods in `sse`. */
  readonly count: number;
}

/**
 * Croston's method: demand size z and interval p between demands are each
 * smoothed with α when a demand occurs; the rate is z/p (Croston 1972).
 * Initialisation (pinned): z₀ = the first non-zero demand, p₀ = its period
 * number counted from 1 (the interval since a demand just before the history);
 * updates start at the second demand. All zeros → rate 0.
 *
 * @example crostonRate([0, 0, 5, 0, 0, 0, 4, 0, 3, 0], 0.1).rate // ≈ 1.5753
 */
export function crostonRate(y: readonly number[], alpha: number): IntermittentFit {
  return croston(y, alpha, 1);
}

/**
 * The Syntetos–Boylan approximation: Croston's rate times (1 − α/2), which
 * removes Croston's upward bias (Syntetos & Boylan 2005). Same initialisation as {@link crostonRate}.
 *
 * @example sbaRate([0, 0, 5, 0, 0, 0, 4, 0, 3, 0], 0.1).rate // ≈ 1.4965
 */
export function sbaRate(y: readonly number[], alpha: number): IntermittentFit {
  return croston(y, alpha, 1 - alpha / 2);
}

function croston(y: readonly number[], alpha: number, factor: number): IntermittentFit {
  let size = 0;
  let interval = 0;
  let sinceLast = 0;
  let started = false;
  let sse = 0;
  let count = 0;
  for (const v of y) {
    sinceLast++;
    if (started) {
      const e = v - (factor * size) / interval;
      sse += e * e;
      count++;
    }
    if (v > 0) {
      if (!started) {
        size = v;
        interval = sinceLast;
        started = true;
      } else {
        size += alpha * (v - size);
        interval += alpha * (sinceLast - interval);
      }
      sinceLast = 0;
    }
  }
  return { rate: started ? (factor * size) / interval : 0, sse, count };
}

/**
 * Teunter–Syntetos–Babai (2011): the probability d of a demand is smoothed
 * every period with β (towards 1 or 0), the size z only when a demand occurs
 * with α; the rate is d·z, so a run of zeros lowers it (obsolescence).
 * Initialisation (pinned): z₀ = the first non-zero demand, d₀ = 1/(its period
 * number counted from 1); updates start the period after it. All zeros → rate 0.
 *
 * @example tsbRate([0, 0, 5, 0, 0, 0, 4, 0, 3, 0], 0.1, 0.1).rate // ≈ 1.5182
 */
export function tsbRate(y: readonly number[], alpha: number, beta: number): IntermittentFit {
  let size = 0;
  let probability = 0;
  let started = false;
  let sse = 0;
  let count = 0;
  for (let t = 0; t < y.length; t++) {
    const v = y[t];
    if (!started) {
      if (v > 0) {
        size = v;
        probability = 1 / (t + 1);
        started = true;
      }
      continue;
    }
    const e = v - probability * size;
    sse += e * e;
    count++;
    probability += beta * ((v > 0 ? 1 : 0) - probability);
    if (v > 0) size += alpha * (v - size);
  }
  return { rate: started ? probability * size : 0, sse, count };
}
