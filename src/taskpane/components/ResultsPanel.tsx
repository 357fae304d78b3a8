import { Caption1, Link, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatMoney, t, type Lang } from "../../core/i18n";
import { formatNumber, formatPercent } from "../format";
import { policyLabel } from "../../core/simulate";
import type { BacktestFigures, ResultsView, SheetRole, SimulationView } from "../results";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  block: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  figure: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    textAlign: "left",
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInline: tokens.spacingHorizontalXS,
  },
  number: {
    textAlign: "right",
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInline: tokens.spacingHorizontalXS,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
});

/** The pane lists the first streams at risk and a few actions each; the sheet has them all. */
const STREAMS_SHOWN = 5;
const ACTIONS_SHOWN = 2;

export type ResultsPanelProps = {
  lang: Lang;
  view: ResultsView | undefined;
  simulation?: SimulationView;
  /** Show the simulation above the plan (it ran last). */
  simulationFirst?: boolean;
  onOpenSheet: (sheet: string) => void;
};

/**
 * The plan's results (SKUs to restock, cost by mode, streams at risk, the
 * backtest) and the simulation's policies, each with a link to its sheet.
 */
export function ResultsPanel({ lang, view, simulation, simulationFirst, onOpenSheet }: ResultsPanelProps) {
  const styles = useStyles();
  if (!view && !simulation) return <Text>{t(lang, "resultsEmpty")}</Text>;
  const simulated = simulation && (
    <SimulationResults lang={lang} view={simulation} onOpenSheet={onOpenSheet} />
  );
  return (
    <div className={styles.root}>
      {simulationFirst && simulated}
      {view && <PlanResults lang={lang} view={view} onOpenSheet={onOpenSheet} />}
      {!simulationFirst && simulated}
    </div>
  );
}

function PlanResults({
  lang,
  view,
  onOpenSheet,
}: {
  lang: Lang;
  view: ResultsView;
  onOpenSheet: (sheet: string) => void;
}) {
  const styles = useStyles();
  const link = (role: SheetRole) => {
    const sheet = view.sheets[role];
    return sheet ? (
      <Link as="button" onClick={() => onOpenSheet(sheet)}>
        {t(lang, "resultOpenSheet", { sheet })}
      </Link>
    ) : null;
  };
  return (
    <>
      <section className={styles.block} aria-labelledby="result-restock">
        <Subtitle2 as="h2" id="result-restock">
          {t(lang, "resultRestock")}
        </Subtitle2>
        <span className={styles.figure}>{formatNumber(lang, view.skusToRestock)}</span>
        {link("plan")}
      </section>
      <section className={styles.block} aria-labelledby="result-cost">
        <Subtitle2 as="h2" id="result-cost">
          {t(lang, "resultCostByMode")}
        </Subtitle2>
        <table className={styles.table}>
          <tbody>
            {view.costByMode.map((m) => (
              <tr key={m.mode}>
                <th scope="row" className={styles.cell}>
                  {m.mode}
                </th>
                <td className={styles.number}>{formatMoney(lang, m.cost)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className={styles.cell}>
                {t(lang, "resultTotal")}
              </th>
              <td className={styles.number}>{formatMoney(lang, view.totalCost)}</td>
            </tr>
          </tbody>
        </table>
        {link("timetable")}
      </section>
      <section className={styles.block} aria-labelledby="result-streams">
        <Subtitle2 as="h2" id="result-streams">
          {t(lang, "resultStreamsAtRisk")}
        </Subtitle2>
        {view.streamsAtRisk.length === 0 ? (
          <Text>{t(lang, "resultStreamsNone")}</Text>
        ) : (
          <ul className={styles.list}>
            {view.streamsAtRisk.slice(0, STREAMS_SHOWN).map((s) => (
              <li key={s.streamId}>
                <Text weight="semibold">
                  {t(lang, "resultStreamLine", {
                    stream: s.streamId,
                    date: s.date,
                    skus: s.skus.map((k) => `${k.sku} (${k.status})`).join(", "),
                  })}
                </Text>
                {s.actions.slice(0, ACTIONS_SHOWN).map((a) => (
                  <Caption1 key={a} block>
                    {t(lang, "resultAction", { action: a })}
                  </Caption1>
                ))}
              </li>
            ))}
          </ul>
        )}
        {view.streamsAtRisk.length > STREAMS_SHOWN && (
          <Caption1>
            {t(lang, "resultMoreStreams", { count: view.streamsAtRisk.length - STREAMS_SHOWN })}
          </Caption1>
        )}
        {link("streams")}
      </section>
      <section className={styles.block} aria-labelledby="result-backtest">
        <Subtitle2 as="h2" id="result-backtest">
          {t(lang, "resultBacktest")}
        </Subtitle2>
        {view.backtest ? (
          <BacktestTable lang={lang} figures={view.backtest} styles={styles} />
        ) : (
          <Text>{t(lang, "resultBacktestNone")}</Text>
        )}
        {link("backtest")}
      </section>
    </>
  );
}

/** Each policy's fill, stream-day fill, freight and total cost in the simulation, and a link to its sheet. */
function SimulationResults({
  lang,
  view,
  onOpenSheet,
}: {
  lang: Lang;
  view: SimulationView;
  onOpenSheet: (sheet: string) => void;
}) {
  const styles = useStyles();
  const money = (n: number | null) => (n === null ? "—" : formatNumber(lang, n));
  return (
    <section className={styles.block} aria-labelledby="result-simulation">
      <Subtitle2 as="h2" id="result-simulation">
        {t(lang, "resultSimulation")}
      </Subtitle2>
      <Caption1>
        {t(lang, "resultSimulationAbout", { weeks: view.weeks, runs: view.runs, start: view.start })}
      </Caption1>
      <table className={styles.table} aria-labelledby="result-simulation">
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {t(lang, "resultSimPolicy")}
            </th>
            <th scope="col" className={styles.number}>
              {t(lang, "resultSimFill")}
            </th>
            <th scope="col" className={styles.number}>
              {t(lang, "resultSimStreamFill")}
            </th>
            <th scope="col" className={styles.number}>
              {t(lang, "resultSimFreight")}
            </th>
            <th scope="col" className={styles.number}>
              {t(lang, "resultSimTotalCost")}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.policy}>
              <th scope="row" className={styles.cell}>
                {policyLabel(r.policy, lang)}
              </th>
              <td className={styles.number}>{formatPercent(lang, r.fill)}</td>
              <td className={styles.number}>{formatPercent(lang, r.fillStreamDays)}</td>
              <td className={styles.number}>{money(r.freight)}</td>
              <td className={styles.number}>{money(r.totalCost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Link as="button" onClick={() => onOpenSheet(view.sheet)}>
        {t(lang, "resultOpenSheet", { sheet: view.sheet })}
      </Link>
    </section>
  );
}

/** This plan against the naive policy: fill overall and on stream days, freight by mode, cover. */
function BacktestTable({
  lang,
  figures,
  styles,
}: {
  lang: Lang;
  figures: { plan: BacktestFigures; naive: BacktestFigures };
  styles: ReturnType<typeof useStyles>;
}) {
  const freight = (f: BacktestFigures) =>
    f.freightByMode.length > 1
      ? `${formatNumber(lang, f.freight)} (${f.freightByMode.map((m) => `${m.mode} ${formatNumber(lang, m.cost)}`).join(", ")})`
      : f.freightByMode.length === 1
        ? `${f.freightByMode[0].mode} ${formatNumber(lang, f.freight)}`
        : formatNumber(lang, 0);
  const cover = (x: number | null) => (x === null ? "—" : formatNumber(lang, x, 1));
  const rows: [string, (f: BacktestFigures) => string][] = [
    [t(lang, "resultBacktestFill"), (f) => formatPercent(lang, f.fill)],
    [t(lang, "resultBacktestFillStream"), (f) => formatPercent(lang, f.fillStreamDays)],
    [t(lang, "resultBacktestFreight"), freight],
    [t(lang, "resultBacktestCover"), (f) => cover(f.cover)],
  ];
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <td className={styles.cell} />
          <th scope="col" className={styles.number}>
            {t(lang, "resultBacktestPlan")}
          </th>
          <th scope="col" className={styles.number}>
            {t(lang, "resultBacktestNaive")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, cell]) => (
          <tr key={label}>
            <th scope="row" className={styles.cell}>
              {label}
            </th>
            <td className={styles.number}>{cell(figures.plan)}</td>
            <td className={styles.number}>{cell(figures.naive)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
