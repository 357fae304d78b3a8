/**
 * The closed-loop simulator (DESIGN.md method step 7): a world the planner does not know, the
 * real plan run every simulated Monday on what the seller knows, its lines executed with random
 * lead times, against classical policies and an oracle on the same random draws.
 */
export { parseWorld, type World, type WorldProblem } from "./world";
export {
  simulate,
  Simulation,
  type MetricKey,
  type SimulationOptions,
  type SimulationProgress,
  type SimulationResult,
  type StreamChart,
  type WeeklyStock,
} from "./simulation";
export { POLICY_NAMES, type PolicyName } from "./policies/policy";
export { BIG_STREAM_VIEWERS, type PolicyMetrics, type Spread } from "./metrics";
export {
  policyLabel,
  replannedText,
  simulationAbout,
  simulationFigures,
  simulationSheets,
  SIMULATION_SHEET_NAMES,
  type FigureUnit,
  type SimulationFigure,
} from "./sheets";
export { simulationChart } from "./chart";
export { worldFromInput, SEED_WEEKS } from "./fromInput";
export {
  simulateWorkbook,
  worldFromTables,
  type SimulateWorkbookOptions,
  type SimulateWorkbookResult,
} from "./workbookJob";
