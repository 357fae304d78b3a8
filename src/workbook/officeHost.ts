import type { WhenShown } from "./officePane";
import { OfficeWorkbook } from "./officeWorkbook";

/** Where the pane runs: inside Excel with its workbook, or outside Office (the browser preview). */
export type OfficeConnection =
  | {
      readonly host: "excel";
      readonly workbook: OfficeWorkbook;
      readonly displayLanguage: string;
      readonly whenShown: WhenShown;
    }
  | { readonly host: null };

/**
 * Waits for office.js and tells whether the page runs inside Excel. Outside
 * Office (office.js missing, or `Office.onReady` reporting no host) it
 * answers `{ host: null }` and the pane runs its browser preview.
 */
export async function connectOffice(): Promise<OfficeConnection> {
  if (typeof Office === "undefined") return { host: null };
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel || typeof Excel === "undefined") return { host: null };
  return {
    host: "excel",
    workbook: new OfficeWorkbook(
      (options, batch) => Excel.run(options, batch),
      Office.context.document.settings,
    ),
    displayLanguage: Office.context.displayLanguage,
    whenShown: (listener) => paneShown(Office.addin, document, listener),
  };
}

/**
 * The shared runtime may start with the document, to calculate the custom
 * functions, without the pane: the pane's reads wait until it is shown
 * (SharedRuntime 1.1 `onVisibilityModeChanged`), or run now if the page is
 * visible already (the pane was opened from the ribbon).
 */
export function paneShown(
  addin: Pick<Office.Addin, "onVisibilityModeChanged">,
  page: Pick<Document, "visibilityState">,
  listener: () => void,
): () => void {
  let active = true;
  let remove: (() => Promise<void>) | undefined;
  if (page.visibilityState === "visible") listener();
  void addin
    .onVisibilityModeChanged((message) => {
      if (active && String(message.visibilityMode) === "Taskpane") listener();
    })
    .then((off) => {
      remove = off;
      if (!active) void off();
    });
  return () => {
    active = false;
    void remove?.();
  };
}
