import { Button, Field, Input, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUpload24Regular, Delete16Regular, DocumentTable16Regular, FolderOpen16Regular } from '@fluentui/react-icons';
import { useId, useRef, useState, type FormEvent } from 'react';
import { formatSize } from '../shared/format.ts';
import type { Extract } from './extracts.ts';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    padding: tokens.spacingHorizontalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  zoneActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  zoneText: { flex: 1, minWidth: '240px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  strong: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  icon: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  input: { display: 'none' },
  path: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  pathField: { flex: 1, minWidth: '260px' },
  files: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  file: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  listHeading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export interface ExtractPickerProps {
  extracts: readonly Extract[];
  /** Files are being dragged over the window (the whole area takes the drop). */
  dragging: boolean;
  onFiles: (files: File[]) => void;
  onPath: (path: string) => void;
  onRemove: (id: string) => void;
  /** Desktop: the files are read where they are; browser mode: they are handed over to the app. */
  transport: 'ipc' | 'http';
}

/** The extracts to import: dropped, chosen with the file picker, or typed as paths; listed with a way to take one out. */
export function ExtractPicker({ extracts, dragging, onFiles, onPath, onRemove, transport }: ExtractPickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [path, setPath] = useState('');
  const listId = useId();

  const addPath = (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim()) return;
    onPath(path);
    setPath('');
  };

  return (
    <div className={styles.box}>
      <div className={mergeClasses(styles.zone, dragging && styles.zoneActive)} data-testid="annexa-drop-zone">
        <ArrowUpload24Regular className={styles.icon} aria-hidden />
        <div className={styles.zoneText}>
          <span className={styles.strong}>Drop CSV or Excel files here, or choose them</span>
          <span className={styles.muted}>
            One file per list, or a workbook with a sheet per list (an earlier Annex A workbook is fine). Lists are recognised by their column
            headers, not by file names.{' '}
            {transport === 'http'
              ? 'The files are read by Evidence Store on this computer; nothing is sent anywhere else.'
              : 'The files are read where they are; nothing is copied or changed.'}
          </span>
        </div>
        <Button icon={<FolderOpen16Regular />} onClick={() => input.current?.click()}>
          Choose files…
        </Button>
        <input
          ref={input}
          className={styles.input}
          type="file"
          multiple
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Choose extract files"
          data-testid="annexa-file-input"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Cleared, so choosing the same file again after removing it still fires a change.
            event.target.value = '';
            if (files.length) onFiles(files);
          }}
        />
      </div>

      <form className={styles.path} onSubmit={addPath}>
        <Field className={styles.pathField} label="Or type a file’s path" hint="From File Explorer’s address bar, with the file name: \\server\share\Annex A\contacts.csv">
          <Input value={path} onChange={(_, d) => setPath(d.value)} placeholder="C:\Extracts\contacts.csv" data-testid="annexa-path-input" />
        </Field>
        <Button type="submit" disabled={!path.trim()}>
          Add
        </Button>
      </form>

      {extracts.length > 0 && (
        <section aria-labelledby={listId}>
          <h4 id={listId} className={styles.listHeading}>
            {extracts.length === 1 ? '1 file chosen' : `${extracts.length} files chosen`}
          </h4>
          <ul className={styles.files} data-testid="annexa-extracts">
            {extracts.map((e) => (
              <li key={e.id} className={styles.file}>
                <DocumentTable16Regular aria-hidden />
                <span className={styles.name} title={e.kind === 'path' ? e.path : e.name}>
                  {e.name}
                </span>
                <span className={styles.muted}>{e.size !== null ? formatSize(e.size) : 'by path'}</span>
                <Tooltip content={`Take ${e.name} out`} relationship="label">
                  <Button size="small" appearance="subtle" icon={<Delete16Regular />} onClick={() => onRemove(e.id)} />
                </Tooltip>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
