import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTable24Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  box: { maxWidth: '560px', display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalXL },
  icon: { color: tokens.colorBrandForeground1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  p: { margin: 0 },
});

/** A step that needs an import, before there is one: what it will show, and where to start. */
export function NothingImported({ what, onStart }: { what: string; onStart: () => void }) {
  const styles = useStyles();
  return (
    <section className={styles.box} data-testid="annexa-empty">
      <DocumentTable24Regular className={styles.icon} aria-hidden />
      <h3 className={styles.heading} tabIndex={-1}>
        Nothing imported yet
      </h3>
      <p className={styles.p}>{what} Add the extracts from your case-management system first.</p>
      <Button appearance="primary" onClick={onStart}>
        Add extracts
      </Button>
    </section>
  );
}
