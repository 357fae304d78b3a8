import { OfficeWorkbook } from "./officeWorkbook";

/** Where the pane runs: inside Excel with its workbook, or outside Office (the browser preview). */
export type OfficeConnection =
  | { readonly host: "excel"; readonly workbook: OfficeWorkbook; readonly displayLanguage: string }
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
  };
}
