export type {
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
export { streamObservations } from "./streamObservations";
