import { benchFunctions } from "./functions";
import { benchWriteBatches } from "./writeBatches";

/** npm run bench: the foundation's and the task pane's figures (run `npm run build` first). */
async function main(): Promise<void> {
  await benchFunctions();
  await benchWriteBatches();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
