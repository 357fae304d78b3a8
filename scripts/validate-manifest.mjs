// npm run validate: the offline manifest check (see scripts/manifestCheck.js for why not the XSD).
import { createRequire } from "module";
const require = createRequire(import.meta.url);
const { checkManifest } = require("./manifestCheck.js");

const file = process.argv[2] || "manifest.xml";
const { problems, compared } = await checkManifest(file);
console.log(
  `Checked ${file} offline: no npm package ships the add-in manifest XSDs and Microsoft's validation ` +
    `service is unreachable here, so this is a structural check of the schema's rules (element order, ` +
    `required elements, GUID, lengths, permissions, non-empty AppDomains, requirement sets, shared ` +
    `runtime without TaskpaneId, custom-functions extension point, resource ids, https URLs, icon files ` +
    `and sizes, zh-CN overrides).`,
);
console.log(
  compared
    ? "  Requirement sets compared with the APIs the built dist/ bundles use (scripts/apiSets.js)."
    : "  ! dist/ is not built: requirement sets not compared with the bundles (npm run build first).",
);
if (problems.length) {
  for (const p of problems) console.error(`  ✗ ${p}`);
  console.error(`${problems.length} problem(s).`);
  process.exit(1);
}
console.log("  ✓ manifest is valid.");
