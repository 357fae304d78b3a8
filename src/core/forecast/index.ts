export type { SeriesForecast, ForecastOptions } from "./seriesForecast";
export { forecastSeries } from "./forecastSeries";
export { cleanHistory, type HistoryWeek, type CleanedHistory } from "./cleanHistory";
