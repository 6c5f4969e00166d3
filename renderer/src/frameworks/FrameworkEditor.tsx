import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular, ArrowUndo16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FrameworkSummary } from '../../../shared/contract.ts';
import type { Framework } from '../../../shared/frameworks/schema.ts';
import { parseFramework, serializeFramework, formatErrors } from '../../../shared/frameworks/parse.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { notifyEvidenceChanged } from '../evidence/changes.ts';
import { copyForEditing } from './framework-copy.ts';
import { FrameworkForm } from './FrameworkForm.tsx';
import { FrameworkTextEditor, problemLinesOf, type FrameworkTextEditorHandle } from './FrameworkTextEditor.tsx';
import { fetchFramework } from './useFrameworks.ts';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, height: '100%', minHeight: 0 },
  // The form scrolls under the heading, the message (with Undo) and the tabs, which stay in view.
  body: { flex: 1, minHeight: 0, overflowY: 'auto', display: 'flex', flexDirection: 'column', paddingBottom: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, flex: 1, minWidth: '200px' },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  textPane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flex: 1, minHeight: '320px' },
  editor: { flex: 1, minHeight: '260px' },
  textActions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

interface Current {
  framework: Framework;
  json: string;
  /** The id it is saved under; null for a copy of a built-in framework not saved yet. */
  savedId: string | null;
}

export interface FrameworkEditorProps {
  /** The framework to edit; a built-in one is edited as a copy of the group's own. */
  summary: FrameworkSummary;
  /** Ids already in use, so a copy takes a new one. */
  takenIds: readonly string[];
  onClose: () => void;
  /** After every save: the list and coverage reload. */
  onSaved: () => Promise<void>;
  onShowCoverage?: (frameworkId: string) => void;
}

type Said = { intent: 'success' | 'error'; text: string; undo?: boolean } | null;

/**
 * Editing one framework: the common edits through a form, anything else in its text (with line
 * numbers, the lines a problem names marked and jumped to). Every save goes through
 * `frameworks.save`, which checks the whole file against the schema; the one framework before the
 * last save is kept, for Undo.
 */
export function FrameworkEditor({ summary, takenIds, onClose, onSaved, onShowCoverage }: FrameworkEditorProps) {
  const styles = useStyles();
  const api = useApi();
  const [current, setCurrent] = useState<Current | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [previous, setPrevious] = useState<Framework | null>(null);
  const [tab, setTab] = useState<'form' | 'text'>('form');
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState<Said>(null);
  const [busy, setBusy] = useState(false);
  const [tagged, setTagged] = useState<ReadonlyMap<string, number>>(new Map());
  const editor = useRef<FrameworkTextEditorHandle>(null);

  useEffect(() => {
    let live = true;
    fetchFramework(api, summary.id).then(
      ({ json }) => {
        if (!live) return;
        const source = summary.builtIn ? copyForEditing(json, takenIds) : json;
        const parsed = parseFramework(source);
        if (!parsed.ok) {
          // A stored file from an older version: only its text can be edited.
          setCurrent(null);
          setText(source);
          setTab('text');
          setProblem(formatErrors(parsed.errors));
          return;
        }
        setCurrent({ framework: parsed.framework, json: source, savedId: summary.builtIn ? null : summary.id });
      },
      (e) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
    // takenIds is read once, when the copy is made: a list reloaded after the first save must not make another.
  }, [api, summary.id, summary.builtIn]);

  // Evidence tagged to each criterion, for the warning before a delete (a copy not saved yet has none).
  const savedId = current?.savedId ?? null;
  useEffect(() => {
    if (!savedId) return;
    let live = true;
    api.call('coverage.get', { frameworkId: savedId }).then(
      (coverage) => {
        if (!live) return;
        const counts = new Map<string, number>();
        for (const j of coverage.judgements) for (const c of j.criteria) counts.set(c.id, c.key + c.supporting);
        setTagged(counts);
      },
      () => live && setTagged(new Map()),
    );
    return () => {
      live = false;
    };
  }, [api, savedId, current]);

  /** Saves a framework's text; the new current framework, or null with the problem shown. */
  const save = useCallback(
    async (json: string): Promise<Framework | null> => {
      setBusy(true);
      setSaid(null);
      try {
        await api.call('frameworks.save', { json });
        const parsed = parseFramework(json);
        if (!parsed.ok) return null; // the server took it, so this does not happen
        setCurrent({ framework: parsed.framework, json, savedId: parsed.framework.id });
        await onSaved();
        notifyEvidenceChanged();
        return parsed.framework;
      } catch (e) {
        setSaid({ intent: 'error', text: errorMessage(e) });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [api, onSaved],
  );

  const formEdit = async (next: Framework, what: string): Promise<boolean> => {
    if (!current) return false;
    const before = current.framework;
    const firstSaveOfCopy = current.savedId === null;
    const saved = await save(serializeFramework(next));
    if (!saved) {
      // The schema's words, without the line: there is no text on this tab to find it in.
      setSaid((s) => (s ? { ...s, text: `Not saved: ${s.text.replace(/^Line \d+: /gmu, '')}` } : s));
      return false;
    }
    setPrevious(before);
    setText(null);
    setSaid({ intent: 'success', text: firstSaveOfCopy ? `${what} Saved as your own copy, “${saved.shortTitle}”.` : what, undo: true });
    return true;
  };

  const undo = async () => {
    if (!previous) return;
    const saved = await save(serializeFramework(previous));
    if (saved) {
      setPrevious(null);
      setText(null);
      setSaid({ intent: 'success', text: 'Undone: the framework is as it was before that change.' });
    }
  };

  const saveText = async () => {
    if (text === null) return;
    setProblem(null);
    const before = current?.framework ?? null;
    setBusy(true);
    try {
      await api.call('frameworks.save', { json: text });
    } catch (e) {
      const message = errorMessage(e);
      setProblem(message);
      setBusy(false);
      const [first] = problemLinesOf(message);
      if (first) editor.current?.goToLine(first);
      return;
    }
    setBusy(false);
    const parsed = parseFramework(text);
    if (parsed.ok) setCurrent({ framework: parsed.framework, json: text, savedId: parsed.framework.id });
    await onSaved();
    notifyEvidenceChanged();
    setPrevious(before);
    setText(null);
    setSaid({ intent: 'success', text: 'Saved.', undo: before !== null });
  };

  if (loadError) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{loadError}</MessageBarBody>
      </MessageBar>
    );
  }
  const shownText = text ?? current?.json ?? '';
  const textDirty = text !== null && text !== current?.json;
  const heading = current?.framework.shortTitle ?? summary.shortTitle;
  const problemLines = problemLinesOf(problem);

  return (
    <div className={styles.page} data-testid="framework-editor">
      <div className={styles.head}>
        <Button icon={<ArrowLeft20Regular />} onClick={onClose}>
          Back to frameworks
        </Button>
        <h3 className={styles.title}>Edit “{heading}”</h3>
        {current?.savedId && onShowCoverage && (
          <Button appearance="secondary" onClick={() => onShowCoverage(current.savedId!)}>
            Show its coverage
          </Button>
        )}
      </div>
      {summary.builtIn && (
        <p className={styles.note}>
          “{summary.shortTitle}” comes with the app and is not changed. {current?.savedId ? 'Your changes are saved to your own copy.' : 'Your first change makes your own copy of it, with the change.'}
        </p>
      )}
      {said && (
        <MessageBar intent={said.intent} layout="multiline" data-testid="editor-message">
          <MessageBarBody>{said.text}</MessageBarBody>
          {said.undo && previous && (
            <MessageBarActions>
              <Button size="small" icon={<ArrowUndo16Regular />} onClick={() => void undo()} disabled={busy}>
                Undo
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <span role="status" className={styles.live}>
        {said?.text}
      </span>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'form' | 'text')} aria-label="How to edit">
        <Tab value="form" disabled={!current}>
          Common edits
        </Tab>
        <Tab value="text">Text (JSON)</Tab>
      </TabList>
      <div className={styles.body} data-testid="framework-editor-body">
        {tab === 'form' ? (
          !current ? (
            <Spinner label="Loading the framework…" />
          ) : textDirty ? (
            <MessageBar intent="warning">
              <MessageBarBody>The text has changes not saved yet. Save or discard them on the Text tab first, so neither overwrites the other.</MessageBarBody>
            </MessageBar>
          ) : (
            <FrameworkForm framework={current.framework} tagged={tagged} busy={busy} onEdit={formEdit} />
          )
        ) : (
          <div className={styles.textPane}>
            <p className={styles.note}>Anything can be changed here: keywords, descriptions, grades, items under a criterion. Nothing is saved unless the whole file is valid.</p>
            <div className={styles.editor}>
              <FrameworkTextEditor ref={editor} label="Framework JSON" value={shownText} onChange={setText} problemLines={problemLines} data-testid="framework-text" />
            </div>
            {problem && (
              <MessageBar intent="error" layout="multiline" data-testid="text-problem">
                <MessageBarBody>
                  <MessageBarTitle>Not saved</MessageBarTitle>
                  <ProblemList problem={problem} onGoTo={(line) => editor.current?.goToLine(line)} />
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.textActions}>
              <Button appearance="primary" onClick={() => void saveText()} disabled={busy || !textDirty}>
                {busy ? 'Saving…' : 'Save'}
              </Button>
              <Button
                onClick={() => {
                  setText(null);
                  setProblem(null);
                }}
                disabled={busy || !textDirty}
              >
                Discard changes
              </Button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

/** The problems, each "Line N" a link that puts the cursor on that line. */
export function ProblemList({ problem, onGoTo }: { problem: string; onGoTo: (line: number) => void }) {
  const styles = useStyles();
  const lines = problem.split('\n');
  return (
    <ul className={styles.problems}>
      {lines.map((l, i) => {
        const m = /^Line (\d+): (.*)$/u.exec(l);
        return (
          <li key={i}>
            {m ? (
              <>
                <Link as="button" onClick={() => onGoTo(Number(m[1]))}>
                  Line {m[1]}
                </Link>
                : {m[2]}
              </>
            ) : (
              l
            )}
          </li>
        );
      })}
    </ul>
  );
}
