/**
 * `status`: the folders in the library, their counts, and the index file.
 */
import { formatDateTime } from '../../shared/dates.ts';
import type { Api } from '../../shared/contract.ts';

export async function runStatus(api: Api, options: { json: boolean }): Promise<number> {
  const s = await api.call('library.summary', {});
  if (options.json) {
    console.log(JSON.stringify(s));
    return 0;
  }
  console.log(`Index: ${s.databasePath}`);
  console.log(`${s.documents} documents (${s.pages} pages) in ${s.files} files; ${s.failed} failed, ${s.unsupported} unsupported, ${s.missing} missing`);
  if (!s.roots.length) console.log('No folders yet: evidence-store index <folder>');
  for (const r of s.roots) {
    const scanned = formatDateTime(r.lastScannedAt, 'never');
    console.log(`  ${r.state === 'offline' ? 'OFFLINE ' : ''}${r.path}: ${r.documents} documents, ${r.failed} failed, last scanned ${scanned}`);
    if (r.lastScan?.problem) console.log(`    last scan ${r.lastScan.outcome}: ${r.lastScan.problem}`);
  }
  return 0;
}
