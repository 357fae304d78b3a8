import { InputError } from "../errors";
import { countQuantile } from "./countQuantile";
import { expectedUnits, type StreamLevels } from "./expectedUnits";
import { logLinearPowerLaw, poissonPowerLaw, type LawPoint } from "./logLinear";
import type {
  CalibrationBand,
  PowerLaw,
  StreamAccuracy,
  StreamFit,
  StreamModel,
  StreamObservation,
} from "./streamObservation";

/** A SKU's multiplier is pulled toward 1 as if it had this many average streams selling exactly the shop-wide law. */
export const PRIOR_STREAMS = 3;
/** Fewest funnel observations for the funnel variant to be tried. */
const MIN_FUNNEL = 4;
/** Largest history whose accuracy is measured leave-one-out; larger ones use 10-fold cross-validation. */
const LOO_MAX = 200;
const FOLDS = 10;

const usable = (o: StreamObservation): boolean =>
  Number.isFinite(o.viewers) &&
  o.viewers > 0 &&
  Number.isFinite(o.dwellMin) &&
  o.dwellMin > 0 &&
  Number.isFinite(o.units) &&
  o.units >= 0;
const hasFunnel = (o: StreamObservation): boolean =>
  Number.isFinite(o.ctr) &&
  (o.ctr as number) > 0 &&
  Number.isFinite(o.conversion) &&
  (o.conversion as number) > 0;

/** Expected units at or above each edge form a band of the calibration report. */
const BAND_EDGES = [0, 10, 30, 100, 300, 1000] as const;
/** The percentile whose coverage the calibration reports. */
const CALIBRATED = 0.9;

interface Core extends StreamLevels {
  readonly method: "power" | "funnel";
}

const meanOf = (core: StreamLevels, o: StreamObservation): number =>
  expectedUnits(core, o.viewers, o.dwellMin, o.sku, o.warehouse);

/**
 * Multipliers per key (SKU or warehouse) on fitted means: (Σ units + τ)/(Σ fitted + τ), τ = 3
 * average observations' fitted units, so that a key with few observations stays near 1.
 */
function shrunkFactors(
  obs: readonly StreamObservation[],
  fitted: readonly number[],
  keyOf: (o: StreamObservation) => string | undefined,
): Map<string, number> {
  const prior = (PRIOR_STREAMS * fitted.reduce((a, b) => a + b, 0)) / Math.max(1, fitted.length);
  const sums = new Map<string, [number, number]>();
  obs.forEach((o, i) => {
    const key = keyOf(o);
    if (key === undefined) return;
    const s = sums.get(key) ?? [0, 0];
    s[0] += o.units;
    s[1] += fitted[i];
    sums.set(key, s);
  });
  const out = new Map<string, number>();
  for (const [key, [actual, expected]] of sums)
    out.set(key, prior > 0 ? (actual + prior) / (expected + prior) : 1);
  return out;
}

const bySku = (o: StreamObservation) => o.sku;
const byWarehouse = (o: StreamObservation) => o.warehouse;
const NONE: ReadonlyMap<string, number> = new Map();

/**
 * The warehouse and SKU multipliers on a base mean: markets first, then SKUs on top of their
 * market. `baseMeans`, when the caller has them, are each observation's base mean.
 */
function withFactors(
  obs: readonly StreamObservation[],
  base: Omit<Core, "skuFactor" | "warehouseFactor">,
  baseMeans?: readonly number[],
): Core {
  const plain: Core = { ...base, skuFactor: NONE, warehouseFactor: NONE };
  const fitted = baseMeans ?? obs.map((o) => meanOf(plain, o));
  const warehouseFactor = shrunkFactors(obs, fitted, byWarehouse);
  const market = obs.map(
    (o, i) => fitted[i] * (o.warehouse === undefined ? 1 : (warehouseFactor.get(o.warehouse) ?? 1)),
  );
  return { ...base, warehouseFactor, skuFactor: shrunkFactors(obs, market, bySku) };
}

const lawPoint = (o: StreamObservation, m = 1): LawPoint => ({ v: o.viewers, d: o.dwellMin, y: o.units, m });

/** The law refitted with each observation's market level as an offset, then the factors on it. */
function withMarketOffsets(
  obs: readonly StreamObservation[],
  levels: ReadonlyMap<string, number>,
  start: PowerLaw,
): Core {
  const points = obs.map((o) => lawPoint(o, o.warehouse === undefined ? 1 : (levels.get(o.warehouse) ?? 1)));
  return withFactors(obs, { method: "power", shop: poissonPowerLaw(points, start) });
}

/**
 * The sales law with market and SKU levels. Markets of different sizes bias pooled exponents
 * (a small market's small streams look like poor conversion), so with several markets the law
 * is refitted once with each market's level as an offset. Given `start` (the fit on all the
 * data, when cross-validating), its market levels are the offsets and a single fit is made;
 * the levels that predict are still re-estimated on `obs`.
 */
function fitPower(obs: readonly StreamObservation[], start?: Core): Core {
  if (start && start.warehouseFactor.size >= 2)
    return withMarketOffsets(obs, start.warehouseFactor, start.shop);
  const pooled = withFactors(obs, {
    method: "power",
    shop: poissonPowerLaw(
      obs.map((o) => lawPoint(o)),
      start?.shop,
    ),
  });
  if (pooled.warehouseFactor.size < 2) return pooled;
  return withMarketOffsets(obs, pooled.warehouseFactor, pooled.shop);
}

function fitFunnel(obs: readonly StreamObservation[]): Core {
  const ctr = logLinearPowerLaw(obs.map((o) => ({ v: o.viewers, d: o.dwellMin, y: o.ctr as number })));
  const conversion = logLinearPowerLaw(
    obs.map((o) => ({ v: o.viewers, d: o.dwellMin, y: o.conversion as number })),
  );
  const perOrder = obs.map((o) =>
    Number.isFinite(o.unitsPerOrder) && (o.unitsPerOrder as number) > 0 ? (o.unitsPerOrder as number) : 1,
  );
  const unitsPerOrder = perOrder.reduce((a, b) => a + b, 0) / perOrder.length;
  let maxCtr = 0;
  let maxConversion = 0;
  for (const o of obs) {
    maxCtr = Math.max(maxCtr, o.ctr as number);
    maxConversion = Math.max(maxConversion, o.conversion as number);
  }
  const implied: PowerLaw = {
    k: ctr.k * conversion.k * unitsPerOrder,
    b: 1 + ctr.b + conversion.b,
    c: ctr.c + conversion.c,
  };
  const uncalibrated: Core = {
    method: "funnel",
    shop: implied,
    funnel: { ctr, conversion, unitsPerOrder, calibration: 1, maxCtr, maxConversion },
    skuFactor: NONE,
    warehouseFactor: NONE,
  };
  const impliedUnits = obs.map((o) => meanOf(uncalibrated, o));
  const totalImplied = impliedUnits.reduce((a, b) => a + b, 0);
  const totalUnits = obs.reduce((s, o) => s + o.units, 0);
  const calibration = totalImplied > 0 ? totalUnits / totalImplied : 0;
  return withFactors(
    obs,
    {
      method: "funnel",
      shop: { ...implied, k: implied.k * calibration },
      funnel: { ctr, conversion, unitsPerOrder, calibration, maxCtr, maxConversion },
    },
    impliedUnits.map((u) => u * calibration),
  );
}

/**
 * Negative binomial α by the method of moments on the Pearson residuals: the α ≥ 0 with
 * Σ (y − μ)² / (μ + α·μ²) = n − p (0 when the Poisson already explains the spread). The left
 * side is convex and decreasing in α, so Newton's method from α = 0 climbs to the root
 * without overshooting, in a handful of passes.
 */
function alphaOf(obs: readonly StreamObservation[], core: Core, parameters: number): number {
  const dof = obs.length - parameters;
  if (dof <= 0) return 0;
  const mu = obs.map((o) => meanOf(core, o));
  let alpha = 0;
  for (let iter = 0; iter < 50; iter++) {
    let chi2 = 0;
    let slope = 0;
    for (let i = 0; i < obs.length; i++) {
      const m = mu[i];
      if (!(m > 0)) continue;
      const v = m + alpha * m * m;
      const term = (obs[i].units - m) ** 2 / v;
      chi2 += term;
      slope -= (term * m * m) / v;
    }
    if (chi2 <= dof || !(slope < 0)) return alpha;
    const next = alpha + (chi2 - dof) / -slope;
    if (next - alpha <= 1e-9 * (1 + alpha)) return next;
    alpha = next;
  }
  return alpha;
}

/** A cross-validation: its accuracy, each observation's out-of-sample mean and the fold fits behind them. */
interface Validation {
  readonly accuracy: StreamAccuracy;
  readonly predicted: Float64Array;
  readonly folds: number;
  readonly cores: readonly Core[];
}

/**
 * Out-of-sample accuracy: each observation predicted by a fit without it (leave-one-out)
 * up to LOO_MAX observations; above that, without its tenth of the history (10-fold,
 * observation i in fold i mod 10), which costs 10 fits instead of n. The calibration is
 * left to {@link calibrationOf}, for the variant kept only.
 */
function crossValidate(
  obs: readonly StreamObservation[],
  fit: (o: readonly StreamObservation[]) => Core,
): Validation {
  const n = obs.length;
  const folds = n <= LOO_MAX ? n : FOLDS;
  const scheme = n <= LOO_MAX ? "leave-one-out" : "10-fold";
  const predicted = new Float64Array(n);
  if (n < 2)
    return {
      accuracy: { mape: null, bias: null, n: 0, scheme, calibration: [] },
      predicted,
      folds,
      cores: [],
    };
  let absPct = 0;
  let counted = 0;
  let total = 0;
  let actual = 0;
  const cores: Core[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const core = fit(obs.filter((_, j) => j % folds !== fold));
    cores.push(core);
    for (let i = fold; i < n; i += folds) {
      const p = meanOf(core, obs[i]);
      predicted[i] = p;
      total += p;
      actual += obs[i].units;
      if (obs[i].units > 0) {
        absPct += Math.abs(p - obs[i].units) / obs[i].units;
        counted++;
      }
    }
  }
  const accuracy: StreamAccuracy = {
    mape: counted > 0 ? (100 * absPct) / counted : null,
    bias: actual > 0 ? (100 * (total - actual)) / actual : null,
    n,
    scheme,
    calibration: [],
  };
  return { accuracy, predicted, folds, cores };
}

/**
 * Share of results above their out-of-sample P90 by band of expected units: each result's P90
 * from the negative binomial of the fold fit that predicted it, with that fit's own α.
 */
function calibrationOf(
  obs: readonly StreamObservation[],
  v: Validation,
  parameters: number,
): CalibrationBand[] {
  const inBand = BAND_EDGES.map(() => 0);
  const above = BAND_EDGES.map(() => 0);
  v.cores.forEach((core, fold) => {
    const alpha = alphaOf(
      obs.filter((_, j) => j % v.folds !== fold),
      core,
      parameters,
    );
    for (let i = fold; i < obs.length; i += v.folds) {
      const p = v.predicted[i];
      let band = BAND_EDGES.length - 1;
      while (band > 0 && p < BAND_EDGES[band]) band--;
      inBand[band]++;
      if (obs[i].units > countQuantile(p, alpha, CALIBRATED)) above[band]++;
    }
  });
  const out: CalibrationBand[] = [];
  BAND_EDGES.forEach((from, b) => {
    if (inBand[b] > 0)
      out.push({ from, to: BAND_EDGES[b + 1] ?? null, n: inBand[b], aboveP90: above[b] / inBand[b] });
  });
  return out;
}

/** Options of {@link fitStreamModel}. */
export interface StreamFitOptions {
  /** Measure the model's out-of-sample accuracy (default true); false when nothing shows it. */
  readonly accuracy?: boolean;
}

/**
 * Fit the live-stream model E[units] = k·viewers^b·dwell^c on past (stream, SKU) observations
 * by Poisson regression, so streams that sold 0 count. Each warehouse (market), then each SKU,
 * gets a multiplier (Σ units + τ)/(Σ fitted + τ), τ = 3 average streams' fitted units, which
 * shrinks one with few streams toward the shop-wide law; with several markets the law is
 * refitted once with their levels as offsets. When every observation has ctr and conversion (at
 * least 4), the funnel variant — viewers × ctr(v, d) × conversion(v, d) × units per order, each
 * rate a log-linear power law capped at the highest rate observed, calibrated to units — is
 * fitted as well, and the variant with the lower out-of-sample MAPE is kept (`method`) and is
 * the one predictions use. The spread is negative binomial, Var = μ + α·μ², α by moments on
 * the Pearson residuals. Observations with viewers ≤ 0 or no dwell are left
 * out of the fit (a stream nobody watched tells nothing about the law). Accuracy: each
 * observation predicted from a fit without it — leave-one-out up to 200 observations,
 * 10-fold above (MAPE over streams that sold, bias in %, and the share of results above their
 * P90 by size band). With `{ accuracy: false }` the
 * model comes without the accuracy report, and the cross-validation is skipped unless the
 * choice between the variants needs it — the fitted model is the same either way.
 *
 * @example fitStreamModel(exactHistory).shop // { k: 0.002, b: 1.1, c: 0.6 } when units = 0.002·v^1.1·d^0.6 exactly
 * @example fitStreamModel(history, { accuracy: false }).shop // the same law, no cross-validation for a power-only history
 * @throws InputError na when no observation has viewers > 0, dwell > 0 and units ≥ 0
 */
export function fitStreamModel(history: readonly StreamObservation[]): StreamModel;
export function fitStreamModel(
  history: readonly StreamObservation[],
  options: StreamFitOptions & { readonly accuracy: false },
): StreamFit;
export function fitStreamModel(
  history: readonly StreamObservation[],
  options: StreamFitOptions = {},
): StreamFit | StreamModel {
  const obs = history.filter(usable);
  if (obs.length === 0) throw new InputError("na", "streamNoHistory", { min: 1 });
  const power = fitPower(obs);
  const parameters = 1 + (obs.length >= 3 ? 2 : 0);
  const funnel = obs.length >= MIN_FUNNEL && obs.every(hasFunnel) ? fitFunnel(obs) : undefined;
  let maxViewers = 0;
  for (const o of obs) maxViewers = Math.max(maxViewers, o.viewers);
  const fitOf = (method: "power" | "funnel", core: Core): StreamFit => ({
    method,
    shop: core.shop,
    skuFactor: core.skuFactor,
    warehouseFactor: core.warehouseFactor,
    alpha: alphaOf(obs, core, parameters),
    n: obs.length,
    maxViewers,
    ...(funnel?.funnel ? { funnel: funnel.funnel } : {}),
  });
  // Without a funnel there is nothing to choose, so the accuracy is only a report.
  if (options.accuracy === false && !funnel) return fitOf("power", power);
  const powerCheck = crossValidate(obs, (rest) => fitPower(rest, power));
  const funnelCheck = funnel ? crossValidate(obs, fitFunnel) : undefined;
  const funnelWins =
    funnel !== undefined &&
    funnelCheck !== undefined &&
    (funnelCheck.accuracy.mape ?? Infinity) < (powerCheck.accuracy.mape ?? Infinity);
  const fit = funnelWins ? fitOf("funnel", funnel) : fitOf("power", power);
  if (options.accuracy === false) return fit;
  const kept = funnelWins && funnelCheck ? funnelCheck : powerCheck;
  const accuracy: StreamAccuracy = { ...kept.accuracy, calibration: calibrationOf(obs, kept, parameters) };
  const model: StreamModel = {
    ...fit,
    accuracy,
    candidates: funnelCheck
      ? {
          power: funnelWins ? powerCheck.accuracy : accuracy,
          funnel: funnelWins ? accuracy : funnelCheck.accuracy,
        }
      : { power: accuracy },
  };
  return model;
}
