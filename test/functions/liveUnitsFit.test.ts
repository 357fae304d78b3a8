import * as stream from "../../src/core/stream";
import { LIVE_UNITS } from "../../src/functions/forecast";

/*
 * LIVE_UNITS shows one number, never the model's accuracy report, so it must not pay for the
 * cross-validation behind that report (at 100,000 past streams most of the call's time).
 */
describe("LIVE_UNITS fits without the accuracy report", () => {
  it("asks fitStreamModel for { accuracy: false }", () => {
    const fit = jest.spyOn(stream, "fitStreamModel");
    const col = (...xs: number[]) => xs.map((x) => [x]);
    const units = LIVE_UNITS(5000, 3, col(10, 20, 40, 80), col(1000, 2000, 4000, 8000), col(3, 3, 3, 3));
    expect(units).toBeGreaterThan(0);
    expect(fit).toHaveBeenCalledTimes(1);
    expect(fit.mock.calls[0][1]).toEqual({ accuracy: false });
    fit.mockRestore();
  });
});
