export type {
  CalibrationBand,
  FunnelFit,
  PowerLaw,
  StreamAccuracy,
  StreamFit,
  StreamModel,
  StreamObservation,
} from "./streamObservation";
export { fitStreamModel, PRIOR_STREAMS, type StreamFitOptions } from "./fitStreamModel";
export { predictStreamUnits, type StreamUnitsForecast } from "./predictStreamUnits";
export { poissonPowerLaw, logLinearPowerLaw, type LawPoint } from "./logLinear";
export { countQuantile } from "./countQuantile";
export { fillLevel } from "./fillLevel";
export { expectedUnits, lawMean, type StreamLevels } from "./expectedUnits";
export { pastStreamItems, streamObservations, type PastStreamItem } from "./streamObservations";
export {
  audienceSpread,
  AUDIENCE_PRIOR_STREAMS,
  viewersElasticity,
  withAudience,
  type AudienceSpread,
} from "./audience";
