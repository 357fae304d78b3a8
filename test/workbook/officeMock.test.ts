// office-addin-mock needs only the host names of office-addin-manifest, whose ESM-only
// dependencies jest (CommonJS) cannot load; hand it those names.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", Outlook: "outlook" } }));

import { OfficeMockObject } from "office-addin-mock";
import { connectOffice } from "../../src/workbook/officeHost";

/**
 * The Office global as office-addin-mock models it, for the host code: which
 * host the page runs in, Office's display language and the document settings
 * that keep the column mapping. The workbook's reads and writes have their own,
 * stricter fake (officeFake.ts): statements before a failing one applied, the
 * 5 MB limit and Excel's parsing of typed values, none of which the mock models.
 */

/** The globals office.js would define, settable here. */
const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

/** Office's namespace: its enums and context are plain values once office.js is ready, so all are loaded. */
async function officeGlobal(host: string, displayLanguage: string): Promise<OfficeMockObject> {
  const saved = new Map<string, unknown>();
  const office = new OfficeMockObject({
    HostType: { Excel: "Excel", Word: "Word" },
    onReady: async () => ({ host, platform: "OfficeOnline" }),
    context: {
      displayLanguage,
      document: {
        settings: {
          get: (key: string) => saved.get(key) ?? null,
          set: (key: string, value: unknown) => void saved.set(key, value),
          saveAsync: (done: (r: { status: string }) => void) => done({ status: "succeeded" }),
        },
      },
    },
    addin: { onVisibilityModeChanged: async () => async () => undefined },
  });
  office.load("HostType/Excel, HostType/Word, context/displayLanguage");
  await office.sync();
  return office;
}

describe("connectOffice (office-addin-mock)", () => {
  it("outside Office (no office.js) runs the browser preview", async () => {
    await expect(connectOffice()).resolves.toEqual({ host: null });
  });

  it("in another Office host runs the browser preview", async () => {
    g.Office = await officeGlobal("Word", "en-US");
    g.Excel = {};
    await expect(connectOffice()).resolves.toEqual({ host: null });
  });

  it("in Excel connects the workbook with Office's display language and document settings", async () => {
    g.Office = await officeGlobal("Excel", "zh-CN");
    g.Excel = { run: jest.fn() };
    const connection = await connectOffice();
    expect(connection.host).toBe("excel");
    if (connection.host !== "excel") return;
    expect(connection.displayLanguage).toBe("zh-CN");
    await connection.workbook.saveSetting("livestock.columnMapping", '{"Stock":{}}');
    await expect(connection.workbook.loadSetting("livestock.columnMapping")).resolves.toBe('{"Stock":{}}');
    await expect(connection.workbook.loadSetting("unknown")).resolves.toBeUndefined();
  });
});
