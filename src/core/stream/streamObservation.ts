/** One featured SKU in one past stream: what the stream drew and what the SKU sold. */
export interface StreamObservation {
  /** Peak concurrent viewers of the stream. */
  readonly viewers: number;
  /** Average dwell time per viewer, minutes. */
  readonly dwellMin: number;
  /** Units of the SKU sold in the stream (0 counts). */
  readonly units: number;
  readonly sku?: string;
  /** Product click-through rate of the stream, a fraction. */
  readonly ctr?: number;
  /** Conversion of clicks to orders, a fraction. */
  readonly conversion?: number;
  /** Units per order (attach rate); 1 when absent. */
  readonly unitsPerOrder?: number;
}

/** E[units] = k·viewers^b·dwell^c. */
export interface PowerLaw {
  readonly k: number;
  readonly b: number;
  readonly c: number;
}

/** Leave-one-out accuracy of a stream model on its own history. */
export interface StreamAccuracy {
  /** Mean of |predicted − actual| / actual over streams that sold something, percent; null when none did. */
  readonly mape: number | null;
  /** (Σ predicted − Σ actual) / Σ actual, percent (> 0 = over-forecast); null when nothing sold. */
  readonly bias: number | null;
  /** Observations predicted (each from a fit without it). */
  readonly n: number;
  /** Leave-one-out up to 200 observations, 10-fold cross-validation above. */
  readonly scheme: "leave-one-out" | "10-fold";
}

/** A fitted stream model without its accuracy report: the shop-wide law, per-SKU multipliers, the spread — all a prediction needs. */
export interface StreamFit {
  /** "power": k·v^b·d^c on units; "funnel": v·ctr(v,d)·conversion(v,d)·units per order, calibrated. */
  readonly method: "power" | "funnel";
  readonly shop: PowerLaw;
  /** Per-SKU multipliers on the shop-wide law, shrunk toward 1 when a SKU has few streams. */
  readonly skuFactor: ReadonlyMap<string, number>;
  /** Quasi-Poisson dispersion φ = Pearson χ² / (n − p), at least 1: Var[units] = φ·E[units]. */
  readonly dispersion: number;
  /** Observations used in the fit. */
  readonly n: number;
  /** When the history has the funnel columns: the fitted funnel rates and calibration (used for planned rates). */
  readonly funnel?: FunnelFit;
}

/** A fitted stream model with its own out-of-sample accuracy. */
export interface StreamModel extends StreamFit {
  readonly accuracy: StreamAccuracy;
  /** Leave-one-out accuracy of each variant tried; the one with the lower MAPE is `method`. */
  readonly candidates: { readonly power: StreamAccuracy; readonly funnel?: StreamAccuracy };
}

/** A planned stream's expected funnel rates, where the Streams table gives them. */
export interface PlannedFunnel {
  readonly ctr?: number;
  readonly conversion?: number;
  readonly unitsPerOrder?: number;
}

/** The funnel variant's parts: click-through and conversion as power laws of viewers and dwell. */
export interface FunnelFit {
  readonly ctr: PowerLaw;
  readonly conversion: PowerLaw;
  readonly unitsPerOrder: number;
  /** Units sold per funnel-implied unit, shop-wide (Poisson MLE). */
  readonly calibration: number;
}
