import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  name: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', minWidth: 0 },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, flexShrink: 0 },
  // At most two lines, cut with an ellipsis: a narrow table (the side panel open, 1024 wide) must not
  // stretch each row to four. The whole name is in the tooltip and in the accessible name (the DOM
  // keeps all of it).
  title: {
    minWidth: 0,
    overflowWrap: 'break-word',
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
  },
});

/** A criterion's id and title in a table row: "HP04 Strategy discussions and…", never over two lines. */
export function CriterionName({ id, title }: { id: string; title: string }) {
  const styles = useStyles();
  return (
    <span className={styles.name} title={`${id} ${title}`}>
      <span className={styles.id}>{id}</span>{' '}
      <span className={styles.title} data-testid="criterion-title">
        {title}
      </span>
    </span>
  );
}
