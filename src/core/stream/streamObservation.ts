/** One featured SKU in one past stream: what the stream drew and what the SKU sold. */
export interface StreamObservation {
  /** Peak concurrent viewers of the stream. */
  readonly viewers: number;
  /** Average dwell time per viewer, minutes. */
  readonly dwellMin: number;
  /** Units of the SKU sold in the stream (0 counts). */
  readonly units: number;
  readonly sku?: string;
  /** The stream's warehouse (its market): the model fits a level per warehouse. */
  readonly warehouse?: string;
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
  /** How often a result exceeded its out-of-sample P90, by size of the expected units (bands with results only). */
  readonly calibration: readonly CalibrationBand[];
}

/** Out-of-sample P90 calibration of the stream model for results whose expected units fall in [from, to). */
export interface CalibrationBand {
  readonly from: number;
  /** null: no upper bound. */
  readonly to: number | null;
  /** Results in the band. */
  readonly n: number;
  /** Share of them above their P90 (≈ 0.10 when the spread is right). */
  readonly aboveP90: number;
}

/** A fitted stream model without its accuracy report: the shop-wide law, per-SKU multipliers, the spread — all a prediction needs. */
export interface StreamFit {
  /** "power": k·v^b·d^c on units; "funnel": v·ctr(v,d)·conversion(v,d)·units per order, calibrated. */
  readonly method: "power" | "funnel";
  readonly shop: PowerLaw;
  /** Per-SKU multipliers on the shop-wide law, shrunk toward 1 when a SKU has few streams. */
  readonly skuFactor: ReadonlyMap<string, number>;
  /** Per-warehouse (market) multipliers on the shop-wide law, shrunk toward 1 when a warehouse has few streams. */
  readonly warehouseFactor: ReadonlyMap<string, number>;
  /** Negative binomial dispersion α ≥ 0: Var[units] = μ + α·μ² (α = 0: Poisson), by moments on the Pearson residuals. */
  readonly alpha: number;
  /** Observations used in the fit. */
  readonly n: number;
  /** Peak viewers of the largest past stream in the fit: planned streams far above it are extrapolations. */
  readonly maxViewers: number;
  /** When the history has the funnel columns: the fitted funnel rates and calibration (used for planned rates). */
  readonly funnel?: FunnelFit;
}

/** A fitted stream model with its own out-of-sample accuracy. */
export interface StreamModel extends StreamFit {
  readonly accuracy: StreamAccuracy;
  /** Out-of-sample accuracy of each variant tried; the one with the lower MAPE is `method`, and only it has a calibration. */
  readonly candidates: { readonly power: StreamAccuracy; readonly funnel?: StreamAccuracy };
}

/** A planned stream's expected funnel rates, where the Streams table gives them, and its warehouse. */
export interface PlannedFunnel {
  readonly ctr?: number;
  readonly conversion?: number;
  readonly unitsPerOrder?: number;
  readonly warehouse?: string;
}

/** The funnel variant's parts: click-through and conversion as power laws of viewers and dwell. */
export interface FunnelFit {
  readonly ctr: PowerLaw;
  readonly conversion: PowerLaw;
  readonly unitsPerOrder: number;
  /** Units sold per funnel-implied unit, shop-wide (Poisson MLE). */
  readonly calibration: number;
  /** The highest click-through and conversion observed: fitted rates are capped there, never extrapolated past. */
  readonly maxCtr: number;
  readonly maxConversion: number;
}
