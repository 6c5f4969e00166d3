import { Button, Input, Text, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeft20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import { useEffect, useId, useState, type FormEvent } from 'react';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  label: { fontWeight: tokens.fontWeightSemibold, minWidth: '110px', textAlign: 'center' },
  form: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  input: { width: '72px' },
});

export interface PageNavProps {
  page: number;
  pageCount: number;
  /** Where the page is, in words ("Page 12", "Slide 3", "Sheet Population"), from the API. */
  pageLabel: string | null;
  onPageChange: (page: number) => void;
}

/** "Page 3 of 10", or the place's own name with the position: "Sheet Population (2 of 5)". */
export function pageWhere(page: number, pageCount: number, pageLabel: string | null): string {
  if (!pageLabel || pageLabel === `Page ${page}`) return `Page ${page} of ${pageCount}`;
  return `${pageLabel} (${page} of ${pageCount})`;
}

/** Previous / next, where we are, and a box to jump to a page. */
export function PageNav({ page, pageCount, pageLabel, onPageChange }: PageNavProps) {
  const styles = useStyles();
  const inputId = useId();
  const [target, setTarget] = useState(String(page));
  useEffect(() => setTarget(String(page)), [page]);

  const go = (event: FormEvent) => {
    event.preventDefault();
    const n = Number.parseInt(target, 10);
    if (Number.isFinite(n)) onPageChange(Math.min(Math.max(1, n), pageCount));
  };

  return (
    <Toolbar className={styles.bar} aria-label="Pages" size="small">
      <Button icon={<ChevronLeft20Regular />} disabled={page <= 1} onClick={() => onPageChange(page - 1)} aria-label="Previous page" title="Previous page" />
      <Text className={styles.label} data-testid="doc-page-label" aria-live="polite">
        {pageWhere(page, pageCount, pageLabel)}
      </Text>
      <Button icon={<ChevronRight20Regular />} disabled={page >= pageCount} onClick={() => onPageChange(page + 1)} aria-label="Next page" title="Next page" />
      {pageCount > 2 && (
        <form className={styles.form} onSubmit={go}>
          <label htmlFor={inputId}>Go to page</label>
          <Input id={inputId} className={styles.input} size="small" type="number" min={1} max={pageCount} value={target} onChange={(_, data) => setTarget(data.value)} />
          <Button size="small" type="submit">
            Go
          </Button>
        </form>
      )}
    </Toolbar>
  );
}
