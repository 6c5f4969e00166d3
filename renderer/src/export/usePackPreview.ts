/**
 * pack.preview for the choices on screen: asked again a moment after they stop changing (ticking
 * five judgements in a row makes one request, not five), any older request cancelled, and again
 * when evidence changes elsewhere in the app.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PackOptions, PackPreview } from '../../../shared/pack.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage, isAbort } from '../api/client.ts';
import { useEvidenceVersion } from '../evidence/changes.ts';

export const PREVIEW_DELAY_MS = 250;

export interface PreviewState {
  /** The last answer, kept while a newer one is asked for so the numbers do not flash away. */
  preview: PackPreview | null;
  /** True from a change until its answer arrives. */
  loading: boolean;
  error: string | null;
  retry(): void;
}

export function usePackPreview(options: PackOptions | null): PreviewState {
  const api = useApi();
  const evidenceVersion = useEvidenceVersion();
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The request's text is the effect's key: a new object with the same choices asks nothing.
  const key = options ? JSON.stringify(options) : null;

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    setLoading(true);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.call('pack.preview', JSON.parse(key) as PackOptions, { signal: controller.signal }).then(
        (answer) => {
          // A shell that cannot cancel may still answer: an answer for older choices is dropped.
          if (controller.signal.aborted) return;
          setPreview(answer);
          setError(null);
          setLoading(false);
        },
        (e) => {
          if (isAbort(e) || controller.signal.aborted) return;
          setError(errorMessage(e));
          setLoading(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key, evidenceVersion, attempt]);

  return { preview, loading, error, retry: useCallback(() => setAttempt((a) => a + 1), []) };
}
