import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload16Regular, ArrowUpload20Regular, Delete16Regular, Edit16Regular } from '@fluentui/react-icons';
import { useRef, useState, type ChangeEvent } from 'react';
import type { FrameworkSummary } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { notifyEvidenceChanged } from '../evidence/changes.ts';
import { downloadBlob } from './download.ts';
import { FrameworkEditor, ProblemList } from './FrameworkEditor.tsx';
import { FrameworkTextEditor, problemLinesOf, type FrameworkTextEditorHandle } from './FrameworkTextEditor.tsx';
import { fetchFramework, useFrameworks } from './useFrameworks.ts';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, overflowY: 'auto', height: '100%', boxSizing: 'border-box', maxWidth: '1100px' },
  editPage: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, height: '100%', boxSizing: 'border-box', maxWidth: '1100px' },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM, flexWrap: 'wrap' },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, flex: 1, minWidth: '280px' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  th: { textAlign: 'start', color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold, padding: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, fontSize: tokens.fontSizeBase200 },
  td: { padding: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  nowrap: { whiteSpace: 'nowrap' },
  name: { fontWeight: tokens.fontWeightSemibold },
  full: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end' },
  bar: { marginBottom: tokens.spacingVerticalM },
  dialogBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  json: { height: '300px' },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** The frameworks in the app: the built-in ones and the group's own (imported from JSON), with edit, export and delete. */
export function ManageFrameworks({ onShowCoverage }: { onShowCoverage?: (frameworkId: string) => void }) {
  const styles = useStyles();
  const api = useApi();
  const { list, error, activeId, refresh } = useFrameworks();
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<FrameworkSummary | null>(null);
  const [deleting, setDeleting] = useState<FrameworkSummary | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  /** Your own framework: edit it in place. A built-in one: edit a copy of it (FrameworkEditor makes it). */
  const startEdit = (f: FrameworkSummary) => {
    setMessage(null);
    setEditing(f);
  };

  const exportOne = async (f: FrameworkSummary) => {
    setMessage(null);
    try {
      const { json } = await fetchFramework(api, f.id);
      downloadBlob(json, `${f.id}.json`, 'application/json');
    } catch (e) {
      setMessage({ intent: 'error', text: errorMessage(e) });
    }
  };

  const yours = list?.filter((f) => !f.builtIn) ?? [];
  if (editing) {
    return (
      <div className={styles.editPage}>
        <FrameworkEditor
          summary={editing}
          takenIds={(list ?? []).map((f) => f.id)}
          onClose={() => setEditing(null)}
          onSaved={refresh}
          onShowCoverage={onShowCoverage}
        />
      </div>
    );
  }
  return (
    <div className={styles.page} data-testid="manage-frameworks">
      <div className={styles.top}>
        <p className={styles.intro}>
          Built-in frameworks come with the app. Import your own as a JSON file — your improvement plan, a peer review’s lines of enquiry, a partnership’s
          priorities — and tag evidence against it like any other.
        </p>
        <Button appearance="primary" icon={<ArrowUpload20Regular />} onClick={() => setImporting(true)}>
          Import a framework…
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" className={styles.bar}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} className={styles.bar} data-testid="manage-message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {list && yours.length === 0 && (
        <MessageBar intent="info" className={styles.bar}>
          <MessageBarBody>
            Import your improvement plan as a framework to track its actions with evidence, the same way as the inspection framework. Export a built-in one to
            see the file format.
          </MessageBarBody>
        </MessageBar>
      )}
      <table className={styles.table} aria-label="Frameworks" data-testid="frameworks-table">
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              Framework
            </th>
            <th className={styles.th} scope="col">
              Kind
            </th>
            <th className={styles.th} scope="col">
              Judgements
            </th>
            <th className={styles.th} scope="col">
              Criteria
            </th>
            <th className={styles.th} scope="col">
              From
            </th>
            <th className={styles.th} scope="col">
              <span className={styles.srOnly}>Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list?.map((f) => (
            <tr key={f.id} data-testid="framework-row" data-framework={f.id}>
              <td className={styles.td}>
                <div className={styles.name}>
                  {f.shortTitle} {f.id === activeId && <Badge appearance="tint" color="brand" size="small">active</Badge>}{' '}
                  {f.isDefault && <Badge appearance="outline" size="small">default</Badge>}
                </div>
                <div className={styles.full}>{f.title}</div>
              </td>
              <td className={styles.td}>{f.kind}</td>
              <td className={styles.td}>{f.judgements}</td>
              <td className={styles.td}>{f.criteria}</td>
              <td className={mergeClasses(styles.td, styles.nowrap)}>
                <Badge appearance="tint" color={f.builtIn ? 'informative' : 'success'}>
                  {f.builtIn ? 'Built in' : 'Yours'}
                </Badge>
              </td>
              <td className={styles.td}>
                <div className={styles.actions}>
                  <Button size="small" icon={<ArrowDownload16Regular />} onClick={() => void exportOne(f)} aria-label={`Export ${f.shortTitle} as JSON`}>
                    Export
                  </Button>
                  <Button size="small" icon={<Edit16Regular />} onClick={() => startEdit(f)} aria-label={`${f.builtIn ? 'Copy and adapt' : 'Edit'} ${f.shortTitle}`}>
                    {f.builtIn ? 'Copy…' : 'Edit'}
                  </Button>
                  {!f.builtIn && (
                    <Button size="small" icon={<Delete16Regular />} onClick={() => setDeleting(f)} aria-label={`Delete ${f.shortTitle}`}>
                      Delete
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onImported={async (f) => {
            setImporting(false);
            await refresh();
            notifyEvidenceChanged();
            setMessage({ intent: 'success', text: `Imported “${f.title}”: ${f.judgements} judgements, ${f.criteria} criteria. Choose it in the framework picker at the top to work with it.` });
          }}
        />
      )}
      {deleting && (
        <DeleteDialog
          framework={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={async () => {
            const f = deleting;
            setDeleting(null);
            await refresh();
            notifyEvidenceChanged();
            setMessage({ intent: 'success', text: `Deleted “${f.title}” and the tags against it.` });
          }}
        />
      )}
    </div>
  );
}

function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (f: FrameworkSummary) => void }) {
  const styles = useStyles();
  const api = useApi();
  const editor = useRef<FrameworkTextEditorHandle>(null);
  const [json, setJson] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const f = event.target.files?.[0];
    if (!f) return;
    if (f.size > 5_000_000) {
      setProblem('That file is larger than 5 MB; a framework file is much smaller. Is it the right file?');
      return;
    }
    setJson(await f.text());
    setProblem(null);
  };

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onImported(await api.call('frameworks.save', { json }));
    } catch (e) {
      const message = errorMessage(e);
      setProblem(message);
      const [first] = problemLinesOf(message);
      if (first) editor.current?.goToLine(first);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Import a framework</DialogTitle>
          <DialogContent className={styles.dialogBody}>
            <span>Choose a framework file (.json), or paste its text. A framework with the same id as one of yours replaces it.</span>
            <div>
              <input ref={file} type="file" accept=".json,application/json" onChange={(e) => void readFile(e)} hidden data-testid="framework-file" />
              <Button onClick={() => file.current?.click()}>Choose a file…</Button>
            </div>
            <div className={styles.json}>
              <FrameworkTextEditor ref={editor} label="Framework JSON" value={json} onChange={setJson} problemLines={problemLinesOf(problem)} data-testid="framework-json" />
            </div>
            {problem && (
              <MessageBar intent="error" layout="multiline" data-testid="import-error">
                <MessageBarBody>
                  <MessageBarTitle>This file was not imported</MessageBarTitle>
                  <ProblemList problem={problem} onGoTo={(line) => editor.current?.goToLine(line)} />
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button appearance="primary" onClick={() => void save()} disabled={busy || !json.trim()}>
              {busy ? 'Importing…' : 'Import'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function DeleteDialog({ framework, onClose, onDeleted }: { framework: FrameworkSummary; onClose: () => void; onDeleted: () => void }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call('frameworks.delete', { frameworkId: framework.id });
      onDeleted();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete “{framework.shortTitle}”?</DialogTitle>
          <DialogContent>
            <p>
              Every tag against this framework is removed with it (the history records what was removed). The evidence items and documents stay, and so do
              their tags against other frameworks. Export it first if you may want it back.
            </p>
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button appearance="primary" onClick={() => void remove()} disabled={busy}>
              Delete framework and its tags
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
