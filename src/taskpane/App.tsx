import {
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { RawTable } from "../core/data/table";
import { t, type Lang } from "../core/i18n";
import type { PlanSettings } from "../core/plan";
import { dayFromIso } from "../core/time/day";
import type { CellRef, PaneWorkbook, WhenShown } from "../workbook/officePane";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { InputsPanel } from "./components/InputsPanel";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { ResultsPanel } from "./components/ResultsPanel";
import { RunPanel, type ActiveRun } from "./components/RunPanel";
import { SettingsPanel, settingsValid } from "./components/SettingsPanel";
import { errorMessage } from "./errors";
import {
  inlineChecker,
  inlineSimulator,
  type JobRunner,
  type SimulationRunner,
  type TableChecker,
} from "./jobRunner";
import { settingsOverrides, workbookSettings } from "./settingsForm";
import { useInputs } from "./useInputs";
import { usePlanRun } from "./usePlanRun";
import { SIMULATION_DEFAULTS, simulationInputValid, useSimulation } from "./useSimulation";

/** Thursday, as days after Monday: the day the pane's simulation can plan again. */
const THURSDAY = 3;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  panel: { paddingTop: tokens.spacingVerticalS },
});

type TabName = "inputs" | "settings" | "results";

export type AppProps = {
  workbook: PaneWorkbook;
  runner: JobRunner;
  /** Runs the simulation; default: on the UI thread. */
  simulator?: SimulationRunner;
  /** Checks the tables for the Inputs panel as soon as they are read; default: on the UI thread. */
  checker?: TableChecker;
  initialLang: Lang;
  /** Outside Excel: the pane runs on the bundled sample through the in-memory workbook. */
  preview: boolean;
  sampleTables: () => readonly RawTable[];
  /** Inside Excel: when the pane is shown, so the workbook is read then and not at start-up. */
  whenShown?: WhenShown;
};

/** The task pane: language, Run and Simulate with progress, and the Results, Inputs and Settings panels. */
export function App({
  workbook,
  runner,
  simulator = inlineSimulator,
  checker = inlineChecker,
  initialLang,
  preview,
  sampleTables,
  whenShown,
}: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<TabName>("inputs");
  const [edited, setEdited] = useState<PlanSettings | undefined>(undefined);
  const [planDate, setPlanDate] = useState("");
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const { state, run, cancel } = usePlanRun(workbook, runner);
  const { state: simulated, run: simulate, cancel: cancelSimulation } = useSimulation(workbook, simulator);
  const [active, setActive] = useState<ActiveRun>("plan");
  const [weeks, setWeeks] = useState<number>(SIMULATION_DEFAULTS.weeks);
  const [runs, setRuns] = useState<number>(SIMULATION_DEFAULTS.runs);
  const [seed, setSeed] = useState<number>(SIMULATION_DEFAULTS.seed);
  const [replanThursday, setReplanThursday] = useState(false);
  // The problems of the run started last: a plan's, or those that kept a simulation from running.
  const runProblems = useMemo(
    () =>
      active === "plan"
        ? [...(state.result?.problems ?? []), ...(state.result?.warnings ?? [])]
        : (simulated.problems ?? []),
    [active, state.result, simulated.problems],
  );
  const inputs = useInputs(workbook, checker, runProblems, whenShown);
  const fromWorkbook = useMemo(() => workbookSettings(inputs.tables ?? []), [inputs.tables]);
  const settings = edited ?? fromWorkbook.settings;

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (state.status === "done") setTab("results");
    if (state.status === "blocked") setTab("inputs");
  }, [state.status]);

  useEffect(() => {
    if (simulated.status === "done") setTab("results");
    if (simulated.status === "blocked") setTab("inputs");
  }, [simulated.status]);

  const onRun = useCallback(() => {
    setActionError(undefined);
    if (!settingsValid(settings)) {
      setTab("settings");
      return;
    }
    const day = planDate ? dayFromIso(planDate) : undefined;
    setActive("plan");
    void run({
      lang,
      mapping: inputs.mapping,
      settingsOverrides: settingsOverrides(settings, fromWorkbook.settings, fromWorkbook.keys),
      planDate: day,
    });
  }, [settings, planDate, run, lang, inputs.mapping, fromWorkbook]);

  const onSimulate = useCallback(() => {
    setActionError(undefined);
    if (!simulationInputValid(weeks, runs, seed)) return;
    if (!settingsValid(settings)) {
      setTab("settings");
      return;
    }
    setActive("simulate");
    void simulate({
      lang,
      mapping: inputs.mapping,
      weeks,
      runs,
      seed,
      planDate: planDate ? dayFromIso(planDate) : undefined,
      settingsOverrides: settingsOverrides(settings, fromWorkbook.settings, fromWorkbook.keys),
      replanDays: replanThursday ? [THURSDAY] : [],
    });
  }, [weeks, runs, seed, replanThursday, simulate, lang, inputs.mapping, planDate, settings, fromWorkbook]);

  const guard = useCallback(
    (action: () => Promise<unknown>) => () => {
      setActionError(undefined);
      action().catch(setActionError);
    },
    [],
  );

  const onSelect = (at: CellRef) => guard(() => workbook.selectCell(at))();
  const onOpenSheet = (sheet: string) => guard(() => workbook.activateSheet(sheet))();
  const onInsertSample = guard(async () => {
    const names = await inputs.insertSample(sampleTables);
    setNotice(names ? t(lang, "insertSampleDone", { sheets: names.join(", ") }) : undefined);
  });

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">{t(lang, "appTitle")}</Title3>
          <Caption1>{t(lang, "appSubtitle")}</Caption1>
          <LanguageSwitch lang={lang} onChange={setLang} />
        </header>
        {preview && (
          <MessageBar intent="info">
            <MessageBarBody>{t(lang, "previewBanner")}</MessageBarBody>
          </MessageBar>
        )}
        <RunPanel
          lang={lang}
          plan={state}
          simulation={simulated}
          active={active}
          weeks={weeks}
          runs={runs}
          seed={seed}
          onWeeks={setWeeks}
          onRuns={setRuns}
          onSeed={setSeed}
          replanThursday={replanThursday}
          onReplanThursday={setReplanThursday}
          onRun={onRun}
          onSimulate={onSimulate}
          onCancel={active === "plan" ? cancel : cancelSimulation}
        />
        {actionError !== undefined && (
          <MessageBar intent="error">
            <MessageBarBody>{errorMessage(actionError, lang)}</MessageBarBody>
          </MessageBar>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)}>
          <Tab value="results">{t(lang, "sectionResults")}</Tab>
          <Tab value="inputs">{t(lang, "sectionInputs")}</Tab>
          <Tab value="settings">{t(lang, "sectionSettings")}</Tab>
        </TabList>
        <div role="tabpanel" aria-label={t(lang, sectionKey[tab])} className={styles.panel}>
          <ErrorBoundary key={`${tab}-${state.status}-${simulated.status}`} lang={lang}>
            {tab === "results" && (
              <ResultsPanel
                lang={lang}
                view={state.view}
                simulation={simulated.view}
                simulationFirst={active === "simulate"}
                onOpenSheet={onOpenSheet}
              />
            )}
            {tab === "inputs" && (
              <InputsPanel
                lang={lang}
                statuses={inputs.statuses}
                problems={inputs.problems}
                needs={inputs.needs}
                mapping={inputs.mapping}
                error={inputs.error}
                busy={inputs.busy}
                notice={notice}
                onSelect={onSelect}
                onSaveMapping={inputs.saveMapping}
                onRefresh={() => void inputs.refresh()}
                onInsertSample={onInsertSample}
              />
            )}
            {tab === "settings" && (
              <SettingsPanel
                lang={lang}
                settings={settings}
                workbookKeys={fromWorkbook.keys}
                planDate={planDate}
                onChange={setEdited}
                onPlanDate={setPlanDate}
                onReset={() => {
                  setEdited(undefined);
                  setPlanDate("");
                }}
              />
            )}
          </ErrorBoundary>
        </div>
      </main>
    </FluentProvider>
  );
}

const sectionKey = {
  inputs: "sectionInputs",
  settings: "sectionSettings",
  results: "sectionResults",
} as const;
