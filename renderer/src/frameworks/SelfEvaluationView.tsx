import {
  Button,
  Combobox,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Tab,
  TabList,
  Textarea,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Dismiss16Regular, Save20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EvidenceItem, FrameworkView, SelfEvaluation } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { useEvidenceVersion } from '../evidence/changes.ts';
import { formatDateTime } from '../shared/format.ts';
import { DOCX_TYPE, downloadBlob } from './download.ts';
import { useFrameworkView } from './useFrameworks.ts';

const useStyles = makeStyles({
  page: { display: 'grid', gridTemplateColumns: '260px minmax(0, 1fr)', height: '100%', minHeight: 0 },
  nav: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalS, overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  main: { overflowY: 'auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, minHeight: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  description: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  linked: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grade: { maxWidth: '320px' },
  tab: { textAlign: 'start' },
});

type Draft = Pick<SelfEvaluation, 'know' | 'how' | 'next' | 'grade' | 'evidenceIds'>;

function same(a: Draft, b: Draft): boolean {
  return a.know === b.know && a.how === b.how && a.next === b.next && a.grade === b.grade && a.evidenceIds.join() === b.evidenceIds.join();
}

const draftOf = (s: Draft): Draft => ({ know: s.know, how: s.how, next: s.next, grade: s.grade, evidenceIds: s.evidenceIds });

/** What is typed is saved this long after the typing stops, and at once when the form is left. */
export const AUTOSAVE_MS = 800;

// Kept while the app runs, across the form being closed (another judgement, another area):
/** Saves still on their way, per judgement, one after another: a form opened again waits for them before it loads. */
const saving = new Map<string, Promise<unknown>>();
/** Text typed and not saved yet (a save is due, or failed), per judgement: shown again when the judgement is opened. */
const unsaved = new Map<string, Draft>();
/** The judgement last shown per framework, so coming back to the area shows the same one. */
const lastJudgement = new Map<string, string>();

/** Runs a save for one judgement after the ones already on their way. */
function queueSave<T>(key: string, run: () => Promise<T>): Promise<T> {
  const next = (saving.get(key) ?? Promise.resolve()).catch(() => undefined).then(run);
  saving.set(key, next);
  const done = () => {
    if (saving.get(key) === next) saving.delete(key);
  };
  next.then(done, done);
  return next;
}

export interface SelfEvaluationViewProps {
  frameworkId: string;
  onOpenDocument: (documentId: number) => void;
}

/** The group's self-evaluation, judgement by judgement, and the Word document made from it. */
export function SelfEvaluationView({ frameworkId, onOpenDocument }: SelfEvaluationViewProps) {
  const styles = useStyles();
  const api = useApi();
  const framework = useFrameworkView(frameworkId);
  const [judgementId, setJudgementState] = useState<string | null>(lastJudgement.get(frameworkId) ?? null);
  const setJudgementId = (id: string) => {
    lastJudgement.set(frameworkId, id);
    setJudgementState(id);
  };
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const tagged = useTaggedEvidence(frameworkId);

  if (framework.status === 'loading') return <Spinner label="Loading the framework…" />;
  if (framework.status === 'error') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{framework.message}</MessageBarBody>
      </MessageBar>
    );
  }
  const f = framework.value;
  const current = f.judgements.find((j) => j.id === judgementId) ?? f.judgements[0];

  const exportWord = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const bytes = await api.call('selfEvaluation.export', { frameworkId });
      downloadBlob(bytes, `Self-evaluation - ${f.shortTitle ?? f.id}.docx`, DOCX_TYPE);
    } catch (e) {
      setExportError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className={styles.page}>
      <nav className={styles.nav} aria-label="Judgements">
        <TabList vertical selectedValue={current?.id} onTabSelect={(_, d) => setJudgementId(d.value as string)}>
          {f.judgements.map((j) => (
            <Tab key={j.id} value={j.id} className={styles.tab}>
              {j.shortTitle ?? j.title}
            </Tab>
          ))}
        </TabList>
        <Button icon={<ArrowDownload20Regular />} onClick={() => void exportWord()} disabled={exporting} data-testid="export-word">
          {exporting ? 'Making the document…' : 'Export to Word'}
        </Button>
        <span className={styles.muted}>Saved judgements, their grades and linked evidence, as a .docx to edit and share.</span>
        {exportError && (
          <MessageBar intent="error">
            <MessageBarBody>{exportError}</MessageBarBody>
          </MessageBar>
        )}
      </nav>
      <section className={styles.main} aria-label="Self-evaluation">
        {current && <JudgementForm key={`${frameworkId}:${current.id}`} framework={f} judgement={current} tagged={tagged} onOpenDocument={onOpenDocument} />}
      </section>
    </div>
  );
}

/** This framework's tagged evidence, for linking; those tagged under the judgement come first. */
function useTaggedEvidence(frameworkId: string): EvidenceItem[] {
  const api = useApi();
  const version = useEvidenceVersion();
  const [items, setItems] = useState<EvidenceItem[]>([]);
  useEffect(() => {
    let live = true;
    api.call('evidence.list', {}).then(
      (all) => live && setItems(all.filter((e) => e.status !== 'retired' && e.tags.some((t) => t.frameworkId === frameworkId))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, frameworkId, version]);
  return items;
}

interface JudgementFormProps {
  framework: FrameworkView;
  judgement: FrameworkView['judgements'][number];
  tagged: EvidenceItem[];
  onOpenDocument: (documentId: number) => void;
}

function JudgementForm({ framework, judgement, tagged, onOpenDocument }: JudgementFormProps) {
  const styles = useStyles();
  const api = useApi();
  const key = `${framework.id}:${judgement.id}`;
  const [saved, setSaved] = useState<SelfEvaluation | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pick, setPick] = useState('');
  const graded = judgement.graded !== false && (framework.gradeScale?.length ?? 0) > 0;
  // The latest of each, for saving from a timer or as the form closes.
  const draftRef = useRef<Draft | null>(null);
  const savedRef = useRef<Draft | null>(null);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    // A save from the last time this judgement was open may still be on its way: load after it.
    const pending = saving.get(key) ?? Promise.resolve();
    pending
      .catch(() => undefined)
      .then(() => api.call('selfEvaluation.get', { frameworkId: framework.id, judgementId: judgement.id }))
      .then(
        (s) => {
          if (!live.current) return;
          savedRef.current = draftOf(s);
          const kept = unsaved.get(key) ?? draftOf(s);
          draftRef.current = kept;
          setSaved(s);
          setDraft(kept);
        },
        (e) => live.current && setError(errorMessage(e)),
      );
    return () => {
      live.current = false;
    };
  }, [api, key, framework.id, judgement.id]);

  /** Saves what is typed now, unless it is saved already. */
  const flush = useCallback((): Promise<void> => {
    const d = draftRef.current;
    if (!d || !savedRef.current || same(d, savedRef.current)) return Promise.resolve();
    if (live.current) setBusy(true);
    return queueSave(key, () => api.call('selfEvaluation.save', { frameworkId: framework.id, judgementId: judgement.id, ...d })).then(
      (s) => {
        savedRef.current = draftOf(s);
        // Typing may have gone on while it was saved: only what was saved stops being unsaved.
        if (draftRef.current && same(draftRef.current, savedRef.current)) unsaved.delete(key);
        if (!live.current) return;
        setSaved(s);
        setError(null);
        setBusy(false);
      },
      (e) => {
        if (!live.current) return;
        setError(`Not saved: ${errorMessage(e)}`);
        setBusy(false);
      },
    );
  }, [api, key, framework.id, judgement.id]);

  // Save a moment after the typing stops; and at once when the form closes (another judgement,
  // another area) or the page goes away.
  useEffect(() => {
    if (!draft || !savedRef.current || same(draft, savedRef.current)) return;
    const timer = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draft, flush]);
  useEffect(() => {
    const away = () => void flush();
    window.addEventListener('pagehide', away);
    return () => {
      window.removeEventListener('pagehide', away);
      void flush();
    };
  }, [flush]);

  const byId = useMemo(() => new Map(tagged.map((e) => [e.id, e])), [tagged]);
  const options = useMemo(() => {
    const under = (e: EvidenceItem) => e.tags.some((t) => t.frameworkId === framework.id && t.judgementId === judgement.id);
    return [...tagged].sort((a, b) => Number(under(b)) - Number(under(a)) || a.title.localeCompare(b.title, 'en-GB'));
  }, [tagged, framework.id, judgement.id]);

  if (!draft || !saved) return error ? <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar> : <Spinner size="small" label="Loading…" />;
  const dirty = !same(draft, saved);
  const set = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    draftRef.current = next;
    unsaved.set(key, next);
    setDraft(next);
  };
  const save = () => flush();

  const available = options.filter((e) => !draft.evidenceIds.includes(e.id) && e.title.toLowerCase().includes(pick.toLowerCase()));
  const gradeLabel = framework.gradeScale?.find((g) => g.id === draft.grade)?.label ?? 'Not yet estimated';

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="self-evaluation-form"
    >
      <h2 className={styles.title}>{judgement.title}</h2>
      {judgement.description && <p className={styles.description}>{judgement.description}</p>}
      <Field label="What we know about the quality and impact of practice">
        <Textarea value={draft.know} onChange={(_, d) => set({ know: d.value })} rows={6} resize="vertical" />
      </Field>
      <Field label="How we know it">
        <Textarea value={draft.how} onChange={(_, d) => set({ how: d.value })} rows={5} resize="vertical" />
      </Field>
      <Field label="What we plan to do">
        <Textarea value={draft.next} onChange={(_, d) => set({ next: d.value })} rows={5} resize="vertical" />
      </Field>
      {graded && (
        <Field label="Our grade estimate" className={styles.grade}>
          <Dropdown value={gradeLabel} selectedOptions={draft.grade ? [draft.grade] : ['']} onOptionSelect={(_, d) => set({ grade: d.optionValue ? d.optionValue : null })}>
            <Option value="">Not yet estimated</Option>
            {(framework.gradeScale ?? []).map((g) => (
              <Option key={g.id} value={g.id}>
                {g.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label="Linked evidence" hint="The evidence an inspector should read for this judgement.">
        <div>
          {draft.evidenceIds.length === 0 ? (
            <p className={styles.muted}>None linked yet.</p>
          ) : (
            <ul className={styles.list} aria-label="Linked evidence">
              {draft.evidenceIds.map((id) => {
                const e = byId.get(id);
                return (
                  <li key={id} className={styles.linked}>
                    {e ? (
                      <Link as="button" onClick={() => onOpenDocument(e.documentId)}>
                        {e.title}
                      </Link>
                    ) : (
                      <span>Evidence item {id} (no longer tagged in this framework)</span>
                    )}
                    <Tooltip content={`Unlink ${e?.title ?? `item ${id}`}`} relationship="label">
                      <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} onClick={() => set({ evidenceIds: draft.evidenceIds.filter((x) => x !== id) })} />
                    </Tooltip>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </Field>
      <Field label="Link evidence" hint={tagged.length ? 'Evidence tagged in this framework; tagged under this judgement first.' : 'Tag evidence to this framework first; it then appears here.'}>
        <Combobox
          value={pick}
          placeholder="Type part of a title"
          onChange={(e) => setPick(e.target.value)}
          onOptionSelect={(_, d) => {
            const id = Number(d.optionValue);
            if (Number.isInteger(id) && id > 0) set({ evidenceIds: [...draft.evidenceIds, id] });
            setPick('');
          }}
          selectedOptions={[]}
          disabled={!tagged.length}
        >
          {available.slice(0, 100).map((e) => (
            <Option key={e.id} value={String(e.id)} text={e.title}>
              {e.title}
            </Option>
          ))}
        </Combobox>
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" icon={<Save20Regular />} disabled={busy || !dirty}>
          {busy ? 'Saving…' : 'Save'}
        </Button>
        <span className={styles.muted} role="status" data-testid="self-evaluation-state">
          {error ? 'Not saved yet: your text is kept here' : dirty || busy ? 'Saving…' : saved.updatedAt ? `Saved ${formatDateTime(saved.updatedAt)}` : 'Not started'}
        </span>
      </div>
    </form>
  );
}
