import type { Lane } from "../../data/model";
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
