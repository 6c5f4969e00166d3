import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import { PACK_FILES, type PackVerifyResult } from '../../../shared/pack.ts';
import { useApi } from '../api/ApiContext.tsx';
import { ApiCallError, errorMessage } from '../api/client.ts';
import { formatCount } from '../shared/format.ts';
import { useVisuallyHidden } from '../shared/visually-hidden.ts';
import { updateExportSession, useExportSession } from './export-session.ts';
import { FolderField } from './FolderField.tsx';
import { useSectionStyles } from './section-styles.ts';
import { VerifyResultView } from './VerifyResultView.tsx';

const useStyles = makeStyles({
  tab: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** What the live region says: the verdict in one sentence. */
function verdict(result: PackVerifyResult): string {
  if (result.ok) return `All ${formatCount(result.files)} files match the manifest.`;
  return `The pack is not as it was written: ${formatCount(result.missing.length)} missing, ${formatCount(result.changed.length)} changed, ${formatCount(result.extra.length)} not in the manifest.`;
}

/**
 * Checks a pack on the shared drive against its manifest: before the inspection starts, or when
 * someone asks whether anything in it was changed. Reads only; nothing in the folder is touched.
 */
export function VerifyTab() {
  const styles = useStyles();
  const section = useSectionStyles();
  const sr = useVisuallyHidden();
  const api = useApi();
  const { verifyPath } = useExportSession();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PackVerifyResult | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    const path = verifyPath.trim();
    if (!path) {
      setFieldError('Type or choose the folder of the pack to check.');
      return;
    }
    setBusy(true);
    setResult(null);
    setError(null);
    setFieldError(null);
    try {
      setResult(await api.call('pack.verify', { path }));
    } catch (e) {
      // "Not a pack", "not there": about the folder, so said beside it.
      if (e instanceof ApiCallError && (e.field === 'path' || e.code === 'not-found')) setFieldError(e.message);
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.tab} data-testid="export-verify">
      <form className={section.card} onSubmit={(e) => void verify(e)} aria-labelledby={headingId} noValidate>
        <h3 id={headingId} className={section.heading}>
          Verify a pack
        </h3>
        <p className={section.p}>
          {`Every file of the pack is read again and compared with ${PACK_FILES.manifest}, the fingerprints written when the pack was made. Nothing in the folder is changed.`}
        </p>
        <FolderField
          label="Pack folder"
          value={verifyPath}
          onChange={(path) => {
            updateExportSession({ verifyPath: path });
            setFieldError(null);
          }}
          error={fieldError}
          hint={`The folder holding ${PACK_FILES.index} and ${PACK_FILES.manifest}.`}
          disabled={busy}
          testId="verify-path"
        />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" icon={<ShieldCheckmark20Regular />} disabled={busy} data-testid="verify-start">
            Verify
          </Button>
          {busy && <Spinner size="tiny" label="Reading every file…" />}
        </div>
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {result && <VerifyResultView result={result} />}
        <div role="status" className={sr.hidden} data-testid="verify-announce">
          {busy ? 'Verifying the pack…' : result ? verdict(result) : ''}
        </div>
      </form>
    </div>
  );
}
