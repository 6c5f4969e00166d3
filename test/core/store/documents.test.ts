import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRoot } from '../../../core/store/roots.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';
import type { DocumentDetail, SearchResponse } from '../../../shared/contract.ts';

describe('document detail', () => {
  it('says when the document was indexed (read by Evidence Store), as an ISO date', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const root = join(dir, 'Evidence');
    mkdirSync(root);
    writeFileSync(join(root, 'visits.txt'), 'Statutory visits were on time.');
    const before = Date.now();
    await core.indexer.scanRoot(addRoot(core.db, root).id);
    const { dispatch } = core.api(testHost);
    const found = (await dispatch('search.query', { query: 'visits' })) as { ok: true; data: SearchResponse };
    const detail = (await dispatch('documents.get', { documentId: found.data.results[0].documentId })) as { ok: true; data: DocumentDetail };
    expect(detail.data.indexed).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
    expect(Date.parse(detail.data.indexed!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(detail.data.indexed!)).toBeLessThanOrEqual(Date.now());
  });
});
