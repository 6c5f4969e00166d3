/**
 * A fake of the app's API for the Export area's tests, in the manner of the Annex A tests: it
 * records every call, answers from data the test gives, holds pack.export until released (so
 * progress events can be sent while it runs) and emits pack.progress to whoever listens.
 */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { FrameworkSummary, FrameworkView } from '../../../shared/contract.ts';
import type { PackExportResult, PackLogEntry, PackPreview, PackProgress, PackVerifyResult } from '../../../shared/pack.ts';
import { ApiCallError } from '../../../shared/api-error.ts';
import { ApiProvider } from '../../../renderer/src/api/ApiContext.tsx';
import type { ClientApi } from '../../../renderer/src/api/types.ts';
import { AppDataProvider } from '../../../renderer/src/app/AppData.tsx';
import { ExportView } from '../../../renderer/src/export/ExportView.tsx';

export const FRAMEWORKS: FrameworkSummary[] = [
  { id: 'ilacs-2026', title: 'ILACS 2026', shortTitle: 'ILACS 2026', kind: 'inspection', builtIn: true, isDefault: true, judgements: 3, criteria: 30 },
  { id: 'ilacs-2023', title: 'ILACS 2023', shortTitle: 'ILACS 2023', kind: 'inspection', builtIn: true, isDefault: false, judgements: 2, criteria: 20 },
];

const VIEWS: Record<string, FrameworkView> = {
  'ilacs-2026': {
    id: 'ilacs-2026',
    title: 'ILACS 2026',
    judgements: [
      { id: 'leaders', title: 'The impact of leaders', criteria: [] },
      { id: 'help', title: 'Help and protection', criteria: [] },
      { id: 'care', title: 'Children in care', criteria: [] },
    ],
  },
  'ilacs-2023': {
    id: 'ilacs-2023',
    title: 'ILACS 2023',
    judgements: [
      { id: 'old-leaders', title: 'Leadership (2023)', criteria: [] },
      { id: 'old-care', title: 'Care (2023)', criteria: [] },
    ],
  },
};

export function preview(patch: Partial<PackPreview> = {}): PackPreview {
  return {
    framework: { id: 'ilacs-2026', title: 'ILACS 2026', version: '2026' },
    judgements: [
      { id: 'leaders', title: 'The impact of leaders', evidence: 12, criteria: 5 },
      { id: 'help', title: 'Help and protection', evidence: 30, criteria: 9 },
    ],
    evidence: 42,
    files: 40,
    bytes: 1.5 * 1024 * 1024,
    missing: [],
    changedSinceTagged: 0,
    renamed: 0,
    personalData: 0,
    annexa: null,
    selfEvaluation: false,
    ...patch,
  };
}

export const VERIFIED: PackVerifyResult = { ok: true, files: 44, missing: [], changed: [], extra: [], problems: [] };

export function exportResult(patch: Partial<PackExportResult> = {}): PackExportResult {
  return { pack: '\\\\server\\share\\Inspection\\Pack', files: 44, evidence: 42, bytes: 1.5 * 1024 * 1024, seconds: 12.4, copied: 30, reused: 10, verify: VERIFIED, ...patch };
}

export interface FakeOptions {
  preview?: PackPreview;
  canPickFolders?: boolean;
  picked?: string | null;
  /** What pack.export ends with once released: a result, or an error to throw. */
  exportOutcome?: PackExportResult | Error;
  /** pack.export waits for release() (or for pack.cancel). */
  holdExport?: boolean;
  verify?: PackVerifyResult | Error;
  log?: PackLogEntry[];
}

export interface Fake {
  api: ClientApi;
  calls: { method: string; input: Record<string, unknown> }[];
  emit(p: PackProgress): void;
  release(): void;
  /** Every call of one method, oldest first. */
  of(method: string): Record<string, unknown>[];
  listeners(): number;
}

export function fakeApi(options: FakeOptions = {}): Fake {
  const listeners = new Set<(p: PackProgress) => void>();
  const calls: Fake['calls'] = [];
  let release = () => {};
  let cancel = () => {};
  const api = {
    transport: 'http',
    on: (event: string, listener: (p: PackProgress) => void) => {
      if (event !== 'pack.progress') return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    call: async (method: string, input: Record<string, unknown>) => {
      calls.push({ method, input });
      switch (method) {
        case 'app.info':
          return { version: '0.1.0', mode: options.canPickFolders ? 'desktop' : 'browser', databasePath: '/tmp/x.db', canPickFolders: options.canPickFolders ?? false, platform: 'win32' };
        case 'roots.list':
          return [];
        case 'scan.status':
          return { state: 'idle', done: 0, total: 0, walking: false, paused: false, queued: 0, filesPerSecond: 0, secondsLeft: null, currentPath: null, rootId: null, finishedAt: null };
        case 'frameworks.list':
          return FRAMEWORKS;
        case 'frameworks.get':
          return { framework: VIEWS[input.frameworkId as string], json: '{}' };
        case 'pack.preview':
          return options.preview ?? preview();
        case 'pack.export': {
          if (options.holdExport) {
            await new Promise<void>((resolve, reject) => {
              release = resolve;
              cancel = () => reject(new ApiCallError('unavailable', 'The export was cancelled. The destination was left as it was.'));
            });
          }
          const outcome = options.exportOutcome ?? exportResult();
          if (outcome instanceof Error) throw outcome;
          return outcome;
        }
        case 'pack.cancel':
          cancel();
          return { ok: true };
        case 'pack.verify': {
          const answer = options.verify ?? VERIFIED;
          if (answer instanceof Error) throw answer;
          return answer;
        }
        case 'pack.log':
          return options.log ?? [];
        case 'dialog.pickFolder':
          return { path: options.picked ?? null };
        default:
          throw new Error(`not faked: ${method}`);
      }
    },
  } as unknown as ClientApi;
  return {
    api,
    calls,
    emit: (p) => listeners.forEach((l) => l(p)),
    release: () => release(),
    of: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
    listeners: () => listeners.size,
  };
}

export function show(fake: Fake) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider value={fake.api}>
        <AppDataProvider>
          <ExportView />
        </AppDataProvider>
      </ApiProvider>
    </FluentProvider>,
  );
}
