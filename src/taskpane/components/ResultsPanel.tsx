import { Caption1, Link, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { formatMoney, t, type Lang, type MessageKey } from "../../core/i18n";
import { formatNumber, formatPercent } from "../format";
import { policyLabel, replannedText } from "../../core/simulate";
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

/** What each block of results is given: the language, what it shows, and how to open a sheet. */
type BlockProps<V> = { lang: Lang; view: V; onOpenSheet: (sheet: string) => void };

function PlanResults({ lang, view, onOpenSheet }: BlockProps<ResultsView>) {
  const styles = useStyles();
  const link = (role: SheetRole) => {
    const sheet = view.sheets[role];
    return sheet ? <SheetLink lang={lang} sheet={sheet} onOpenSheet={onOpenSheet} /> : null;
  };
  return (
    <>
      <ResultSection lang={lang} id="result-restock" title="resultRestock">
        <span className={styles.figure}>{formatNumber(lang, view.skusToRestock)}</span>
        {link("plan")}
      </ResultSection>
      <ResultSection lang={lang} id="result-cost" title="resultCostByMode">
        <table className={styles.table}>
          <tbody>
            {view.costByMode.map((m) => (
              <FigureRow key={m.mode} label={m.mode} figures={[formatMoney(lang, m.cost)]} />
            ))}
            <FigureRow label={t(lang, "resultTotal")} figures={[formatMoney(lang, view.totalCost)]} />
          </tbody>
        </table>
        {link("timetable")}
      </ResultSection>
      <ResultSection lang={lang} id="result-streams" title="resultStreamsAtRisk">
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
      </ResultSection>
      <ResultSection lang={lang} id="result-backtest" title="resultBacktest">
        {view.backtest ? (
          <BacktestTable lang={lang} figures={view.backtest} styles={styles} />
        ) : (
          <Text>{t(lang, "resultBacktestNone")}</Text>
        )}
        {link("backtest")}
      </ResultSection>
    </>
  );
}

/** Each policy's fill, stream-day fill, freight and total cost in the simulation, and a link to its sheet. */
function SimulationResults({ lang, view, onOpenSheet }: BlockProps<SimulationView>) {
  const styles = useStyles();
  const money = (n: number | null) => (n === null ? "—" : formatNumber(lang, n));
  return (
    <ResultSection lang={lang} id="result-simulation" title="resultSimulation">
      <Caption1>
        {t(lang, "resultSimulationAbout", {
          weeks: view.weeks,
          runs: view.runs,
          seed: view.seed,
          start: view.start,
        })}
        {view.replanDays.length > 0 && ` ${replannedText(view.replanDays, lang)}`}
      </Caption1>
      <table className={styles.table} aria-labelledby="result-simulation">
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {t(lang, "resultSimPolicy")}
            </th>
            <FigureHeads lang={lang} heads={SIMULATION_HEADS} />
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <FigureRow
              key={r.policy}
              label={policyLabel(r.policy, lang)}
              figures={[
                formatPercent(lang, r.fill),
                formatPercent(lang, r.fillStreamDays),
                money(r.freight),
                money(r.totalCost),
              ]}
            />
          ))}
        </tbody>
      </table>
      <SheetLink lang={lang} sheet={view.sheet} onOpenSheet={onOpenSheet} />
    </ResultSection>
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
          <FigureHeads lang={lang} heads={BACKTEST_HEADS} />
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, cell]) => (
          <FigureRow key={label} label={label} figures={[cell(figures.plan), cell(figures.naive)]} />
        ))}
      </tbody>
    </table>
  );
}

const SIMULATION_HEADS: readonly MessageKey[] = [
  "resultSimFill",
  "resultSimStreamFill",
  "resultSimFreight",
  "resultSimTotalCost",
];
const BACKTEST_HEADS: readonly MessageKey[] = ["resultBacktestPlan", "resultBacktestNaive"];

/** A block of results under its heading (`id` labels the block). */
function ResultSection({
  lang,
  id,
  title,
  children,
}: {
  lang: Lang;
  id: string;
  title: MessageKey;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.block} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id}>
        {t(lang, title)}
      </Subtitle2>
      {children}
    </section>
  );
}

/** The headers of a table's figure columns. */
function FigureHeads({ lang, heads }: { lang: Lang; heads: readonly MessageKey[] }) {
  const styles = useStyles();
  return heads.map((head) => (
    <th key={head} scope="col" className={styles.number}>
      {t(lang, head)}
    </th>
  ));
}

/** A table row: its label, then its figures right-aligned. */
function FigureRow({ label, figures }: { label: string; figures: readonly string[] }) {
  const styles = useStyles();
  return (
    <tr>
      <th scope="row" className={styles.cell}>
        {label}
      </th>
      {figures.map((figure, i) => (
        <td key={i} className={styles.number}>
          {figure}
        </td>
      ))}
    </tr>
  );
}

/** The link that opens `sheet`. */
function SheetLink({
  lang,
  sheet,
  onOpenSheet,
}: {
  lang: Lang;
  sheet: string;
  onOpenSheet: (sheet: string) => void;
}) {
  return (
    <Link as="button" onClick={() => onOpenSheet(sheet)}>
      {t(lang, "resultOpenSheet", { sheet })}
    </Link>
  );
}
