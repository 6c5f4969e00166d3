import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons';
import type { PackVerifyResult } from '../../../shared/pack.ts';
import { formatCount, plural } from '../shared/format.ts';
import { useSectionStyles } from './section-styles.ts';

/** Lists longer than this show their start and a count: a thousand changed paths would bury the page. */
const SHOWN = 200;

const useStyles = makeStyles({
  ok: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL, maxHeight: '240px', overflowY: 'auto' },
});

const GROUPS = [
  { key: 'missing', title: 'Missing', says: 'listed in the manifest but not in the folder', counted: (n: number) => `${formatCount(n)} missing` },
  { key: 'changed', title: 'Changed', says: 'in the folder, but not the bytes the manifest recorded', counted: (n: number) => `${formatCount(n)} changed` },
  { key: 'extra', title: 'Not in the manifest', says: 'added to the folder after the pack was written', counted: (n: number) => `${formatCount(n)} not in the manifest` },
  {
    key: 'problems',
    title: 'Manifest lines that could not be trusted',
    says: 'the manifest itself was edited or damaged',
    counted: (n: number) => `${plural(n, 'manifest line')} not trusted`,
  },
] as const;

/** A pack checked against its manifest: one line when all is well, else each kind of difference with its paths inside the pack. */
export function VerifyResultView({ result }: { result: PackVerifyResult }) {
  const section = useSectionStyles();
  const styles = useStyles();
  if (result.ok) {
    return (
      <p className={styles.ok} data-testid="verify-ok">
        <CheckmarkCircle20Filled aria-hidden />
        {`All ${plural(result.files, 'file')} match the manifest`}
      </p>
    );
  }
  const counts = GROUPS.filter((g) => result[g.key].length > 0).map((g) => g.counted(result[g.key].length));
  return (
    <div className={styles.groups} data-testid="verify-not-ok">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This pack is not as it was written</MessageBarTitle>
          {`Checked against the manifest’s ${plural(result.files, 'file')}: ${counts.join(', ') || 'the manifest could not be read'}. Export the pack again to replace it, or find out who changed the folder.`}
        </MessageBarBody>
      </MessageBar>
      {GROUPS.map((g) => {
        const paths = result[g.key];
        if (!paths.length) return null;
        return (
          <section key={g.key} data-testid={`verify-${g.key}`}>
            <h4 className={styles.groupTitle}>{`${g.title} (${formatCount(paths.length)})`}</h4>
            <p className={section.muted}>{g.says}</p>
            <ul className={styles.list}>
              {paths.slice(0, SHOWN).map((p) => (
                <li key={p} className={section.path}>
                  {p}
                </li>
              ))}
              {paths.length > SHOWN && <li>{`and ${formatCount(paths.length - SHOWN)} more`}</li>}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
