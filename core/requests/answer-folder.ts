/**
 * A request's answer as a small folder for the shared drive: the linked documents' files (under
 * `documents/`), `response.txt` (the request, the response, the times and every link in words),
 * `pack.json` and `manifest-sha256.txt`. It is written by the pack's own safe writer, not a copy of
 * it: `prepareDestination` (refuses a folder holding anything but an earlier answer or pack),
 * a hidden working folder beside the destination, `PackPaths` for Windows-safe names, the manifest
 * as sha256sum writes it, `verifyPack`, and only then `swapIntoPlace`. A failure leaves the
 * destination as it was.
 *
 * `pack.json` carries the pack's schema (so `prepareDestination` and `verify` know the folder as one
 * this app wrote, and a second export replaces the first) with `kind: "request-answer"`; an answer is
 * never written over a full evidence pack, which has no such kind.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PACK_FILES, PACK_SCHEMA } from '../../shared/pack.ts';
import type { InspectorRequest } from '../../shared/requests.ts';
import { ApiFailure } from '../api/errors.ts';
import { prepareDestination, swapIntoPlace, workingFolder } from '../pack/destination.ts';
import { formatManifest, hashFile, type ManifestEntry } from '../pack/manifest.ts';
import { PackPaths } from '../pack/names.ts';
import { verifyPack } from '../pack/verify.ts';
import { linkAsText } from './links.ts';
import { formatDateTime } from '../../shared/dates.ts';

export const ANSWER_KIND = 'request-answer';
export const ANSWER_NOTE = 'response.txt';
const DOCUMENTS = 'documents';

export interface AnswerFolderResult {
  folder: string;
  files: number;
  bytes: number;
  ok: boolean;
}

/** The note: what was asked, by whom, when, the answer and what answers it. CRLF, so Notepad shows lines everywhere. */
function noteText(r: InspectorRequest, placed: Map<number, string>, madeBy: string, now: Date): string {
  const lines = [
    `Request ${r.id}: ${r.text}`,
    '',
    `Inspector: ${r.inspector}`,
    `Received: ${formatDateTime(r.received)}`,
    `Due: ${r.due ? formatDateTime(r.due) : 'not set'}`,
    `Priority: ${r.priority}`,
    ...(r.owner ? [`Owner: ${r.owner}`] : []),
    ...(r.judgementId ? [`Judgement: ${r.judgementId}`] : []),
    `Status: ${r.status}${r.answered ? ` (answered ${formatDateTime(r.answered)})` : ''}`,
    '',
    'Response:',
    r.response || '(no response written yet)',
    '',
    'What answers it:',
    ...(r.links.length === 0 ? ['(nothing linked)'] : r.links.map((l) => `- ${linkAsText(l)}${placed.has(l.id) ? ` -> ${placed.get(l.id)}` : ''}`)),
    '',
    `Written by Evidence Store for ${madeBy} on ${formatDateTime(now.toISOString())}.`,
  ];
  return lines.join('\r\n') + '\r\n';
}

async function isAnswerFolder(folder: string): Promise<boolean> {
  try {
    return (JSON.parse(await readFile(join(folder, PACK_FILES.meta), 'utf8')) as { kind?: unknown }).kind === ANSWER_KIND;
  } catch {
    return false;
  }
}

/** Writes the answer folder for `request` at `destination` (created, or an earlier answer folder replaced). */
export async function writeAnswerFolder(request: InspectorRequest, destination: string, user: string, now = new Date()): Promise<AnswerFolderResult> {
  const target = await prepareDestination(destination);
  if (target.previous && !(await isAnswerFolder(target.path))) {
    throw new ApiFailure('invalid-argument', `${target.path} holds an evidence pack. Choose a new or empty folder for the answer.`, 'destination');
  }
  const working = await workingFolder(target.path);
  try {
    const names = new PackPaths();
    const entries: ManifestEntry[] = [];
    const placed = new Map<number, string>();
    let bytes = 0;
    for (const link of request.links) {
      if (link.kind !== 'document' || link.path === null) continue;
      const inside = names.place([DOCUMENTS], basename(link.path));
      const to = join(working, ...inside.split('/'));
      await mkdir(dirname(to), { recursive: true });
      try {
        await copyFile(link.path, to);
      } catch (error) {
        throw new ApiFailure('unavailable', `${link.path} could not be copied: ${(error as Error).message}`, 'id');
      }
      const hashed = await hashFile(to);
      entries.push({ path: inside, sha256: hashed.sha256 });
      placed.set(link.id, inside);
      bytes += hashed.bytes;
    }
    const generated: [string, string][] = [
      [ANSWER_NOTE, noteText(request, placed, user, now)],
      [PACK_FILES.meta, JSON.stringify({ schema: PACK_SCHEMA, kind: ANSWER_KIND, requestId: request.id, made: now.toISOString(), by: user, files: entries.map((e) => e.path) }, null, 2) + '\n'],
    ];
    for (const [name, text] of generated) {
      await writeFile(join(working, name), text, 'utf8');
      const hashed = await hashFile(join(working, name));
      entries.push({ path: name, sha256: hashed.sha256 });
      bytes += hashed.bytes;
    }
    await writeFile(join(working, PACK_FILES.manifest), formatManifest(entries), 'utf8');
    const verified = await verifyPack(working);
    if (!verified.ok) throw new ApiFailure('internal', 'The answer folder did not verify after it was written, so it was not put in place. Try again.');
    await swapIntoPlace(working, target.path);
    return { folder: target.path, files: entries.length, bytes, ok: true };
  } finally {
    await rm(working, { recursive: true, force: true }).catch(() => undefined);
  }
}
