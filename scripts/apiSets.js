// The Office APIs the built add-in calls, each with the requirement set that brings it in, so the
// manifest check can tell whether <Requirements> declares at least what the bundles use. `api` is
// the member as the typings name it; test/manifest.test.ts reads its `[Api set: …]` tag in
// @types/office-js or @types/custom-functions-runtime and fails when the table disagrees (or when an
// entry marked `docs` gains a tag). `pattern` finds the call in the built, minified bundle: member
// names survive minification, and our error codes are string literals (excelError.ts).
const fs = require("fs");
const path = require("path");

/** @type {{ api: string, set: string, version: string, bundle: string, pattern: RegExp, docs?: string }[]} */
const API_SETS = [
  {
    api: "CustomFunctions.associate",
    set: "CustomFunctionsRuntime",
    version: "1.1",
    bundle: "functions.js",
    pattern: /CustomFunctions\.associate\(/,
    docs: "https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets",
  },
  {
    api: "CustomFunctions.Error",
    set: "CustomFunctionsRuntime",
    version: "1.2",
    bundle: "functions.js",
    pattern: /new CustomFunctions\.Error\(/,
  },
  {
    api: "CustomFunctions.ErrorCode.invalidNumber",
    set: "CustomFunctionsRuntime",
    version: "1.3",
    bundle: "functions.js",
    pattern: /"#NUM!"/,
  },
  {
    api: "CustomFunctions.ErrorCode.notAvailable",
    set: "CustomFunctionsRuntime",
    version: "1.3",
    bundle: "functions.js",
    pattern: /"#N\/A"/,
  },
  {
    api: "Office.addin.onVisibilityModeChanged",
    set: "SharedRuntime",
    version: "1.1",
    bundle: "taskpane.js",
    pattern: /\.onVisibilityModeChanged\(/,
  },
  {
    api: "Excel.RunOptions.delayForCellEdit",
    set: "ExcelApi",
    version: "1.11",
    bundle: "taskpane.js",
    pattern: /delayForCellEdit:/,
    docs: "https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-11-requirement-set",
  },
  {
    api: "Excel.Application.suspendApiCalculationUntilNextSync",
    set: "ExcelApi",
    version: "1.6",
    bundle: "taskpane.js",
    pattern: /\.suspendApiCalculationUntilNextSync\(/,
  },
  {
    api: "Excel.Worksheet.customProperties",
    set: "ExcelApi",
    version: "1.12",
    bundle: "taskpane.js",
    pattern: /\.customProperties\b/,
  },
  {
    api: "Excel.Worksheet.getUsedRangeOrNullObject",
    set: "ExcelApi",
    version: "1.4",
    bundle: "taskpane.js",
    pattern: /\.getUsedRangeOrNullObject\(/,
  },
  {
    api: "Excel.Worksheet.getRangeByIndexes",
    set: "ExcelApi",
    version: "1.7",
    bundle: "taskpane.js",
    pattern: /\.getRangeByIndexes\(/,
  },
  {
    api: "Excel.Worksheet.freezePanes",
    set: "ExcelApi",
    version: "1.7",
    bundle: "taskpane.js",
    pattern: /\.freezePanes\b/,
  },
  {
    api: "Excel.Range.conditionalFormats",
    set: "ExcelApi",
    version: "1.6",
    bundle: "taskpane.js",
    pattern: /\.conditionalFormats\b/,
  },
  {
    api: "Excel.RangeFormat.autofitColumns",
    set: "ExcelApi",
    version: "1.2",
    bundle: "taskpane.js",
    pattern: /\.autofitColumns\(/,
  },
  {
    api: "Excel.ChartSeries.setXAxisValues",
    set: "ExcelApi",
    version: "1.7",
    bundle: "taskpane.js",
    pattern: /\.setXAxisValues\(/,
  },
  {
    api: "Excel.ChartSeries.axisGroup",
    set: "ExcelApi",
    version: "1.8",
    bundle: "taskpane.js",
    pattern: /\.axisGroup\s*=/,
  },
  {
    api: "Excel.Table.getDataBodyRange",
    set: "ExcelApi",
    version: "1.1",
    bundle: "taskpane.js",
    pattern: /\.getDataBodyRange\(/,
  },
  {
    api: "Excel.Workbook.names",
    set: "ExcelApi",
    version: "1.1",
    bundle: "taskpane.js",
    pattern: /\.names\.load\(/,
  },
];

/** "1.12" > "1.6": compares requirement-set versions part by part. */
function compareVersions(a, b) {
  const [pa, pb] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The highest version of each requirement set the built bundles in `distDir` use, with the APIs
 * that need it; undefined when the bundles are not built.
 */
function setsUsedBy(distDir) {
  const bundles = new Map();
  for (const entry of API_SETS) {
    if (!bundles.has(entry.bundle)) {
      const file = path.join(distDir, entry.bundle);
      if (!fs.existsSync(file)) return undefined;
      bundles.set(entry.bundle, fs.readFileSync(file, "utf8"));
    }
  }
  const used = new Map();
  for (const entry of API_SETS) {
    if (!entry.pattern.test(bundles.get(entry.bundle))) continue;
    const now = used.get(entry.set);
    if (!now || compareVersions(entry.version, now.version) > 0)
      used.set(entry.set, { version: entry.version, apis: [entry.api] });
    else if (compareVersions(entry.version, now.version) === 0) now.apis.push(entry.api);
  }
  return used;
}

module.exports = { API_SETS, compareVersions, setsUsedBy };
