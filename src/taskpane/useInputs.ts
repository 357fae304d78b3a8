import { useCallback, useEffect, useMemo, useState } from "react";
import type { DataProblem } from "../core/data/problem";
import type { RawTable } from "../core/data/table";
import type { PaneWorkbook, WhenShown } from "../workbook/officePane";
import type { TableChecker } from "./jobRunner";
import {
  MAPPING_SETTING,
  allProblems,
  applyMapping,
  mappingNeeds,
  parseMapping,
  tableStatuses,
  type ColumnMapping,
} from "./inputs";

/**
 * The Inputs panel's state: the workbook's tables as last read, the saved
 * column mapping, and what is found, missing or wrong: the problems `checker`
 * finds in the tables as soon as they are read, and `runProblems`, those of
 * the last run. With `whenShown` (inside Excel) the tables are read each
 * time the pane is shown, not when the page loads: the shared runtime may load
 * it with the document, hidden, and a read there costs the user for nothing.
 */
export function useInputs(
  workbook: PaneWorkbook,
  checker: TableChecker,
  runProblems: readonly DataProblem[],
  whenShown?: WhenShown,
) {
  const [tables, setTables] = useState<readonly RawTable[] | undefined>(undefined);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    setBusy(true);
    try {
      const [read, saved] = await Promise.all([workbook.readTables(), workbook.loadSetting(MAPPING_SETTING)]);
      setMapping(parseMapping(saved));
      setTables(read);
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, [workbook]);

  useEffect(() => {
    if (whenShown) return whenShown(() => void refresh());
    void refresh();
    return undefined;
  }, [refresh, whenShown]);

  const saveMapping = useCallback(
    async (next: ColumnMapping) => {
      try {
        await workbook.saveSetting(MAPPING_SETTING, JSON.stringify(next));
        setMapping(next);
        setError(undefined);
        return true;
      } catch (e) {
        setError(e);
        return false;
      }
    },
    [workbook],
  );

  const insertSample = useCallback(
    async (sample: () => readonly RawTable[]) => {
      setBusy(true);
      try {
        const names = await workbook.insertTables(sample());
        setTables(await workbook.readTables());
        setError(undefined);
        return names;
      } catch (e) {
        setError(e);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [workbook],
  );

  const mapped = useMemo(() => (tables ? applyMapping(tables, mapping) : undefined), [tables, mapping]);
  const [checked, setChecked] = useState<readonly DataProblem[]>([]);
  useEffect(() => {
    if (!mapped) return;
    let current = true;
    checker(mapped).then(
      (found) => current && setChecked(found),
      () => current && setChecked([]),
    );
    return () => {
      current = false;
    };
  }, [mapped, checker]);
  const known = useMemo(() => [...checked, ...runProblems], [checked, runProblems]);
  const statuses = useMemo(() => (mapped ? tableStatuses(mapped, known) : []), [mapped, known]);
  const problems = useMemo(() => (mapped ? allProblems(mapped, known) : []), [mapped, known]);
  const needs = useMemo(() => (tables ? mappingNeeds(applyMapping(tables, {})) : []), [tables]);

  return { tables, mapping, statuses, problems, needs, error, busy, refresh, saveMapping, insertSample };
}
