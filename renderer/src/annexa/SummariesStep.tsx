import { MessageBar, MessageBarBody, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { formatFigure, type AnnexASummaries, type ListSummary } from '../../../shared/annexa/summaries.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { BarChart } from './BarChart.tsx';
import { formatIsoDate } from './dates.ts';
import { LinkToRequest } from '../requests/LinkToRequest.tsx';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  layout: { display: 'grid', gridTemplateColumns: '190px minmax(0, 1fr)', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  tabs: { position: 'sticky', top: 0 },
  absent: { gridColumn: '1 / -1', margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  tab: { textAlign: 'start' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column-reverse', justifyContent: 'flex-end', gap: tokens.spacingVerticalXXS, margin: 0 },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, fontVariantNumeric: 'tabular-nums' },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: tokens.spacingHorizontalXL },
});

/** One list's figures (each with its plain label) and a chart per breakdown. */
function ListSummaryView({ summary }: { summary: ListSummary }) {
  const styles = useStyles();
  return (
    <section className={styles.list} aria-labelledby={`annexa-summary-${summary.list}`} data-testid="annexa-list-summary" data-list={summary.list}>
      <h4 id={`annexa-summary-${summary.list}`} className={styles.title}>
        {summary.title}
      </h4>
      {/* An inspector's question is often a figure of a list: link this list's figures to the request. */}
      <div>
        <LinkToRequest link={{ kind: 'annexa', list: summary.list, note: 'the figures of the Annex A summaries' }} label="Link these figures to a request" />
      </div>
      {summary.rows === 0 ? (
        <p className={styles.intro}>No rows were imported for this list.</p>
      ) : (
        <>
          <dl className={styles.figures}>
            {summary.figures.map((f) => (
              // column-reverse: the value reads first on screen, the label first to a screen reader (dt before dd).
              <div key={f.id} className={styles.figure} data-figure={f.id}>
                <dt className={styles.label}>
                  {f.label}
                  {f.note && <span className={styles.note}>{` — ${f.note}`}</span>}
                </dt>
                <dd className={styles.value}>{formatFigure(f)}</dd>
              </div>
            ))}
          </dl>
          <div className={styles.charts}>
            {summary.tables.map((t) => (
              <BarChart key={t.id} table={t} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** Step 4: the ChAT-style summaries of the import, a list at a time; the same figures go in the workbook's summary sheet. */
export function SummariesStep({ importedAt }: { importedAt: string }) {
  const styles = useStyles();
  const api = useApi();
  const [summaries, setSummaries] = useState<AnnexASummaries | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [list, setList] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('annexa.summary', {}).then(
      (s) => live && setSummaries(s),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, importedAt]);

  // Lists no extract gave have nothing to show; they are named once instead of as empty tabs.
  const lists = (summaries?.lists ?? []).filter((l) => l.rows > 0);
  const absent = (summaries?.lists ?? []).filter((l) => l.rows === 0);
  const current = lists.find((l) => l.list === list) ?? lists[0];

  return (
    <section className={styles.step} aria-labelledby="annexa-step-summaries">
      <h3 id="annexa-step-summaries" className={styles.heading} tabIndex={-1}>
        4. Summaries
      </h3>
      {summaries && (
        <p className={styles.intro}>
          {`Measured at the inspection date, ${formatIsoDate(summaries.inspectionDate)}. Timeliness is in working days (weekends and English bank holidays left out). The same figures are in the workbook’s summary sheet.`}
        </p>
      )}
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : summaries === undefined ? (
        <Spinner size="small" label="Working out the summaries…" />
      ) : !summaries || !lists.length ? (
        <p>There is nothing to summarise yet: the import has no rows.</p>
      ) : (
        <div className={styles.layout}>
          <TabList vertical className={styles.tabs} selectedValue={current?.list} onTabSelect={(_, d) => setList(d.value as string)} aria-label="Lists">
            {lists.map((l) => (
              <Tab key={l.list} value={l.list} className={styles.tab}>
                {l.title.replace(/^List (\d+):\s*/u, '$1. ')}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" aria-label={current?.title}>
            {current && <ListSummaryView summary={current} />}
          </div>
          {absent.length > 0 && <p className={styles.absent}>{`No rows imported, so no summary: ${absent.map((l) => l.title).join('; ')}.`}</p>}
        </div>
      )}
    </section>
  );
}
