import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle24Regular, TextBulletListSquareEdit20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnnexaFinding, AnnexaImportReport } from '../../../shared/annexa/api.ts';
import type { Output } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { ChangesPanel } from './ChangesPanel.tsx';
import { FindingFilters, type FindingFilter } from './FindingFilters.tsx';
import { FindingsOverview } from './FindingsOverview.tsx';
import { FindingsTable } from './FindingsTable.tsx';
import { groupFindingCounts, pageLabel, totals } from './findings-groups.ts';
import { columnHeader, listTitle } from './names.ts';
import { RowPanel } from './RowPanel.tsx';
import { LinkToRequest } from '../requests/LinkToRequest.tsx';
import type { RuleId } from '../../../shared/annexa/rules.ts';
import { plural } from '../shared/format.ts';

const PAGE = 50;

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  clean: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, color: tokens.colorPaletteGreenForeground1 },
  cleanText: { color: tokens.colorNeutralForeground1, margin: 0 },
});

type Page = Output<'annexa.findings'>;

/**
 * Step 3: the findings, counted by list and rule (errors first) and listed a page at a time with
 * filters; a finding's place opens its row in a side panel. The changes normalisation made are a
 * click away, so the person can check them too.
 */
export function FindingsStep({ report }: { report: AnnexaImportReport }) {
  const styles = useStyles();
  const api = useApi();
  const [filter, setFilter] = useState<FindingFilter>({});
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  // The filter the page shown was fetched for: a link made names its count only once it is this filter's.
  const [pageFilter, setPageFilter] = useState<FindingFilter | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<AnnexaFinding | null>(null);
  const [changesOpen, setChangesOpen] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const titleOf = (list: string) => listTitle(report.specId, list);
  const headerOf = (list: string, column: string | null) => columnHeader(report.specId, list, column);

  useEffect(() => {
    let live = true;
    setError(null);
    api.call('annexa.findings', { ...filter, offset, limit: PAGE }).then(
      (p) => {
        if (!live) return;
        setPage(p);
        setPageFilter(filter);
      },
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
    // A new import (report) has new findings.
  }, [api, filter, offset, report]);

  const groups = useMemo(() => groupFindingCounts(page?.counts ?? [], (l) => listTitle(report.specId, l)), [page?.counts, report.specId]);
  const all = totals(page?.counts ?? []);
  const changeFilter = (next: FindingFilter) => {
    setFilter(next);
    setOffset(0);
  };
  const onRow = open ? (page?.findings ?? []).filter((f) => f.source === open.source && f.row === open.row) : [];

  return (
    <section className={styles.step} aria-labelledby="annexa-step-findings">
      <h3 id="annexa-step-findings" className={styles.heading} tabIndex={-1}>
        3. Findings
      </h3>
      <div className={styles.line}>
        <p className={styles.intro}>
          {`${plural(report.errors, 'error')} and ${plural(report.warnings, 'warning')} in ${plural(report.rows, 'row')}. `}
          Errors would reach the inspectors: correct them in your system or the extract, then import again. Warnings are for a person to look at;
          correct data can raise one.
        </p>
        <Button icon={<TextBulletListSquareEdit20Regular />} onClick={() => setChangesOpen(true)} data-testid="annexa-changes-button">
          {`Changes made: ${report.changes.toLocaleString('en-GB')}`}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!page ? (
        !error && <Spinner size="small" label="Loading the findings…" />
      ) : report.rows === 0 ? (
        <p data-testid="annexa-no-findings">No rows were imported, so there is nothing to check: the lists were recognised from their headers but hold no rows.</p>
      ) : all.errors + all.warnings === 0 ? (
        <div className={styles.clean} data-testid="annexa-no-findings">
          <CheckmarkCircle24Regular aria-hidden />
          <p className={styles.cleanText}>No findings: every row passed every check. Look over the changes made and the summaries before you build the workbook.</p>
        </div>
      ) : (
        <>
          <FindingsOverview
            groups={groups}
            selected={filter}
            onPick={(list, rule) => {
              changeFilter({ list, rule });
              listHeading.current?.focus();
            }}
          />
          <h4 className={styles.sub} ref={listHeading} tabIndex={-1} id="annexa-findings-list">
            The findings
          </h4>
          <FindingFilters filter={filter} counts={page.counts} listTitle={titleOf} onChange={changeFilter} />
          {/* An inspector may ask for a list's rows with errors: link the list as filtered here, with how many findings it has now. */}
          <div>
            {pageFilter === filter && (
              <LinkToRequest
                link={{
                  kind: 'annexa',
                  ...(filter.list ? { list: filter.list } : {}),
                  filter: { ...(filter.rule ? { rule: filter.rule as RuleId } : {}), ...(filter.severity ? { severity: filter.severity } : {}) },
                  note: `${plural(page.total, 'finding')} when linked`,
                }}
                label="Link these findings to a request"
              />
            )}
          </div>
          {page.total === 0 ? (
            <p>No findings match these filters.</p>
          ) : (
            <FindingsTable findings={page.findings} open={open} onOpen={setOpen} listTitle={titleOf} columnHeader={headerOf} />
          )}
          <div className={styles.pager}>
            <Button size="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </Button>
            <Button size="small" disabled={offset + page.findings.length >= page.total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </Button>
            <span role="status" data-testid="annexa-findings-page">
              {pageLabel(offset, page.findings.length, page.total)}
            </span>
          </div>
        </>
      )}
      <RowPanel finding={open} onRow={onRow} listTitle={titleOf} onClose={() => setOpen(null)} />
      <ChangesPanel open={changesOpen} report={report} listTitle={titleOf} columnHeader={headerOf} onClose={() => setChangesOpen(false)} />
    </section>
  );
}
