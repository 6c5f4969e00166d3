/**
 * `requests add|list|answer|export`: the onsite week's request log from scripts, through the same
 * API methods as the app's screen. Typed times (`--due 2026-12-02T14:30`) are this computer's local
 * time, as on the screen; JSON carries the stored ISO times (UTC), human lines show dd/mm/yyyy HH:mm
 * in local time.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Api } from '../../shared/contract.ts';
import { REQUEST_PRIORITIES, REQUEST_STATUSES, isOverdue, type InspectorRequest, type RequestStatus } from '../../shared/requests.ts';
import { UsageError } from '../args.ts';

const USAGE = `Usage:
  evidence-store requests add "<text>" --inspector NAME [--due YYYY-MM-DDTHH:MM] [--priority high|normal] [--owner NAME] [--json]
  evidence-store requests list [--status S] [--json]
  evidence-store requests answer <id> --note TEXT [--document PATH]... [--json]
  evidence-store requests export --out FILE.xlsx [--json]`;

export interface RequestOptions {
  action?: string;
  words: string[];
  inspector?: string;
  due?: string;
  priority?: string;
  owner?: string;
  status?: string;
  note?: string;
  documents: string[];
  out?: string;
  json: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A stored time as people in England write it, in this computer's local time. */
function british(iso: string | null): string {
  if (!iso) return '-';
  const t = new Date(iso);
  return `${pad(t.getDate())}/${pad(t.getMonth() + 1)}/${t.getFullYear()} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** What a script gets for a request: its fields, links with their paths, no history (that is `requests.get`'s). */
function asJson(r: InspectorRequest) {
  return {
    id: r.id, text: r.text, inspector: r.inspector, status: r.status, received: r.received, due: r.due, priority: r.priority, owner: r.owner,
    judgementId: r.judgementId, answered: r.answered, closed: r.closed, response: r.response,
    links: r.links.map((l) => ({ id: l.id, kind: l.kind, label: l.label, path: l.path, page: l.page, query: l.query })),
  };
}

function line(r: InspectorRequest): string {
  const due = r.due ? `, due ${british(r.due)}${isOverdue(r, new Date()) ? ' (OVERDUE)' : ''}` : '';
  const answered = r.answered ? `, answered ${british(r.answered)}` : '';
  return `#${r.id} [${r.status}] ${r.priority === 'high' ? '(high) ' : ''}${r.text} — ${r.inspector}, received ${british(r.received)}${due}${answered}`;
}

function id(text: string | undefined): number {
  if (!text || !/^\d+$/u.test(text) || Number(text) < 1) throw new UsageError(`A request number is needed, such as 3, not “${text ?? ''}”.\n${USAGE}`);
  return Number(text);
}

export async function runRequests(api: Api, o: RequestOptions): Promise<number> {
  switch (o.action) {
    case 'add': {
      const text = o.words.join(' ').trim();
      if (!text || !o.inspector) throw new UsageError(`The request's words and --inspector NAME are needed.\n${USAGE}`);
      if (o.priority !== undefined && !(REQUEST_PRIORITIES as readonly string[]).includes(o.priority)) throw new UsageError(`--priority is high or normal.\n${USAGE}`);
      if (o.due !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(o.due)) throw new UsageError(`--due takes a date and time as YYYY-MM-DDTHH:MM, such as 2026-12-02T14:30.\n${USAGE}`);
      const r = await api.call('requests.add', {
        text, inspector: o.inspector, ...(o.due ? { due: o.due } : {}), priority: (o.priority ?? 'normal') as 'high' | 'normal', owner: o.owner ?? '',
      });
      console.log(o.json ? JSON.stringify(asJson(r)) : `Logged ${line(r)}`);
      return 0;
    }
    case 'list': {
      const statuses = o.status?.split(',').map((s) => s.trim()).filter(Boolean);
      const wrong = statuses?.find((s) => !(REQUEST_STATUSES as readonly string[]).includes(s));
      if (wrong !== undefined || (statuses && statuses.length === 0)) throw new UsageError(`--status takes ${REQUEST_STATUSES.join(', ')} (comma-separated), not “${wrong ?? o.status}”.`);
      const list = await api.call('requests.list', statuses ? { statuses: statuses as RequestStatus[] } : {});
      if (o.json) console.log(JSON.stringify({ requests: list.map(asJson) }));
      else if (list.length === 0) console.log('No requests.');
      else for (const r of list) console.log(line(r));
      return 0;
    }
    case 'answer': {
      const requestId = id(o.words[0]);
      if (o.note === undefined) throw new UsageError(`--note TEXT is the response.\n${USAGE}`);
      const r = await api.call('requests.answer', { id: requestId, response: o.note, documentPaths: o.documents.map((p) => resolve(p)) });
      if (o.json) console.log(JSON.stringify(asJson(r)));
      else {
        console.log(`Answered ${line(r)}`);
        for (const l of r.links) if (l.path) console.log(`  ${l.path}`);
      }
      return 0;
    }
    case 'export': {
      if (!o.out) throw new UsageError(`--out FILE.xlsx says where to write the log.\n${USAGE}`);
      const out = resolve(o.out);
      const bytes = await api.call('requests.export', {});
      const count = (await api.call('requests.list', {})).length;
      await writeFile(out, bytes);
      console.log(o.json ? JSON.stringify({ file: out, requests: count, bytes: bytes.length }) : `Wrote ${out}: ${count} requests.`);
      return 0;
    }
    default:
      throw new UsageError(o.action ? `Unknown requests command “${o.action}”.\n${USAGE}` : USAGE);
  }
}
