/**
 * A built-in framework cannot be changed (the app's copy is the reference), but the group can make
 * its own copy to adapt: a new id and title, no default flag. The id is one not yet taken, so a
 * second copy never replaces the group's first (saving a framework replaces one with its id).
 */
export function copyForEditing(json: string, takenIds: readonly string[] = []): string {
  const f = JSON.parse(json) as Record<string, unknown>;
  const id = String(f.id ?? 'framework');
  const taken = new Set(takenIds);
  let copyId = `${id}-local`;
  for (let n = 2; taken.has(copyId); n++) copyId = `${id}-local-${n}`;
  const copy: Record<string, unknown> = { ...f, id: copyId, title: `${String(f.title ?? id)} (our copy)` };
  if (typeof f.shortTitle === 'string') copy.shortTitle = `${f.shortTitle} (ours)`;
  delete copy.default;
  delete copy.builtIn;
  return JSON.stringify(copy, null, 2) + '\n';
}
