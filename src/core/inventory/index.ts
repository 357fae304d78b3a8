export { abcClasses, abcScores, DEFAULT_A_CUTOFF, DEFAULT_B_CUTOFF } from "./abc";
export { demandOver, weeksOfCover, type WeeklyDemand } from "./demandOver";
export { inverseStandardNormal } from "./normal";
export { restockQty, roundUpToMultiple, type RestockParams } from "./restock";
export { safetyStock, safetyStockFromHistory } from "./safetyStock";
export { chooseShipMode, type ModeOption } from "./shipMode";
export { mean, sampleStandardDeviation } from "./stats";
