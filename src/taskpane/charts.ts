import { t, type Lang } from "../core/i18n";
import type { ChartSpec, PlanPresentation, StatusLevel } from "../workbook/officePane";

/** Charts and the stream status colours of a plan written in `lang`. */
export function presentation(charts: readonly ChartSpec[], lang: Lang): PlanPresentation {
  const levels: [string, StatusLevel][] = [
    [t(lang, "planStatusOK"), "ok"],
    [t(lang, "planStatusRISK"), "risk"],
    [t(lang, "planStatusSHORT"), "short"],
    [t(lang, "planStatusUNKNOWN"), "risk"],
  ];
  return { charts, statusLevels: Object.fromEntries(levels) };
}
