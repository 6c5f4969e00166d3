import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { auditCsv, audited, listAudit, recordAudit } from '../../../core/audit/audit-log.ts';
import { testDatabase } from '../../helpers/core.ts';
import { tempDir } from '../../helpers/temp.ts';

const index = () => testDatabase(join(tempDir(), 'index.db'));

describe('the audit log', () => {
  it('lists entries newest first, a page at a time, and one action on its own', () => {
    const db = index();
    recordAudit(db, { action: 'annexa.import', outcome: 'done', detail: '120 rows imported', at: '2026-01-05T09:00:00.000Z', user: 'asmith' });
    recordAudit(db, { action: 'pack.export', outcome: 'done', detail: 'To S:\\Pack', at: '2026-01-05T10:00:00.000Z', user: 'asmith' });
    // Written later with an earlier clock (the clock was put back): still listed as the newest.
    recordAudit(db, { action: 'pack.export', outcome: 'failed', detail: 'To S:\\Pack: disk full', at: '2026-01-05T08:00:00.000Z', user: 'bjones' });

    expect(listAudit(db)).toMatchObject({ total: 3, entries: [{ detail: 'To S:\\Pack: disk full', user: 'bjones' }, { action: 'pack.export', outcome: 'done' }, { action: 'annexa.import' }] });
    expect(listAudit(db, { offset: 1, limit: 1 })).toMatchObject({ total: 3, entries: [{ detail: 'To S:\\Pack' }] });
    expect(listAudit(db, { action: 'annexa.import' })).toMatchObject({ total: 1, entries: [{ detail: '120 rows imported' }] });
  });

  it('records the operating system user and the time when not told', () => {
    const db = index();
    const before = Date.now();
    recordAudit(db, { action: 'annexa.clear', outcome: 'done', detail: 'deleted' });
    const [entry] = listAudit(db).entries;
    expect(entry.user).not.toBe('');
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('cannot be changed or emptied, even by SQL from elsewhere in the app', () => {
    const db = index();
    recordAudit(db, { action: 'roots.remove', outcome: 'done', detail: 'S:\\Evidence removed' });
    expect(() => db.prepare("UPDATE audit_log SET detail = 'nothing happened'").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/cannot be changed/);
    expect(listAudit(db).entries).toMatchObject([{ detail: 'S:\\Evidence removed' }]);
  });

  it('records how an action ended: done with its words, failed with the error, nothing for a refusal', async () => {
    const db = index();
    const words = { done: (n: number) => `${n} rows`, failed: (e: unknown) => `failed: ${(e as Error).message}`, skip: (e: unknown) => (e as Error).message === 'refused' };
    expect(await audited(db, 'annexa.import', words, async () => 7)).toBe(7);
    await expect(audited(db, 'annexa.import', words, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    await expect(audited(db, 'annexa.import', words, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(listAudit(db).entries.map((e) => [e.outcome, e.detail])).toEqual([
      ['failed', 'failed: disk full'],
      ['done', '7 rows'],
    ]);
  });

  it('exports as CSV Excel opens: British times, quoted fields, no formulas', () => {
    const db = index();
    const at = new Date(2026, 0, 5, 9, 7).toISOString();
    recordAudit(db, { action: 'pack.export', outcome: 'failed', detail: 'To "S:\\Pack, 2026": no room\nat all', at, user: 'asmith' });
    recordAudit(db, { action: 'requests.export', outcome: 'done', detail: '=HYPERLINK("http://x")', at, user: 'asmith' });
    const { csv, entries } = auditCsv(db);
    expect(entries).toBe(2);
    expect(csv.startsWith('\uFEFFTime,Who,What,Outcome,Detail,"Time (UTC, ISO 8601)"\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`05/01/2026 09:07,asmith,Request log exported,done,"'=HYPERLINK(""http://x"")",${at}`);
    expect(lines[2]).toBe(`05/01/2026 09:07,asmith,Pack exported (failed),failed,"To ""S:\\Pack, 2026"": no room\nat all",${at}`);
    expect(auditCsv(db, 'pack.export').entries).toBe(1);
  });
});
