import { InputError } from "../errors";
import type { Units } from "../units";
import { inverseStandardNormal } from "./normal";
import { mean, sampleStandardDeviation } from "./stats";

/**
 * Safety stock under uncertain demand and uncertain lead time.
 *
 *   SS = z · √(L·σ² + μ²·σ_L²),  z = Φ⁻¹(service level)
 *
 * μ and σ are the mean and standard deviation of demand per period, L the lead
 * time in periods, σ_L its standard deviation in periods. It is the textbook
 * cycle-service-level formula (Silver, Pyke & Peterson, "Inventory Management
 * and Production Planning and Scheduling", 3rd ed., §7.12). Below a 50 %
 * service level z is negative and so is the result: that is the formula's
 * answer, not an error.
 *
 * @param demandMean μ, units per period
 * @param demandSd σ, units per period (≥ 0)
 * @param leadTime L, periods (≥ 0)
 * @param serviceLevel probability of no stock-out in a cycle, in (0, 1)
 * @param leadTimeSd σ_L, periods (≥ 0)
 * @returns safety stock in units
 * @throws InputError("num") for a negative σ, L or σ_L, or a service level outside (0, 1)
 * @example safetyStock(100, 30, 4, 0.95, 1) // ≈ 191.82
 */
export function safetyStock(
  demandMean: number,
  demandSd: number,
  leadTime: number,
  serviceLevel: number,
  leadTimeSd = 0,
): Units {
  if (!(leadTime >= 0)) throw new InputError("num", "negative", { param: "lead_time" });
  if (!(leadTimeSd >= 0)) throw new InputError("num", "negative", { param: "lead_time_sd" });
  if (!(demandSd >= 0)) throw new InputError("num", "negative", { param: "demand_sd" });
  if (!(serviceLevel > 0 && serviceLevel < 1))
    throw new InputError("num", "notAProbability", { param: "service_level" });
  const z = inverseStandardNormal(serviceLevel);
  return (z *
    Math.sqrt(leadTime * demandSd * demandSd + demandMean * demandMean * leadTimeSd * leadTimeSd)) as Units;
}

/**
 * Safety stock from a demand history: `safetyStock` with μ the mean and σ the
 * sample standard deviation (STDEV.S) of the history.
 *
 * @param history demand per period, oldest first (units), at least 2 values, none negative
 * @throws InputError("na") for fewer than 2 values; InputError("num") for a negative value
 * @example safetyStockFromHistory([80, 120, 100, 70, 130], 4, 0.95) // ≈ 83.87
 */
export function safetyStockFromHistory(
  history: readonly number[],
  leadTime: number,
  serviceLevel: number,
  leadTimeSd = 0,
): Units {
  if (history.length < 2)
    throw new InputError("na", "tooFewNumbers", { param: "demand_history", min: 2, count: history.length });
  const negative = history.findIndex((x) => x < 0);
  if (negative >= 0)
    throw new InputError("num", "negativeInRange", {
      param: "demand_history",
      pos: negative + 1,
      value: history[negative],
    });
  return safetyStock(mean(history), sampleStandardDeviation(history), leadTime, serviceLevel, leadTimeSd);
}
