import * as path from "path";
import { generateSeller, SAMPLE_OPTIONS } from "../src/sample/generate";
import { writeXlsxTables } from "../src/workbook/xlsx";

/** `npm run sample`: writes the bundled sample workbook (the same seed every time). */
async function main(): Promise<void> {
  const file = path.resolve(__dirname, "../samples/livestock-sample.xlsx");
  const tables = generateSeller(SAMPLE_OPTIONS);
  await writeXlsxTables(file, tables);
  console.log(`Wrote ${file}: ${tables.map((t) => `${t.name} ${t.rows.length}`).join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
