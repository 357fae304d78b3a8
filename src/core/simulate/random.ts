/**
 * The simulator's random source: a seeded generator (mulberry32) with the few
 * distributions the world draws from, and one independent stream per purpose,
 * so that what one policy does never shifts another purpose's draws (common
 * random numbers: every policy meets the same demand, streams and lead times).
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * Uniform in [0, 1).
   *
   * @example new Rng(1).next() // 0.6270739405881613
   */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * A whole number in [min, max], uniformly.
   *
   * @example new Rng(1).int(3, 3) // 3
   */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /**
   * Standard normal (Box–Muller): mean 0, standard deviation 1.
   *
   * @example new Rng(1).normal() // a draw of N(0, 1)
   */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Log-normal with median `median` and log-scale spread `sigma`: median·e^(σ·Z).
   *
   * @example new Rng(1).logNormal(10, 0) // 10
   */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /**
   * Gamma of shape k and scale θ (mean kθ), Marsaglia–Tsang; shape < 1 by the boost
   * Gamma(k) = Gamma(k + 1)·U^(1/k).
   *
   * @example new Rng(1).gamma(4, 2.5) // a draw with mean 10 and variance 25
   */
  gamma(shape: number, scale: number): number {
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(this.next() || Number.MIN_VALUE, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v)))
        return d * v * scale;
    }
  }

  /**
   * Poisson count of mean λ: Knuth's product below 30, the rounded normal
   * approximation (λ + √λ·Z) above, where its error is below a unit in most draws.
   *
   * @example new Rng(1).poisson(0) // 0
   */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /**
   * Negative binomial count with mean μ and size r (variance μ + μ²/r), as the
   * gamma–Poisson mixture Poisson(Gamma(r, μ/r)); r = ∞ is Poisson.
   *
   * @example new Rng(1).negativeBinomial(0, 3) // 0
   */
  negativeBinomial(mean: number, size: number): number {
    if (!(mean > 0)) return 0;
    if (!Number.isFinite(size)) return this.poisson(mean);
    return this.poisson(this.gamma(size, mean / size));
  }
}

/** What a stream of draws is for; each purpose has its own sequence. */
export type RandomPurpose =
  "demand" | "streams" | "viewers" | "streamUnits" | "leadTimes" | "production" | "history";

const PURPOSES: readonly RandomPurpose[] = [
  "demand",
  "streams",
  "viewers",
  "streamUnits",
  "leadTimes",
  "production",
  "history",
];

/** One independent generator per purpose. */
export type RandomStreams = Readonly<Record<RandomPurpose, Rng>>;

/** A 32-bit mix (splitmix32's finaliser), so nearby seeds give unrelated streams. */
function mix(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * The generators of one simulated run: seed = mix(seed, run, purpose), so run 2
 * of seed 7 is the same on every machine and its demand does not depend on how
 * many lead times were drawn.
 *
 * @example randomStreams(7, 0).demand.next() === randomStreams(7, 0).demand.next() // true
 */
export function randomStreams(seed: number, run: number): RandomStreams {
  const out = {} as Record<RandomPurpose, Rng>;
  PURPOSES.forEach((p, i) => {
    out[p] = new Rng(mix(mix(mix(seed >>> 0) ^ (run + 1)) ^ ((i + 1) * 0x27d4eb2d)));
  });
  return out;
}
