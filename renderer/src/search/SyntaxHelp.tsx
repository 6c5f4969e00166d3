import { Button, Popover, PopoverSurface, PopoverTrigger, makeStyles, tokens } from '@fluentui/react-components';
import { QuestionCircle20Regular } from '@fluentui/react-icons';
import { KINDS } from '../../../shared/formats.ts';

const EXAMPLES: [string, string][] = [
  ['care plan', 'all the words must appear'],
  ['"care plan"', 'the exact phrase'],
  ['-draft', 'leave out documents with this word'],
  ['audit OR review', 'either word'],
  ['safeguard*', 'words starting with "safeguard"'],
  ['type:excel', `only Excel workbooks; any kind of file: ${Object.keys(KINDS).join(', ')}, or an extension (type:csv)`],
  ['folder:Placements', 'only files under a folder with that name'],
  ['modified:2024', 'changed in 2024 (or 2024-03)'],
  ['modified:>2024-01-01', 'changed after a date (< for before)'],
];

const useStyles = makeStyles({
  surface: { maxWidth: '420px' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    whiteSpace: 'nowrap',
    paddingRight: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalXXS,
    verticalAlign: 'top',
  },
  heading: { marginTop: 0, fontSize: tokens.fontSizeBase300 },
});

/** The query language in one small table, next to the search box. */
export function SyntaxHelp() {
  const styles = useStyles();
  return (
    <Popover withArrow positioning="below-end">
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="subtle" icon={<QuestionCircle20Regular />} aria-label="How to search" title="How to search" />
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label="How to search">
        <h2 className={styles.heading}>How to search</h2>
        <table className={styles.table}>
          <tbody>
            {EXAMPLES.map(([example, meaning]) => (
              <tr key={example}>
                <td className={styles.code}>{example}</td>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PopoverSurface>
    </Popover>
  );
}
