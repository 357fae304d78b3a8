import { paneShown } from "../../src/workbook/officeHost";

/** Office.addin's visibility event, driven by the test. */
function fakeAddin() {
  const handlers = new Set<(message: Office.VisibilityModeChangedMessage) => void>();
  return {
    handlers,
    emit: (mode: "Taskpane" | "Hidden") =>
      handlers.forEach((h) => h({ visibilityMode: mode as Office.VisibilityMode })),
    onVisibilityModeChanged: (handler: (message: Office.VisibilityModeChangedMessage) => void) => {
      handlers.add(handler);
      return Promise.resolve(async () => {
        handlers.delete(handler);
      });
    },
  };
}

describe("paneShown", () => {
  it("waits while the shared runtime runs without the pane, then calls on each show", async () => {
    const addin = fakeAddin();
    const listener = jest.fn();
    const off = paneShown(addin, { visibilityState: "hidden" }, listener);
    await Promise.resolve();
    expect(listener).not.toHaveBeenCalled();
    addin.emit("Hidden");
    expect(listener).not.toHaveBeenCalled();
    addin.emit("Taskpane");
    addin.emit("Hidden");
    addin.emit("Taskpane");
    expect(listener).toHaveBeenCalledTimes(2);
    off();
    await Promise.resolve();
    addin.emit("Taskpane");
    expect(listener).toHaveBeenCalledTimes(2);
    expect(addin.handlers.size).toBe(0);
  });

  it("calls at once when the pane is showing already (opened from the ribbon)", () => {
    const listener = jest.fn();
    paneShown(fakeAddin(), { visibilityState: "visible" }, listener);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
