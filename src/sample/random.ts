import { Rng } from "../core/simulate/random";

/**
 * A seeded pseudo-random generator and the few distributions the sample seller
 * needs: the simulator's `Rng` (mulberry32, same seed, same sequence on every
 * machine and in the browser, so the sample workbook is reproducible byte for
 * byte) and three helpers of its own.
 */
export class Random extends Rng {
  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `k` distinct items of `items`, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }
}
