/** A history entry in plain words: "Tagged CIC05 (key)", "Status: draft → approved". */
import type { HistoryEntry } from '../../../shared/contract.ts';

const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  summary: 'What this shows',
  team: 'Team',
  evidenceDate: 'Evidence date',
  reviewBy: 'Review by',
  status: 'Status',
  personalData: 'Personal data',
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function describeHistory(entry: HistoryEntry): string {
  const d = entry.detail;
  switch (entry.action) {
    case 'created':
      return 'Made evidence';
    case 'updated': {
      const changes = Object.entries(d).map(([field, change]) => {
        const name = FIELD_NAMES[field] ?? field;
        if (change && typeof change === 'object' && 'from' in change && 'to' in change) {
          return `${name}: ${show((change as { from: unknown }).from)} → ${show((change as { to: unknown }).to)}`;
        }
        return `${name} changed`;
      });
      return changes.length ? changes.join('; ') : 'Updated';
    }
    case 'tagged':
    case 'tag changed': {
      const strength = str(d.strength);
      const note = str(d.note);
      return `${entry.action === 'tagged' ? 'Tagged' : 'Tag changed:'} ${str(d.criterionId)}${strength ? ` (${strength})` : ''}${str(d.frameworkId) ? ` in ${str(d.frameworkId)}` : ''}${note ? ` — “${show(note)}”` : ''}`;
    }
    case 'untagged':
      return `Removed tag ${str(d.criterionId)}${str(d.frameworkId) ? ` in ${str(d.frameworkId)}` : ''}`;
    case 'content confirmed':
      return 'Confirmed the changed file still shows this';
    case 'file changed':
      return `The file changed${str(d.path) ? ` (${str(d.path)})` : ''}`;
    default:
      return entry.action.charAt(0).toUpperCase() + entry.action.slice(1);
  }
}
