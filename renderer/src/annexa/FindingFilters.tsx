import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { rulesPresent, type FindingCount } from './findings-groups.ts';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  field: { minWidth: '180px', flex: 1, maxWidth: '280px' },
});

export interface FindingFilter {
  list?: string;
  rule?: string;
  severity?: 'error' | 'warning';
}

export interface FindingFiltersProps {
  filter: FindingFilter;
  counts: readonly FindingCount[];
  listTitle: (list: string) => string;
  onChange: (filter: FindingFilter) => void;
}

const n = (x: number) => x.toLocaleString('en-GB');

/** List, rule and severity, each offered with how many findings it has (over all findings). */
export function FindingFilters({ filter, counts, listTitle, onChange }: FindingFiltersProps) {
  const styles = useStyles();
  const lists = [...new Set(counts.map((c) => c.list))].sort((a, b) => Number(a.replace(/\D/gu, '')) - Number(b.replace(/\D/gu, '')));
  const perList = (list: string) => counts.filter((c) => c.list === list).reduce((s, c) => s + c.count, 0);
  const perSeverity = (severity: string) => counts.filter((c) => c.severity === severity).reduce((s, c) => s + c.count, 0);
  const any = filter.list !== undefined || filter.rule !== undefined || filter.severity !== undefined;
  return (
    <div className={styles.bar} role="group" aria-label="Filter the findings">
      <Field label="List" className={styles.field}>
        <Select value={filter.list ?? ''} onChange={(_, d) => onChange({ ...filter, list: d.value || undefined })} data-testid="annexa-filter-list">
          <option value="">All lists</option>
          {lists.map((l) => (
            <option key={l} value={l}>
              {`${listTitle(l)} (${n(perList(l))})`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Rule" className={styles.field}>
        <Select value={filter.rule ?? ''} onChange={(_, d) => onChange({ ...filter, rule: d.value || undefined })} data-testid="annexa-filter-rule">
          <option value="">All rules</option>
          {rulesPresent(counts).map((r) => (
            <option key={r.rule} value={r.rule}>
              {`${r.rule} (${n(r.count)})`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Severity" className={styles.field}>
        <Select
          value={filter.severity ?? ''}
          onChange={(_, d) => onChange({ ...filter, severity: d.value === 'error' || d.value === 'warning' ? d.value : undefined })}
          data-testid="annexa-filter-severity"
        >
          <option value="">Errors and warnings</option>
          <option value="error">{`Errors only (${n(perSeverity('error'))})`}</option>
          <option value="warning">{`Warnings only (${n(perSeverity('warning'))})`}</option>
        </Select>
      </Field>
      <Button appearance="subtle" icon={<Dismiss16Regular />} disabled={!any} onClick={() => onChange({})}>
        Clear filters
      </Button>
    </div>
  );
}
