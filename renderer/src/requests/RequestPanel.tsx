/**
 * A request in full, in a side panel: its fields (edited in place, one requests.update for what
 * changed), its status, what answers it (links that open the document at its page, run the search,
 * or name the evidence, Annex A figures or a filtered Annex A list with its findings now; each can
 * be unlinked), the response and "Mark answered",
 * the answer exported as a folder for the shared drive, and the timed history.
 */
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
  OverlayDrawer,
} from '@fluentui/react-components';
import { Dismiss20Regular, Dismiss16Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { SavedSearch } from '../../../shared/saved-searches.ts';
import { REQUEST_LIMITS, REQUEST_STATUSES, minutesOpen, type InspectorRequest, type RequestLink, type RequestStatus } from '../../../shared/requests.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { FolderField } from '../export/FolderField.tsx';
import { AnnexaLinkTarget } from './AnnexaLinkTarget.tsx';
import { LinkSavedSearch } from './LinkSavedSearch.tsx';
import { notifyRequestsChanged } from './changes.ts';
import { STATUS_LABELS, historyText } from './status-text.ts';
import { BritishDateField } from '../shared/BritishDateField.tsx';
import { DATE_TIME_HINT } from '../../../shared/dates.ts';
import { durationWords, formatUkDateTime, fromLocalInput, toLocalInput } from './time-text.ts';
import { fieldOf } from './useRequests.ts';
import { PriorityAndJudgementFields } from './PriorityAndJudgementFields.tsx';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  // Grid items and the controls in them may shrink below their content (a long judgement's title, the
  // date-time field's own width), so the fields fit the panel on a small screen instead of overflowing it.
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM, '> *': { minWidth: 0 } },
  control: { minWidth: 0, width: '100%' },
  statuses: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  link: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  kind: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, flexShrink: 0 },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Props {
  request: InspectorRequest | null;
  now: Date;
  judgements: { id: string; title: string }[];
  frameworkId: string | null;
  onClose: () => void;
  /** Announced in the area's live region ("Saved", "Marked answered"). */
  onAnnounce: (message: string) => void;
  onOpenDocument: (documentId: number, page: number) => void;
  onOpenSearch: (query: string) => void;
}

export function RequestPanel(props: Props) {
  const { request, onClose } = props;
  return (
    <OverlayDrawer position="end" size="medium" open={request !== null} onOpenChange={(_, d) => !d.open && onClose()} data-testid="request-panel">
      {request && <PanelContent key={request.id} {...props} request={request} />}
    </OverlayDrawer>
  );
}

type Edit = { text: string; inspector: string; due: string; priority: 'normal' | 'high'; owner: string; judgementId: string };

const editOf = (r: InspectorRequest): Edit => ({ text: r.text, inspector: r.inspector, due: toLocalInput(r.due), priority: r.priority, owner: r.owner, judgementId: r.judgementId ?? '' });

function PanelContent({ request, now, judgements, frameworkId, onClose, onAnnounce, onOpenDocument, onOpenSearch }: Props & { request: InspectorRequest }) {
  const styles = useStyles();
  const api = useApi();
  const [edit, setEdit] = useState<Edit>(() => editOf(request));
  const [response, setResponse] = useState(request.response);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [destination, setDestination] = useState('');
  const [exported, setExported] = useState<string | null>(null);

  // A newer copy of the request (after a save here or a link from search) refreshes untouched fields.
  useEffect(() => {
    setEdit(editOf(request));
    setResponse(request.response);
  }, [request]);

  const base = editOf(request);
  const changed: Partial<Record<keyof Edit, unknown>> = {};
  (Object.keys(edit) as (keyof Edit)[]).forEach((k) => {
    if (edit[k] !== base[k]) changed[k] = edit[k];
  });
  const dirty = Object.keys(changed).length > 0;

  const run = async (what: () => Promise<unknown>, said: string) => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await what();
      notifyRequestsChanged();
      onAnnounce(said);
    } catch (e) {
      const field = fieldOf(e);
      if (field) setFieldErrors({ [field]: errorMessage(e) });
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const saveFields = () => {
    const fields: Record<string, unknown> = {};
    if ('text' in changed) fields.text = edit.text;
    if ('inspector' in changed) fields.inspector = edit.inspector;
    if ('owner' in changed) fields.owner = edit.owner;
    if ('priority' in changed) fields.priority = edit.priority;
    if ('due' in changed) {
      const due = edit.due ? fromLocalInput(edit.due) : null;
      if (edit.due && !due) {
        setFieldErrors({ due: `${DATE_TIME_HINT}, or leave it empty.` });
        return;
      }
      fields.due = due;
    }
    if ('judgementId' in changed) {
      fields.judgementId = edit.judgementId || null;
      fields.frameworkId = edit.judgementId ? frameworkId : null;
    }
    void run(() => api.call('requests.update', { id: request.id, fields }), `Request ${request.id} saved.`);
  };

  const setStatus = (status: RequestStatus) =>
    void run(() => api.call('requests.setStatus', { id: request.id, status }), `Request ${request.id} moved to ${STATUS_LABELS[status]}.`);

  const answer = () => void run(() => api.call('requests.answer', { id: request.id, response }), `Request ${request.id} marked answered.`);

  const linkSaved = (saved: SavedSearch) =>
    void run(() => api.call('requests.link', { id: request.id, link: { kind: 'search', query: saved.query, name: saved.name } }), `Saved search “${saved.name}” linked.`);

  const unlink = (link: RequestLink) => void run(() => api.call('requests.unlink', { id: request.id, linkId: link.id }), `${link.label} unlinked.`);

  const exportAnswer = () =>
    void run(async () => {
      setExported(null);
      const out = await api.call('requests.exportAnswer', { id: request.id, destination });
      setExported(out.ok ? `Written and verified: ${out.files} files in ${out.folder}` : `Written to ${out.folder}, but it did not verify. Export it again.`);
    }, `Answer to request ${request.id} exported.`);

  const set = <K extends keyof Edit>(k: K, v: Edit[K]) => setEdit((e) => ({ ...e, [k]: v }));

  return (
    <>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss20Regular />} onClick={onClose} />}>
          Request #{request.id}: {STATUS_LABELS[request.status]}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body} data-testid="request-panel-body">
        <div className={styles.meta}>
          Received {formatUkDateTime(request.received)}
          {request.answered && `, answered ${formatUkDateTime(request.answered)}`} — {request.closed ? 'was open' : 'open'} {durationWords(minutesOpen(request, now))}
        </div>
        <section aria-label="Status" className={styles.statuses}>
          {REQUEST_STATUSES.map((s) => (
            <Button key={s} size="small" appearance={s === request.status ? 'primary' : 'secondary'} aria-pressed={s === request.status} disabled={busy} onClick={() => s !== request.status && setStatus(s)}>
              {STATUS_LABELS[s]}
            </Button>
          ))}
        </section>

        <section aria-labelledby="panel-fields" className={styles.body}>
          <h3 id="panel-fields" className={styles.heading}>The request</h3>
          <Field label="What the inspector asked for" validationMessage={fieldErrors.text}>
            <Textarea value={edit.text} onChange={(_, d) => set('text', d.value)} maxLength={REQUEST_LIMITS.text} resize="vertical" />
          </Field>
          <div className={styles.row}>
            <Field label="Inspector" validationMessage={fieldErrors.inspector}>
              <Input className={styles.control} value={edit.inspector} onChange={(_, d) => set('inspector', d.value)} maxLength={REQUEST_LIMITS.inspector} />
            </Field>
            <Field label="Owner" validationMessage={fieldErrors.owner}>
              <Input className={styles.control} value={edit.owner} onChange={(_, d) => set('owner', d.value)} maxLength={REQUEST_LIMITS.owner} />
            </Field>
            <BritishDateField withTime label="Due" value={edit.due} onChange={(v) => set('due', v)} validationMessage={fieldErrors.due} />
          </div>
          <div className={styles.row}>
            <PriorityAndJudgementFields
              priority={edit.priority}
              judgementId={edit.judgementId}
              judgements={judgements}
              onPriority={(v) => set('priority', v)}
              onJudgement={(v) => set('judgementId', v)}
              errors={{ judgement: fieldErrors.judgementId ?? fieldErrors.frameworkId }}
              selectClassName={styles.control}
            />
          </div>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={!dirty || busy} onClick={saveFields} data-testid="request-save">
              Save changes
            </Button>
            {dirty && <Button onClick={() => setEdit(base)}>Undo changes</Button>}
          </div>
        </section>

        <section aria-labelledby="panel-links">
          <h3 id="panel-links" className={styles.heading}>What answers it ({request.links.length})</h3>
          {request.links.length === 0 ? (
            <p className={styles.meta}>Nothing linked yet. Use “Link to request” on a search result or in a document, “Link this search” above the results, or link a saved search here.</p>
          ) : (
            <ul className={styles.list} data-testid="request-links">
              {request.links.map((link) => (
                <li key={link.id} className={styles.link}>
                  <span className={styles.kind}>{KIND_LABELS[link.kind]}</span>
                  <LinkTarget link={link} onOpenDocument={onOpenDocument} onOpenSearch={onOpenSearch} />
                  <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} aria-label={`Unlink ${link.label}`} onClick={() => unlink(link)} disabled={busy} />
                </li>
              ))}
            </ul>
          )}
          <div className={styles.actions}>
            <LinkSavedSearch disabled={busy} onLink={linkSaved} />
          </div>
        </section>

        <section aria-labelledby="panel-response" className={styles.body}>
          <h3 id="panel-response" className={styles.heading}>The response</h3>
          <Field label="Response to the inspector" validationMessage={fieldErrors.response}>
            <Textarea value={response} onChange={(_, d) => setResponse(d.value)} maxLength={REQUEST_LIMITS.response} rows={5} resize="vertical" data-testid="request-response" />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={answer} disabled={busy} data-testid="request-answer">
              {request.status === 'answered' ? 'Save the response' : 'Mark answered'}
            </Button>
          </div>
        </section>

        <section aria-labelledby="panel-export" className={styles.body}>
          <h3 id="panel-export" className={styles.heading}>Export the answer</h3>
          <FolderField
            label="Folder to write the answer into"
            value={destination}
            onChange={setDestination}
            error={fieldErrors.destination ?? null}
            hint="A folder for this request is made inside it (the linked files and a note), or replaced if it is there from before."
            testId="request-export-folder"
          />
          <div className={styles.actions}>
            <Button onClick={exportAnswer} disabled={busy || !destination.trim()} data-testid="request-export-answer">
              Export answer to a folder…
            </Button>
          </div>
          {exported && <p className={styles.meta} role="status">{exported}</p>}
        </section>

        {error && (
          <MessageBar intent="error" data-testid="request-panel-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}

        <section aria-labelledby="panel-history">
          <h3 id="panel-history" className={styles.heading}>History</h3>
          <ul className={styles.list}>
            {[...request.history].reverse().map((h, i) => (
              <li key={`${h.at}-${i}`} className={styles.meta}>
                {formatUkDateTime(h.at)} — {historyText(h)} ({h.user})
              </li>
            ))}
          </ul>
        </section>
      </DrawerBody>
    </>
  );
}

const KIND_LABELS: Record<RequestLink['kind'], string> = { document: 'Document', evidence: 'Evidence', search: 'Search', annexa: 'Annex A' };

function LinkTarget({ link, onOpenDocument, onOpenSearch }: { link: RequestLink; onOpenDocument: (id: number, page: number) => void; onOpenSearch: (q: string) => void }) {
  const page = link.page ? `, p. ${link.page}` : '';
  if ((link.kind === 'document' || link.kind === 'evidence') && link.documentId !== null) {
    const id = link.documentId;
    return (
      <Link as="button" onClick={() => onOpenDocument(id, link.page ?? 1)} title={link.path ?? 'The file is gone'}>
        {link.label}
        {page}
      </Link>
    );
  }
  if (link.kind === 'search' && link.query) {
    const q = link.query;
    return (
      <Link as="button" onClick={() => onOpenSearch(q)}>
        {link.label || q}
      </Link>
    );
  }
  if (link.kind === 'annexa') return <AnnexaLinkTarget link={link} />;
  return (
    <span>
      {link.label}
      {link.note && ` — ${link.note}`}
    </span>
  );
}
