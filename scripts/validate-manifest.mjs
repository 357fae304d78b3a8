// npm run validate: the offline manifest check (see scripts/manifestCheck.js for why not the XSD).
import { createRequire } from "module";
const require = createRequire(import.meta.url);
const { checkManifest } = require("./manifestCheck.js");

const file = process.argv[2] || "manifest.xml";
const { problems } = await checkManifest(file);
console.log(
  `Checked ${file} offline: no npm package ships the add-in manifest XSDs and Microsoft's validation ` +
    `service is unreachable here, so this is a structural check of the schema's rules (element order, ` +
    `required elements, GUID, lengths, permissions, requirement sets, shared runtime, custom-functions ` +
    `extension point, resource ids, https URLs, icon files and sizes, zh-CN overrides).`,
);
if (problems.length) {
  for (const p of problems) console.error(`  ✗ ${p}`);
  console.error(`${problems.length} problem(s).`);
  process.exit(1);
}
console.log("  ✓ manifest is valid.");
