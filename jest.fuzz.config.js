/**
 * `npm run fuzz`: every `fuzz/*.fuzz.ts`, thousands of cases each (FUZZ_RUNS
 * sets how many, FUZZ_SEED the seed). `npm test` runs a few hundred of the same
 * cases from test/.
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/fuzz"],
  testMatch: ["**/*.fuzz.ts"],
  testTimeout: 6 * 60 * 60 * 1000,
};
