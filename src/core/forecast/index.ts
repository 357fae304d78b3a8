export type { SeriesForecast, ForecastOptions } from "./seriesForecast";
export { forecastSeries, MAX_HORIZON } from "./forecastSeries";
export { cleanHistory, type HistoryWeek, type CleanedHistory, type Correction } from "./cleanHistory";
export { crostonRate, sbaRate, tsbRate, type IntermittentFit } from "./croston";
export {
  fitSmoothing,
  smoothingForecast,
  smoothingVarianceFactors,
  type SmoothingFit,
  type TrendKind,
} from "./exponentialSmoothing";
export { linearTrend } from "./linearTrend";
export { thetaForecast } from "./theta";
export {
  isSeasonal,
  isSeasonalAnova,
  seasonalIndices,
  deseasonalise,
  reseasonalise,
  type SeasonalIndices,
} from "./seasonality";
export { nelderMead } from "./nelderMead";
