import { InputError } from "../errors";
import { logLinearPowerLaw, poissonPowerLaw, type LawPoint } from "./logLinear";
import type {
  FunnelFit,
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

/** E[units] of a law at (v, d). */
export const lawMean = (law: PowerLaw, v: number, d: number): number => law.k * v ** law.b * d ** law.c;

interface Core {
  readonly shop: PowerLaw;
  readonly skuFactor: ReadonlyMap<string, number>;
  readonly funnel?: FunnelFit;
}

function skuFactors(obs: readonly StreamObservation[], shop: PowerLaw): Map<string, number> {
  const fitted = obs.map((o) => lawMean(shop, o.viewers, o.dwellMin));
  const prior = (PRIOR_STREAMS * fitted.reduce((a, b) => a + b, 0)) / Math.max(1, fitted.length);
  const sums = new Map<string, [number, number]>();
  obs.forEach((o, i) => {
    if (o.sku === undefined) return;
    const s = sums.get(o.sku) ?? [0, 0];
    s[0] += o.units;
    s[1] += fitted[i];
    sums.set(o.sku, s);
  });
  const out = new Map<string, number>();
  for (const [sku, [actual, expected]] of sums)
    out.set(sku, prior > 0 ? (actual + prior) / (expected + prior) : 1);
  return out;
}

function fitPower(obs: readonly StreamObservation[], start?: Core): Core {
  const shop = poissonPowerLaw(
    obs.map((o): LawPoint => ({ v: o.viewers, d: o.dwellMin, y: o.units })),
    start?.shop,
  );
  return { shop, skuFactor: skuFactors(obs, shop) };
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
  const implied: PowerLaw = {
    k: ctr.k * conversion.k * unitsPerOrder,
    b: 1 + ctr.b + conversion.b,
    c: ctr.c + conversion.c,
  };
  const totalImplied = obs.reduce((s, o) => s + lawMean(implied, o.viewers, o.dwellMin), 0);
  const totalUnits = obs.reduce((s, o) => s + o.units, 0);
  const calibration = totalImplied > 0 ? totalUnits / totalImplied : 0;
  const shop: PowerLaw = { ...implied, k: implied.k * calibration };
  return { shop, skuFactor: skuFactors(obs, shop), funnel: { ctr, conversion, unitsPerOrder, calibration } };
}

const predictCore = (core: Core, o: StreamObservation): number =>
  lawMean(core.shop, o.viewers, o.dwellMin) * (o.sku === undefined ? 1 : (core.skuFactor.get(o.sku) ?? 1));

/**
 * Out-of-sample accuracy: each observation predicted by a fit without it (leave-one-out)
 * up to LOO_MAX observations; above that, without its tenth of the history (10-fold,
 * observation i in fold i mod 10), which costs 10 fits instead of n.
 */
function crossValidate(
  obs: readonly StreamObservation[],
  fit: (o: readonly StreamObservation[]) => Core,
): StreamAccuracy {
  const n = obs.length;
  const folds = n <= LOO_MAX ? n : FOLDS;
  const scheme = n <= LOO_MAX ? "leave-one-out" : "10-fold";
  if (n < 2) return { mape: null, bias: null, n: 0, scheme };
  let absPct = 0;
  let counted = 0;
  let predicted = 0;
  let actual = 0;
  for (let fold = 0; fold < folds; fold++) {
    const core = fit(obs.filter((_, j) => j % folds !== fold));
    for (let i = fold; i < n; i += folds) {
      const p = predictCore(core, obs[i]);
      predicted += p;
      actual += obs[i].units;
      if (obs[i].units > 0) {
        absPct += Math.abs(p - obs[i].units) / obs[i].units;
        counted++;
      }
    }
  }
  return {
    mape: counted > 0 ? (100 * absPct) / counted : null,
    bias: actual > 0 ? (100 * (predicted - actual)) / actual : null,
    n,
    scheme,
  };
}

function dispersion(obs: readonly StreamObservation[], core: Core, parameters: number): number {
  let chi2 = 0;
  for (const o of obs) {
    const mu = predictCore(core, o);
    if (mu > 0) chi2 += (o.units - mu) ** 2 / mu;
  }
  const dof = obs.length - parameters;
  return dof > 0 ? Math.max(1, chi2 / dof) : 1;
}

/** Options of {@link fitStreamModel}. */
export interface StreamFitOptions {
  /** Measure the model's out-of-sample accuracy (default true); false when nothing shows it. */
  readonly accuracy?: boolean;
}

/**
 * Fit the live-stream model E[units] = k·viewers^b·dwell^c on past (stream, SKU) observations
 * by Poisson regression, so streams that sold 0 count; each SKU gets a multiplier
 * (Σ units + τ)/(Σ fitted + τ), τ = 3 average streams' fitted units, which shrinks a SKU with
 * few streams toward the shop-wide law. When every observation has ctr and conversion (at
 * least 4), the funnel variant — viewers × ctr(v, d) × conversion(v, d) × units per order, each
 * rate a log-linear power law, calibrated to units — is fitted as well, and the variant with
 * the lower out-of-sample MAPE is kept; the funnel fit is kept either way, for planned streams
 * that state their expected rates. Observations with viewers ≤ 0 or no dwell are left
 * out of the fit (a stream nobody watched tells nothing about the law). Accuracy: each
 * observation predicted from a fit without it — leave-one-out up to 200 observations,
 * 10-fold above (MAPE over streams that sold, bias in %). With `{ accuracy: false }` the
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
  const fitOf = (method: "power" | "funnel", core: Core): StreamFit => ({
    method,
    shop: core.shop,
    skuFactor: core.skuFactor,
    dispersion: dispersion(obs, core, parameters),
    n: obs.length,
    ...(funnel?.funnel ? { funnel: funnel.funnel } : {}),
  });
  // Without a funnel there is nothing to choose, so the accuracy is only a report.
  if (options.accuracy === false && !funnel) return fitOf("power", power);
  const powerAccuracy = crossValidate(obs, (rest) => fitPower(rest, power));
  const funnelAccuracy = funnel ? crossValidate(obs, fitFunnel) : undefined;
  const chosen =
    funnel && funnelAccuracy && (funnelAccuracy.mape ?? Infinity) < (powerAccuracy.mape ?? Infinity)
      ? { fit: fitOf("funnel", funnel), accuracy: funnelAccuracy }
      : { fit: fitOf("power", power), accuracy: powerAccuracy };
  if (options.accuracy === false) return chosen.fit;
  const model: StreamModel = {
    ...chosen.fit,
    accuracy: chosen.accuracy,
    candidates: funnelAccuracy ? { power: powerAccuracy, funnel: funnelAccuracy } : { power: powerAccuracy },
  };
  return model;
}
