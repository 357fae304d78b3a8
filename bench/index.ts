import { benchFunctions } from "./functions";

/** npm run bench: the foundation's and the task pane's figures (run `npm run build` first). */
async function main(): Promise<void> {
  await benchFunctions();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
