/**
 * `npm run bench:simulate`: the closed loop on the default world — 26 weeks × the four policies
 * of issue 8 (LiveStock, naive, classical, classical + air), one run — against the target of
 * under a minute on this 2-core machine, next to the plan's own time per simulated week
 * (`runPlan` inside the LiveStock policy). Then the oracle alone, for its cost.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { parseWorld, type World } from "../src/core/simulate";
import { startRun, stepWeek } from "../src/core/simulate/loop";
import { classicalPolicy } from "../src/core/simulate/policies/classical";
import { livestockPolicy } from "../src/core/simulate/policies/livestock";
import { naivePolicy } from "../src/core/simulate/policies/naive";
import { oraclePolicy } from "../src/core/simulate/policies/oracle";
import type { Policy } from "../src/core/simulate/policies/policy";
import { realise } from "../src/core/simulate/realisation";

const WEEKS = 26;
const world = parseWorld(
  JSON.parse(readFileSync(path.resolve(__dirname, "../samples/world-default.json"), "utf8")),
).world as World;

function timed(policy: Policy, times: number[]): Policy {
  return {
    name: policy.name,
    decide(view, hooks) {
      const t0 = performance.now();
      const out = policy.decide(view, hooks);
      times.push(performance.now() - t0);
      return out;
    },
  };
}

const t0 = performance.now();
const r = realise(world, 1, 0, WEEKS);
const realiseMs = performance.now() - t0;
const planMs: number[] = [];
const otherMs: number[] = [];
const runs = [
  startRun(r, timed(livestockPolicy(world), planMs)),
  startRun(r, timed(naivePolicy(), otherMs)),
  startRun(r, timed(classicalPolicy(false), otherMs)),
  startRun(r, timed(classicalPolicy(true), otherMs)),
];
for (let w = 0; w < WEEKS; w++) for (const x of runs) stepWeek(r, x);
const totalS = (performance.now() - t0) / 1000;
const oracleMs: number[] = [];
const o = startRun(r, timed(oraclePolicy(r), oracleMs));
for (let w = 0; w < WEEKS; w++) stepWeek(r, o);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pairs = r.pairs.length;
console.log(
  `default world: ${world.skus.length} SKUs × ${world.warehouses.length} warehouses = ${pairs} pairs, ${r.streams.length} streams (history + simulation)`,
);
console.log(`realisation (demand, streams): ${realiseMs.toFixed(0)} ms`);
console.log(
  `${WEEKS} weeks × 4 policies: ${totalS.toFixed(1)} s — target < 60 s: ${totalS < 60 ? "met" : "NOT met"}`,
);
console.log(
  `  runPlan per simulated week (LiveStock policy, input built + plan): mean ${(sum(planMs) / planMs.length).toFixed(0)} ms, max ${Math.max(...planMs).toFixed(0)} ms, total ${(sum(planMs) / 1000).toFixed(1)} s`,
);
console.log(`  naive + classical + classical-air decisions: total ${(sum(otherMs) / 1000).toFixed(2)} s`);
console.log(`  the daily loop and metrics: ${(totalS - (sum(planMs) + sum(otherMs)) / 1000).toFixed(1)} s`);
console.log(`oracle (optional fifth policy): ${(sum(oracleMs) / 1000).toFixed(2)} s for ${WEEKS} weeks`);
