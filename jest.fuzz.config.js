/**
 * `npm run fuzz`: every `fuzz/*.fuzz.ts`, thousands of cases each (FUZZ_RUNS
 * sets how many, FUZZ_SEED the seed), and the custom-function fuzz of
 * test/fuzz at 2,000 calls a function (FUNCTION_FUZZ_RUNS). `npm test` runs a
 * few hundred of the same cases from test/.
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/fuzz", "<rootDir>/test/fuzz"],
  testMatch: ["**/*.fuzz.ts", "**/*.fuzz.test.ts"],
  testTimeout: 6 * 60 * 60 * 1000,
};
