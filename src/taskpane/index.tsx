import { createRoot } from "react-dom/client";
import { langFromLocale } from "../core/i18n";
import { generateSeller } from "../sample/generate";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { connectOffice } from "../workbook/officeHost";
import { App } from "./App";
import {
  inlineChecker,
  inlineRunner,
  inlineSimulator,
  workerChecker,
  workerRunner,
  workerSimulator,
} from "./jobRunner";
import { spawnPlanWorker } from "./spawnPlanWorker";

/**
 * The task pane's entry. Inside Excel it plans the open workbook; opened
 * anywhere else (Office.onReady reports no host) it is the browser preview:
 * the same pane on the bundled sample seller through the in-memory workbook.
 */
async function start(): Promise<void> {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  const connection = await connectOffice();
  const workers = typeof Worker !== "undefined";
  const runner = workers ? workerRunner(spawnPlanWorker) : inlineRunner;
  const checker = workers ? workerChecker(spawnPlanWorker) : inlineChecker;
  const simulator = workers ? workerSimulator(spawnPlanWorker) : inlineSimulator;
  const sampleTables = () => generateSeller();
  if (connection.host === "excel") {
    root.render(
      <App
        workbook={connection.workbook}
        runner={runner}
        simulator={simulator}
        checker={checker}
        initialLang={langFromLocale(connection.displayLanguage)}
        preview={false}
        sampleTables={sampleTables}
        whenShown={connection.whenShown}
      />,
    );
  } else {
    root.render(
      <App
        workbook={MemoryWorkbook.withTables(sampleTables())}
        runner={runner}
        simulator={simulator}
        checker={checker}
        initialLang={langFromLocale(navigator.language)}
        preview
        sampleTables={sampleTables}
      />,
    );
  }
}

void start();
