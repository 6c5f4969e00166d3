import { Tree, TreeItem, TreeItemLayout, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle12Filled } from '@fluentui/react-icons';
import type { Coverage, FrameworkView } from '../../../shared/contract.ts';
import { coverageLevel, gapsText, isGap } from './coverage-view.ts';

type Node = FrameworkView['judgements'][number]['criteria'][number];

const useStyles = makeStyles({
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase100 },
  title: { fontSize: tokens.fontSizeBase200, whiteSpace: 'normal', overflowWrap: 'anywhere' },
  judgement: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  gap: { color: tokens.colorPaletteRedForeground1, display: 'inline-flex', alignItems: 'center', gap: '2px', fontSize: tokens.fontSizeBase100 },
  noGap: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
});

export interface FrameworkTreeProps {
  framework: FrameworkView;
  coverage: Coverage | null;
  selectedCriterionId: string | null;
  onSelectCriterion: (criterionId: string) => void;
}

/** Judgements > criteria > sub-criteria; choosing one shows it in the table and its evidence. */
export function FrameworkTree({ framework, coverage, selectedCriterionId, onSelectCriterion }: FrameworkTreeProps) {
  const styles = useStyles();
  const levels = new Map(coverage?.judgements.flatMap((j) => j.criteria.map((c) => [c.id, coverageLevel(c)] as const)) ?? []);
  const gapsOf = new Map(coverage?.judgements.map((j) => [j.id, j.gaps]) ?? []);

  const leaf = (c: Node) => {
    const level = levels.get(c.id);
    const children = c.children ?? [];
    return (
      <TreeItem key={c.id} itemType={children.length ? 'branch' : 'leaf'} value={c.id} onClick={() => onSelectCriterion(c.id)} onKeyDown={(e) => e.key === 'Enter' && onSelectCriterion(c.id)}>
        <TreeItemLayout
          className={selectedCriterionId === c.id ? styles.selected : undefined}
          aside={
            level && isGap(level) ? (
              <span className={styles.gap}>
                <ErrorCircle12Filled aria-hidden />
                Gap
              </span>
            ) : undefined
          }
        >
          <span className={styles.id}>{c.id}</span>
          <span className={styles.title}>{c.title}</span>
        </TreeItemLayout>
        {children.length > 0 && <Tree>{children.map(leaf)}</Tree>}
      </TreeItem>
    );
  };

  return (
    <Tree aria-label={`${framework.shortTitle ?? framework.title}: judgements and criteria`} defaultOpenItems={framework.judgements.map((j) => j.id)} size="small" data-testid="framework-tree">
      {framework.judgements.map((j) => (
        <TreeItem key={j.id} itemType="branch" value={j.id}>
          <TreeItemLayout aside={gapsOf.has(j.id) ? <span className={(gapsOf.get(j.id) ?? 0) > 0 ? styles.gap : styles.noGap}>{gapsText(gapsOf.get(j.id) ?? 0)}</span> : undefined}>
            <span className={styles.judgement}>{j.shortTitle ?? j.title}</span>
          </TreeItemLayout>
          <Tree>{j.criteria.map(leaf)}</Tree>
        </TreeItem>
      ))}
    </Tree>
  );
}
