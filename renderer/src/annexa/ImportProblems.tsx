import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { AnnexaImportReport } from '../../../shared/annexa/api.ts';
import { listTitle } from './names.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  file: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * What an import could not use, with the reasons the API gives (written for the person who
 * exported the files): unreadable files, tables that are not a list, and lists no file gave.
 */
export function ImportProblems({ report, showMissing = true }: { report: AnnexaImportReport; showMissing?: boolean }) {
  const styles = useStyles();
  const { unreadable, unrecognised, missingLists } = report;
  if (!unreadable.length && !unrecognised.length && (!showMissing || !missingLists.length)) return null;
  return (
    <div className={styles.box} data-testid="annexa-import-problems">
      {unreadable.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{unreadable.length === 1 ? 'A file could not be read' : `${unreadable.length} files could not be read`}</MessageBarTitle>
            <ul className={styles.list}>
              {unreadable.map((u) => (
                <li key={u.file}>
                  <span className={styles.file}>{u.file}</span>: {u.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {unrecognised.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{unrecognised.length === 1 ? 'A table is not an Annex A list' : `${unrecognised.length} tables are not Annex A lists`}</MessageBarTitle>
            <ul className={styles.list}>
              {unrecognised.map((u) => (
                <li key={u.source}>
                  <span className={styles.file}>{u.source}</span>: {u.reason}
                </li>
              ))}
            </ul>
            Lists are recognised by their column headers. Rename a header in the extract, or add the file again once it has the columns named.
          </MessageBarBody>
        </MessageBar>
      )}
      {showMissing && missingLists.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not in these extracts</MessageBarTitle>
            {missingLists.map((l) => listTitle(report.specId, l)).join('; ')}. The workbook will have these sheets with headers and no rows; add their
            extracts with the others and import again to fill them.
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
