/**
 * A built-in framework cannot be changed (the app's copy is the reference), but the group can make
 * its own copy to adapt: a new id and title, no default flag.
 */
export function copyForEditing(json: string): string {
  const f = JSON.parse(json) as Record<string, unknown>;
  const id = String(f.id ?? 'framework');
  const copy: Record<string, unknown> = { ...f, id: `${id}-local`, title: `${String(f.title ?? id)} (our copy)` };
  if (typeof f.shortTitle === 'string') copy.shortTitle = `${f.shortTitle} (ours)`;
  delete copy.default;
  delete copy.builtIn;
  return JSON.stringify(copy, null, 2) + '\n';
}
