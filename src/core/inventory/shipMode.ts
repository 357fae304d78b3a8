import { InputError } from "../errors";

/** A way to ship: its name, days door to door, and a cost to compare (per unit or per shipment). */
export interface ModeOption {
  readonly mode: string;
  readonly leadDays: number;
  readonly cost: number;
}

/**
 * The cheapest mode that arrives in time; if none does, the fastest.
 *
 *   choose argmin cost over { m : lead(m) ≤ days_until_needed }, ties to the faster, then the first listed;
 *   if that set is empty, argmin lead, ties to the cheaper, then the first listed.
 *
 * The seed's rule: "bulk by sea, pre-stream top-ups by air, emergencies by
 * express or transfer — the cheapest mode that still arrives in time".
 *
 * @param daysUntilNeeded days from today to the need date (negative: already late)
 * @param options at least one mode; lead days and costs ≥ 0
 * @returns the chosen option and whether it arrives in time
 * @throws InputError("na") for no options; InputError("num") for a negative lead time or cost
 * @example chooseShipMode(20, [{ mode: "SEA", leadDays: 35, cost: 1 }, { mode: "AIR", leadDays: 7, cost: 5 }]).mode // "AIR"
 */
export function chooseShipMode(
  daysUntilNeeded: number,
  options: readonly ModeOption[],
): ModeOption & { readonly onTime: boolean } {
  if (options.length === 0) throw new InputError("na", "noModes", {});
  // Loops and a literal, not forEach and a spread: a plan of 20,000 pairs asks 23,000 times.
  for (let i = 0; i < options.length; i++) {
    const o = options[i];
    if (!(o.leadDays >= 0))
      throw new InputError("num", "negativeInRange", { param: "lead_days", pos: i + 1, value: o.leadDays });
    if (!(o.cost >= 0))
      throw new InputError("num", "negativeInRange", { param: "costs", pos: i + 1, value: o.cost });
  }
  let best: ModeOption | undefined;
  for (const o of options)
    if (
      o.leadDays <= daysUntilNeeded &&
      (!best || o.cost < best.cost || (o.cost === best.cost && o.leadDays < best.leadDays))
    )
      best = o;
  if (best) return { mode: best.mode, leadDays: best.leadDays, cost: best.cost, onTime: true };
  let fastest = options[0];
  for (const o of options)
    if (o.leadDays < fastest.leadDays || (o.leadDays === fastest.leadDays && o.cost < fastest.cost))
      fastest = o;
  return { mode: fastest.mode, leadDays: fastest.leadDays, cost: fastest.cost, onTime: false };
}
