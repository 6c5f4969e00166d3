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
import { useEffect, useMemo, useState } from 'react';
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

export interface SelfEvaluationViewProps {
  frameworkId: string;
  onOpenDocument: (documentId: number) => void;
}

/** The group's self-evaluation, judgement by judgement, and the Word document made from it. */
export function SelfEvaluationView({ frameworkId, onOpenDocument }: SelfEvaluationViewProps) {
  const styles = useStyles();
  const api = useApi();
  const framework = useFrameworkView(frameworkId);
  const [judgementId, setJudgementId] = useState<string | null>(null);
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
  const [saved, setSaved] = useState<SelfEvaluation | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pick, setPick] = useState('');
  const graded = judgement.graded !== false && (framework.gradeScale?.length ?? 0) > 0;

  useEffect(() => {
    let live = true;
    api.call('selfEvaluation.get', { frameworkId: framework.id, judgementId: judgement.id }).then(
      (s) => {
        if (!live) return;
        setSaved(s);
        setDraft({ know: s.know, how: s.how, next: s.next, grade: s.grade, evidenceIds: s.evidenceIds });
      },
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, framework.id, judgement.id]);

  const byId = useMemo(() => new Map(tagged.map((e) => [e.id, e])), [tagged]);
  const options = useMemo(() => {
    const under = (e: EvidenceItem) => e.tags.some((t) => t.frameworkId === framework.id && t.judgementId === judgement.id);
    return [...tagged].sort((a, b) => Number(under(b)) - Number(under(a)) || a.title.localeCompare(b.title, 'en-GB'));
  }, [tagged, framework.id, judgement.id]);

  if (!draft || !saved) return error ? <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar> : <Spinner size="small" label="Loading…" />;
  const dirty = !same(draft, saved);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await api.call('selfEvaluation.save', { frameworkId: framework.id, judgementId: judgement.id, ...draft });
      setSaved(s);
      setDraft({ know: s.know, how: s.how, next: s.next, grade: s.grade, evidenceIds: s.evidenceIds });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

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
        <span className={styles.muted} role="status">
          {dirty ? 'Unsaved changes' : saved.updatedAt ? `Saved ${formatDateTime(saved.updatedAt)}` : 'Not started'}
        </span>
      </div>
    </form>
  );
}
