import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, Database20Regular, LockClosed16Regular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import type { AppInfo, Settings } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { ApiCallError, errorMessage } from '../api/client.ts';
import { useAppData } from '../app/AppData.tsx';
import { AuditLogSection } from './AuditLogSection.tsx';
import { DataSection } from './DataSection.tsx';
import { READING_FIELDS, RESCAN_FIELD, changesOf, draftOf, fieldOfError, formatRange, isDirty, rangeOf, type Draft, type FieldErrors, type NumberField } from './settings-form.ts';

const useStyles = makeStyles({
  view: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`, overflowY: 'auto', height: '100%', boxSizing: 'border-box' },
  column: { maxWidth: '680px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  number: { width: '200px' },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minHeight: '32px' },
  saved: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteGreenForeground1 },
  index: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  path: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  local: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
});

/**
 * What the user can tune (how files are read, how often folders are rescanned), where the index
 * lives, the data kept on this computer (and deleting Annex A's), and the audit log.
 */
export function SettingsView() {
  const styles = useStyles();
  const api = useApi();
  const { info } = useAppData();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  // Bumped by a deletion made here, so the audit log shows its entry.
  const [auditVersion, setAuditVersion] = useState(0);

  useEffect(() => {
    let live = true;
    api.call('settings.get', {}).then(
      (settings) => {
        if (!live) return;
        setSaved(settings);
        setDraft(draftOf(settings));
      },
      (error) => live && setFormError(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const edit = (change: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...change } : d));
    setJustSaved(false);
    // The error was about the old value; the field is being corrected.
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(change)) delete next[key as keyof Settings];
      return next;
    });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft || !saved) return;
    setFormError(null);
    setJustSaved(false);
    const { changes, errors: typed } = changesOf(draft, saved);
    setErrors(typed);
    if (Object.keys(typed).length) return;
    setBusy(true);
    try {
      const next = Object.keys(changes).length ? await api.call('settings.set', changes) : saved;
      setSaved(next);
      setDraft(draftOf(next));
      setJustSaved(true);
    } catch (error) {
      const field = error instanceof ApiCallError ? fieldOfError(error.field) : null;
      if (field) setErrors({ [field.key]: field.message });
      else setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const numberInput = (field: NumberField) => {
    if (!draft) return null;
    const error = errors[field.key];
    return (
      <Field
        key={field.key}
        label={field.label}
        hint={`${field.hint} (${formatRange(field)})`}
        validationState={error ? 'error' : 'none'}
        validationMessage={error}
      >
        <Input
          className={styles.number}
          type="number"
          inputMode="numeric"
          min={rangeOf(field.key).min}
          max={rangeOf(field.key).max}
          step={1}
          value={draft[field.key]}
          onChange={(_, data) => edit({ [field.key]: data.value })}
          contentAfter={<Text size={200}>{field.unit}</Text>}
          data-testid={`setting-${field.key}`}
        />
      </Field>
    );
  };

  return (
    <div className={styles.view} data-testid="settings-view">
      <div className={styles.column}>
        <h1 className={styles.title}>Settings</h1>
        {formError && (
          <MessageBar intent="error" data-testid="settings-error">
            <MessageBarBody>{formError}</MessageBarBody>
          </MessageBar>
        )}
        {!draft || !saved ? (
          !formError && <Spinner size="small" label="Loading the settings…" />
        ) : (
          // noValidate: the server checks the values and its answer is shown beside the field.
          <form className={styles.column} onSubmit={(e) => void save(e)} noValidate aria-label="Settings">
            <section className={styles.section} aria-labelledby="settings-reading">
              <h2 className={styles.heading} id="settings-reading">
                Reading files
              </h2>
              {READING_FIELDS.map(numberInput)}
              <p className={styles.note}>Limits apply to files read from now on. Files already in the index are not read again until they change, or until you retry them from “Files that need attention”.</p>
            </section>
            <section className={styles.section} aria-labelledby="settings-updates">
              <h2 className={styles.heading} id="settings-updates">
                Keeping the index up to date
              </h2>
              {numberInput(RESCAN_FIELD)}
              <Field
                hint="Notice new and changed files in folders on this computer straight away. Shared drives are picked up by the rescan."
                validationState={errors.watchFolders ? 'error' : 'none'}
                validationMessage={errors.watchFolders}
              >
                <Switch label="Watch local folders for changes" checked={draft.watchFolders} onChange={(_, data) => edit({ watchFolders: data.checked })} />
              </Field>
            </section>
            <div className={styles.actions}>
              <Button type="submit" appearance="primary" disabled={busy || !isDirty(draft, saved)}>
                {busy ? 'Saving…' : 'Save'}
              </Button>
              <Button type="button" disabled={busy || !isDirty(draft, saved)} onClick={() => edit(draftOf(saved))}>
                Undo changes
              </Button>
              <span role="status" aria-live="polite">
                {justSaved && (
                  <span className={styles.saved} data-testid="settings-saved">
                    <CheckmarkCircle16Filled aria-hidden />
                    Saved
                  </span>
                )}
              </span>
            </div>
          </form>
        )}
        <IndexSection info={info} />
        <DataSection headingClass={styles.heading} sectionClass={styles.section} onChanged={() => setAuditVersion((v) => v + 1)} />
        <AuditLogSection headingClass={styles.heading} sectionClass={styles.section} version={auditVersion} />
      </div>
    </div>
  );
}

function IndexSection({ info }: { info: AppInfo | null }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="settings-index" data-testid="settings-index">
      <h2 className={styles.heading} id="settings-index">
        <Database20Regular aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: tokens.spacingHorizontalS }} />
        Your index
      </h2>
      {info ? (
        <>
          <dl className={styles.index}>
            <dt className={styles.term}>Index file</dt>
            <dd className={`${styles.value} ${styles.path}`}>{info.databasePath}</dd>
            <dt className={styles.term}>Running as</dt>
            <dd className={styles.value}>{info.mode === 'desktop' ? 'The desktop app' : 'Browser mode: this page talks to Evidence Store on this computer only'}</dd>
            <dt className={styles.term}>Version</dt>
            <dd className={styles.value}>{info.version}</dd>
          </dl>
          <Text className={styles.local}>
            <LockClosed16Regular aria-hidden />
            Everything stays on this computer: documents are read where they are and nothing is uploaded.
          </Text>
        </>
      ) : (
        <Spinner size="tiny" label="Loading…" />
      )}
    </section>
  );
}
