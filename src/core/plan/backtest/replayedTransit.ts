import type { Lane, ShipModeName } from "../../data/model";
import { addDays, type Day } from "../../time/day";
import type { PairInput } from "../projection";
import { keyedRng, transitDays } from "../../simulate/leadTime";

/** The replay's own seed: its lead-time draws are the same in every plan of the same workbook. */
const REPLAY_SEED = 0x62747374;

/**
 * Days a departure on a lane lands after its stated arrival in the backtest (negative:
 * early): real transit − stated, real transit = max(1, round(lead_days + lead_sd_days · Z))
 * as the simulator draws it, Z drawn once per lane and departure day from a key (the lane's
 * row, the day), so everything leaving on one lane on one day shares it (the same vessel),
 * both policies meet the same draws, and a plan rerun gives the same figures. Port delays
 * the workbook does not state are not drawn. 0 for a lane without lead_sd_days.
 *
 * @example replayedLateness({ leadDays: 30, leadSdDays: 5, … }, 3, departure) // e.g. −4…+9, the same for the same three keys
 */
export function replayedLateness(lane: Lane, laneRow: number, departure: number): number {
  const sd = lane.leadSdDays ?? 0;
  if (!(sd > 0)) return 0;
  const real = transitDays(
    {
      from: lane.from ?? "",
      to: lane.to,
      mode: lane.mode,
      leadDays: lane.leadDays,
      spreadDays: sd,
      delayProbability: 0,
      delayDays: [0, 0],
    },
    keyedRng(REPLAY_SEED, laneRow, departure),
  );
  return real - lane.leadDays;
}

/** A shipment on its way in the replay: units, the days (from the first replayed day) it really arrives and was stated to, its mode. */
export interface ReplayedShipment {
  readonly qty: number;
  readonly eta: number;
  readonly stated: number;
  /** Absent for the replay's starting pipeline, which is the bulk lane's. */
  readonly mode?: ShipModeName;
}

/**
 * The replay's shipments on their way as the replayed plan sees them: on their stated day
 * (`from` + stated), with their mode, so that the plan tells its own air from sea a stream
 * cannot count on (`unsureArrivals`); the starting pipeline keeps no mode (the bulk lane's).
 *
 * @example replayedInTransit([{ qty: 100, eta: 5, stated: 3, mode: "AIR" }], from) // [{ qty: 100, eta: from + 3, mode: "AIR" }]
 */
export function replayedInTransit(pipeline: readonly ReplayedShipment[], from: Day): PairInput["inTransit"] {
  // The plan's shape (mode undefined when unknown): the projection's loops stay monomorphic.
  return pipeline.map((s) => ({ qty: s.qty, eta: addDays(from, s.stated), mode: s.mode }));
}
