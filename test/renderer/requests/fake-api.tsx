/**
 * A fake of the app's API for the Requests area's tests: an in-memory request log that answers
 * requests.* the way the contract says (newest received first, answered records the time), records
 * every call, and serves the frameworks the judgement picker reads; other areas' methods a test
 * needs come from its own `more`.
 */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { InspectorRequest } from '../../../shared/requests.ts';
import { ApiProvider } from '../../../renderer/src/api/ApiContext.tsx';
import type { ClientApi } from '../../../renderer/src/api/types.ts';
import { AppDataProvider } from '../../../renderer/src/app/AppData.tsx';
import type { FrameworkSummary } from '../../../shared/contract.ts';

const FRAMEWORKS: FrameworkSummary[] = [
  { id: 'ilacs-2023', title: 'ILACS 2023', shortTitle: 'ILACS 2023', kind: 'inspection', builtIn: true, isDefault: false, judgements: 2, criteria: 20 },
  { id: 'ilacs-2026', title: 'ILACS 2026', shortTitle: 'ILACS 2026', kind: 'inspection', builtIn: true, isDefault: true, judgements: 3, criteria: 30 },
];

export function request(patch: Partial<InspectorRequest> & { id: number }): InspectorRequest {
  return {
    text: `Request ${patch.id}`,
    inspector: 'Jane Inspector',
    received: '2024-03-13T08:00:00.000Z',
    due: null,
    priority: 'normal',
    owner: '',
    frameworkId: null,
    judgementId: null,
    status: 'new',
    answered: null,
    closed: null,
    response: '',
    links: [],
    history: [{ at: '2024-03-13T08:00:00.000Z', user: 'analyst', action: 'logged', detail: {} }],
    ...patch,
  };
}

export interface Fake {
  api: ClientApi;
  requests: InspectorRequest[];
  of(method: string): Record<string, unknown>[];
}

/** Answers a method the request log's fake does not (another area's), or undefined to leave it to the fake. */
export type MoreMethods = (method: string, input: Record<string, unknown>) => unknown;

export function fakeApi(initial: InspectorRequest[] = [], more: MoreMethods = () => undefined): Fake {
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const requests = [...initial];
  let nextId = Math.max(0, ...initial.map((r) => r.id)) + 1;
  const find = (id: unknown) => {
    const r = requests.find((x) => x.id === id);
    if (!r) throw new Error(`no request ${String(id)}`);
    return r;
  };
  const api = {
    transport: 'http',
    on: () => () => undefined,
    call: async (method: string, input: Record<string, unknown>) => {
      calls.push({ method, input });
      const other = more(method, input);
      if (other !== undefined) return other;
      switch (method) {
        case 'app.info':
          return { version: '0.1.0', mode: 'browser', databasePath: '/tmp/x.db', canPickFolders: false, platform: 'win32' };
        case 'roots.list':
          return [];
        case 'scan.status':
          return { state: 'idle', done: 0, total: 0, walking: false, paused: false, queued: 0, filesPerSecond: 0, secondsLeft: null, currentPath: null, rootId: null, finishedAt: null };
        case 'frameworks.list':
          return FRAMEWORKS;
        case 'frameworks.get':
          return { framework: { id: 'ilacs-2026', title: 'ILACS 2026', judgements: [{ id: 'leaders', title: 'The impact of leaders', criteria: [] }, { id: 'care', title: 'Children in care', criteria: [] }] }, json: '{}' };
        case 'requests.list': {
          const statuses = input.statuses as string[] | undefined;
          return [...requests].filter((r) => !statuses || statuses.includes(r.status)).sort((a, b) => Date.parse(b.received) - Date.parse(a.received));
        }
        case 'requests.add': {
          const r = request({ id: nextId++, ...(input as Partial<InspectorRequest>), received: (input.received as string) ?? new Date().toISOString() });
          requests.push(r);
          return r;
        }
        case 'requests.setStatus': {
          const r = find(input.id);
          r.status = input.status as InspectorRequest['status'];
          r.answered = r.status === 'answered' ? new Date().toISOString() : null;
          r.closed = r.status === 'answered' || r.status === 'withdrawn' ? new Date().toISOString() : null;
          return r;
        }
        case 'requests.answer': {
          const r = find(input.id);
          Object.assign(r, { status: 'answered', response: input.response, answered: new Date().toISOString(), closed: new Date().toISOString() });
          return r;
        }
        case 'requests.link': {
          const r = find(input.id);
          return r;
        }
        case 'requests.export':
          return new Uint8Array([0x50, 0x4b, 3, 4]);
        default:
          throw new Error(`not faked: ${method}`);
      }
    },
  } as unknown as ClientApi;
  return { api, requests, of: (method) => calls.filter((c) => c.method === method).map((c) => c.input) };
}

export function show(fake: Fake, ui: ReactNode) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider value={fake.api}>
        <AppDataProvider>{ui}</AppDataProvider>
      </ApiProvider>
    </FluentProvider>,
  );
}
