/**
 * The "Log a request" form as plain data: its empty state (received now), what it checks before
 * calling the app (the backend checks again and names the field it refuses), and the call's input.
 */
import { DATE_TIME_HINT } from '../../../shared/dates.ts';
import type { Input } from '../../../shared/contract.ts';
import { REQUEST_LIMITS } from '../../../shared/requests.ts';
import { fromLocalInput, toLocalInput } from './time-text.ts';

export interface RequestForm {
  text: string;
  inspector: string;
  /** Local "yyyy-mm-ddTHH:mm" (BritishDateField withTime), or the text typed while it is not a date and time. */
  received: string;
  /** False until the user edits "received": an untouched one means "now" at the moment of saving. */
  receivedTouched: boolean;
  due: string;
  priority: 'normal' | 'high';
  owner: string;
  judgementId: string;
}

export type FormField = 'text' | 'inspector' | 'received' | 'due' | 'priority' | 'owner' | 'judgementId';
export type FieldErrors = Partial<Record<FormField | 'frameworkId', string>>;

export function emptyForm(now: Date, owner = ''): RequestForm {
  return { text: '', inspector: '', received: toLocalInput(now.toISOString()), receivedTouched: false, due: '', priority: 'normal', owner, judgementId: '' };
}

export function validateRequestForm(form: RequestForm): FieldErrors {
  const problems: FieldErrors = {};
  if (!form.text.trim()) problems.text = 'Type what the inspector asked for.';
  else if (form.text.length > REQUEST_LIMITS.text) problems.text = `At most ${REQUEST_LIMITS.text} characters.`;
  if (!form.inspector.trim()) problems.inspector = 'Who asked? Type the inspector’s name.';
  if (form.receivedTouched && !fromLocalInput(form.received)) problems.received = `${DATE_TIME_HINT}, or leave it as now.`;
  if (form.due && !fromLocalInput(form.due)) problems.due = `${DATE_TIME_HINT}, or leave it empty.`;
  return problems;
}

/** requests.add's input: received is now unless the user set it; judgement from the default framework. */
export function addInput(form: RequestForm, frameworkId: string | null, now: Date): Input<'requests.add'> {
  return {
    text: form.text.trim(),
    inspector: form.inspector.trim(),
    received: (form.receivedTouched ? fromLocalInput(form.received) : null) ?? now.toISOString(),
    due: form.due ? fromLocalInput(form.due) : null,
    priority: form.priority,
    owner: form.owner.trim(),
    frameworkId: form.judgementId ? frameworkId : null,
    judgementId: form.judgementId || null,
  };
}

/** Distinct earlier values (inspectors, owners), most recent first, for the fields' suggestions. */
export function suggestions(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = v.trim();
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}
