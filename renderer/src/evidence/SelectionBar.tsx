import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { Tag20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { TagDialog } from '../frameworks/TagDialog.tsx';
import { plural } from '../shared/format.ts';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
  },
  count: { color: tokens.colorNeutralForeground2 },
});

export interface SelectionBarProps {
  /** The documents shown. */
  shown: readonly number[];
  /** Those of them ticked. */
  selected: readonly number[];
  onSelectAll: (all: boolean) => void;
  onTagged: () => void;
}

/** Above the results: tick all, how many are ticked, and "Tag selected…". */
export function SelectionBar({ shown, selected, onSelectAll, onTagged }: SelectionBarProps) {
  const styles = useStyles();
  const [tagging, setTagging] = useState<number[]>([]);
  const all = selected.length > 0 && selected.length === shown.length;
  return (
    <div className={styles.bar} data-testid="selection-bar">
      <Checkbox
        checked={all ? true : selected.length > 0 ? 'mixed' : false}
        onChange={() => onSelectAll(!all)}
        label={selected.length ? `${plural(selected.length, 'document')} selected` : 'Select all shown'}
        className={styles.count}
      />
      <Button size="small" icon={<Tag20Regular />} disabled={!selected.length} onClick={() => setTagging([...selected])}>
        Tag selected…
      </Button>
      {tagging.length > 0 && (
        <TagDialog
          documentIds={tagging}
          onClose={() => setTagging([])}
          onTagged={() => {
            onTagged();
          }}
        />
      )}
    </div>
  );
}
