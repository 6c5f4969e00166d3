import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add16Regular, ArrowDown16Regular, ArrowUp16Regular, Delete16Regular, Rename16Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { Framework } from '../../../shared/frameworks/schema.ts';
import { plural } from '../shared/format.ts';
import {
  addCriterion,
  deleteCriterion,
  moveCriterion,
  moveJudgement,
  renameCriterion,
  renameJudgement,
  suggestCriterionId,
  type NewCriterion,
} from './framework-edits.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  judgement: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
  judgementHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  judgementTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, flex: 1, minWidth: '200px' },
  list: { listStyle: 'none', margin: `${tokens.spacingVerticalS} 0 0`, padding: 0 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, paddingBlock: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke3}`, flexWrap: 'wrap' },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, minWidth: '5ch' },
  title: { flex: 1, minWidth: '180px' },
  children: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  tools: { display: 'flex', gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  rename: { display: 'flex', gap: tokens.spacingHorizontalS, flex: 1, minWidth: '240px', alignItems: 'center' },
  renameInput: { flex: 1 },
  add: { display: 'grid', gridTemplateColumns: 'minmax(120px, 160px) 1fr', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
  wide: { gridColumn: '1 / -1' },
  addActions: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalS },
  addButton: { marginTop: tokens.spacingVerticalS },
});

export interface FrameworkFormProps {
  framework: Framework;
  /** Evidence items tagged to each criterion (by id), for the warning before a delete. */
  tagged: ReadonlyMap<string, number>;
  /** Saving: further edits wait. */
  busy: boolean;
  /** An edit to save; resolves true when saved (the form then closes the field it came from). */
  onEdit: (next: Framework, said: string) => Promise<boolean>;
}

type Editing = { kind: 'judgement'; j: number } | { kind: 'criterion'; j: number; c: number } | null;

/**
 * The common edits without touching the file text: add a criterion, rename a criterion or a
 * judgement, move them up and down, delete a criterion. Each edit is saved at once (the parent
 * keeps the one before, for Undo).
 */
export function FrameworkForm({ framework, tagged, busy, onEdit }: FrameworkFormProps) {
  const styles = useStyles();
  const [renaming, setRenaming] = useState<Editing>(null);
  const [adding, setAdding] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<{ j: number; c: number } | null>(null);
  // The control to give focus back to once the framework has re-rendered (a moved row's button).
  const focusNext = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const key = focusNext.current;
    if (!key) return;
    focusNext.current = null;
    root.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
  });

  const edit = async (next: Framework, said: string, focus: string | null) => {
    const saved = await onEdit(next, said);
    if (saved) focusNext.current = focus;
    return saved;
  };

  return (
    <div className={styles.form} ref={root} data-testid="framework-form">
      {framework.judgements.map((j, ji) => {
        const jName = j.shortTitle ?? j.title;
        return (
          <section key={j.id} className={styles.judgement} aria-label={`Judgement: ${jName}`} data-testid="form-judgement">
            <div className={styles.judgementHead}>
              {renaming?.kind === 'judgement' && renaming.j === ji ? (
                <RenameField
                  label={`New title for the judgement “${jName}”`}
                  initial={j.title}
                  busy={busy}
                  onCancel={() => {
                    focusNext.current = `rename-j:${j.id}`;
                    setRenaming(null);
                  }}
                  onSave={async (title) => {
                    if (await edit(renameJudgement(framework, ji, title), `Renamed the judgement “${jName}” to “${title.trim()}”.`, `rename-j:${j.id}`)) setRenaming(null);
                  }}
                />
              ) : (
                <h3 className={styles.judgementTitle}>{j.title}</h3>
              )}
              <span className={styles.tools}>
                <IconButton label={`Rename the judgement ${jName}`} icon={<Rename16Regular />} focusKey={`rename-j:${j.id}`} onClick={() => setRenaming({ kind: 'judgement', j: ji })} disabled={busy} />
                <IconButton
                  label={`Move the judgement ${jName} up`}
                  icon={<ArrowUp16Regular />}
                  focusKey={`up-j:${j.id}`}
                  disabled={busy || ji === 0}
                  onClick={() => void edit(moveJudgement(framework, ji, -1), `Moved the judgement “${jName}” up: now ${ji} of ${framework.judgements.length}.`, `up-j:${j.id}`)}
                />
                <IconButton
                  label={`Move the judgement ${jName} down`}
                  icon={<ArrowDown16Regular />}
                  focusKey={`down-j:${j.id}`}
                  disabled={busy || ji === framework.judgements.length - 1}
                  onClick={() => void edit(moveJudgement(framework, ji, 1), `Moved the judgement “${jName}” down: now ${ji + 2} of ${framework.judgements.length}.`, `down-j:${j.id}`)}
                />
              </span>
            </div>
            <ul className={styles.list} aria-label={`Criteria of ${jName}`}>
              {j.criteria.map((c, ci) => (
                <li key={c.id} className={styles.row} data-testid="form-criterion" data-criterion={c.id}>
                  <span className={styles.id}>{c.id}</span>
                  {renaming?.kind === 'criterion' && renaming.j === ji && renaming.c === ci ? (
                    <RenameField
                      label={`New title for ${c.id}`}
                      initial={c.title}
                      busy={busy}
                      onCancel={() => {
                        focusNext.current = `rename:${c.id}`;
                        setRenaming(null);
                      }}
                      onSave={async (title) => {
                        if (await edit(renameCriterion(framework, ji, ci, title), `Renamed ${c.id} to “${title.trim()}”.`, `rename:${c.id}`)) setRenaming(null);
                      }}
                    />
                  ) : (
                    <span className={styles.title}>
                      {c.title}
                      {c.children?.length ? <span className={styles.children}> · {plural(c.children.length, 'item')} under it (edit them in the text)</span> : null}
                    </span>
                  )}
                  <span className={styles.tools}>
                    <IconButton label={`Rename ${c.id} ${c.title}`} icon={<Rename16Regular />} focusKey={`rename:${c.id}`} onClick={() => setRenaming({ kind: 'criterion', j: ji, c: ci })} disabled={busy} />
                    <IconButton
                      label={`Move ${c.id} up`}
                      icon={<ArrowUp16Regular />}
                      focusKey={`up:${c.id}`}
                      disabled={busy || ci === 0}
                      onClick={() => void edit(moveCriterion(framework, ji, ci, -1), `Moved ${c.id} up: now ${ci} of ${j.criteria.length} in “${jName}”.`, `up:${c.id}`)}
                    />
                    <IconButton
                      label={`Move ${c.id} down`}
                      icon={<ArrowDown16Regular />}
                      focusKey={`down:${c.id}`}
                      disabled={busy || ci === j.criteria.length - 1}
                      onClick={() => void edit(moveCriterion(framework, ji, ci, 1), `Moved ${c.id} down: now ${ci + 2} of ${j.criteria.length} in “${jName}”.`, `down:${c.id}`)}
                    />
                    <IconButton label={`Delete ${c.id} ${c.title}`} icon={<Delete16Regular />} focusKey={`delete:${c.id}`} onClick={() => setDeleting({ j: ji, c: ci })} disabled={busy} />
                  </span>
                </li>
              ))}
            </ul>
            {adding === ji ? (
              <AddCriterion
                judgement={jName}
                suggestedId={suggestCriterionId(framework, ji)}
                busy={busy}
                onCancel={() => {
                  focusNext.current = `add:${j.id}`;
                  setAdding(null);
                }}
                onAdd={async (c) => {
                  if (await edit(addCriterion(framework, ji, c), `Added ${c.id.trim()} “${c.title.trim()}” to “${jName}”.`, `rename:${c.id.trim()}`)) setAdding(null);
                }}
              />
            ) : (
              <Button className={styles.addButton} size="small" icon={<Add16Regular />} onClick={() => setAdding(ji)} disabled={busy} data-focus-key={`add:${j.id}`}>
                Add a criterion to {jName}
              </Button>
            )}
          </section>
        );
      })}
      {deleting && (
        <DeleteCriterionDialog
          framework={framework}
          at={deleting}
          tagged={tagged}
          onCancel={() => {
            const c = framework.judgements[deleting.j]?.criteria[deleting.c];
            focusNext.current = c ? `delete:${c.id}` : null;
            setDeleting(null);
          }}
          onDelete={async () => {
            const j = framework.judgements[deleting.j];
            const c = j.criteria[deleting.c];
            // Focus moves to the row that takes its place (or the judgement's Add button).
            const after = j.criteria[deleting.c + 1] ?? j.criteria[deleting.c - 1];
            if (await edit(deleteCriterion(framework, deleting.j, deleting.c), `Deleted ${c.id} “${c.title}”.`, after ? `delete:${after.id}` : `add:${j.id}`)) setDeleting(null);
          }}
        />
      )}
    </div>
  );
}

function IconButton({ label, icon, focusKey, onClick, disabled }: { label: string; icon: ReactElement; focusKey: string; onClick: () => void; disabled: boolean }) {
  return (
    <Tooltip content={label} relationship="label">
      {/* disabledFocusable: a row moved to the end keeps the focus on its (now disabled) button. */}
      <Button size="small" appearance="subtle" icon={icon} onClick={onClick} disabledFocusable={disabled} data-focus-key={focusKey} />
    </Tooltip>
  );
}

function RenameField({ label, initial, busy, onSave, onCancel }: { label: string; initial: string; busy: boolean; onSave: (title: string) => Promise<void>; onCancel: () => void }) {
  const styles = useStyles();
  const [title, setTitle] = useState(initial);
  const cancelOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };
  // A form, so Enter in the field saves as a click on Save does.
  return (
    <form
      className={styles.rename}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(title);
      }}
    >
      <Input className={styles.renameInput} aria-label={label} value={title} onChange={(_, d) => setTitle(d.value)} onKeyDown={cancelOnEscape} autoFocus size="small" />
      <Button size="small" appearance="primary" type="submit" disabled={busy}>
        Save
      </Button>
      <Button size="small" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}

function AddCriterion({ judgement, suggestedId, busy, onAdd, onCancel }: { judgement: string; suggestedId: string; busy: boolean; onAdd: (c: NewCriterion) => Promise<void>; onCancel: () => void }) {
  const styles = useStyles();
  const [c, setC] = useState<NewCriterion>({ id: suggestedId, title: '', description: '', keywords: '' });
  const set = (key: keyof NewCriterion) => (_: unknown, d: { value: string }) => setC((prev) => ({ ...prev, [key]: d.value }));
  return (
    <form
      className={styles.add}
      aria-label={`New criterion for ${judgement}`}
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd(c);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Field label="Id" hint="Unique in the framework">
        <Input value={c.id} onChange={set('id')} />
      </Field>
      <Field label="Title" hint="What inspectors look for, in a few words">
        <Input value={c.title} onChange={set('title')} autoFocus />
      </Field>
      <Field className={styles.wide} label="Description">
        <Textarea value={c.description} onChange={set('description')} rows={2} resize="vertical" />
      </Field>
      <Field className={styles.wide} label="Keywords" hint="Words that suggest a document is evidence for it, separated by commas">
        <Input value={c.keywords} onChange={set('keywords')} />
      </Field>
      <div className={styles.addActions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Add criterion
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

/** Evidence tagged to a criterion and to what sits under it (deleting it deletes them too). */
export function taggedTo(framework: Framework, at: { j: number; c: number }, tagged: ReadonlyMap<string, number>): number {
  const c = framework.judgements[at.j]?.criteria[at.c];
  if (!c) return 0;
  return [c.id, ...(c.children ?? []).map((k) => k.id)].reduce((sum, id) => sum + (tagged.get(id) ?? 0), 0);
}

function DeleteCriterionDialog({
  framework,
  at,
  tagged,
  onDelete,
  onCancel,
}: {
  framework: Framework;
  at: { j: number; c: number };
  tagged: ReadonlyMap<string, number>;
  onDelete: () => Promise<void>;
  onCancel: () => void;
}) {
  const c = framework.judgements[at.j]?.criteria[at.c];
  const [busy, setBusy] = useState(false);
  if (!c) return null;
  const count = taggedTo(framework, at, tagged);
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            Delete {c.id} “{c.title}”?
          </DialogTitle>
          <DialogContent data-testid="delete-criterion-warning">
            {count > 0 ? (
              <p>
                <strong>{plural(count, 'evidence item is', 'evidence items are')} tagged to it.</strong> They stay in the library, but no longer count for this
                framework under {c.id}. Undo, straight after, brings the criterion and those tags back.
              </p>
            ) : (
              <p>No evidence is tagged to it. Undo, straight after, brings it back.</p>
            )}
            {c.children?.length ? <p>The {plural(c.children.length, 'item')} under it go too.</p> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel}>Keep it</Button>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onDelete().finally(() => setBusy(false));
              }}
            >
              Delete criterion
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
