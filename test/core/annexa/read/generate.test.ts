import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, generateLists } from '../../../../bench/annexa-generate.ts';
import { tempDir } from '../../../helpers/temp.ts';

/** The test data generator the bench, these tests and the end-to-end test read. */
describe('the Annex A extract generator', () => {
  it('makes the same files for the same seed, and others for another seed', async () => {
    const files = async (seed: number) => {
      const made = await generate(tempDir(), { children: 120, seed, format: 'csv' });
      return Object.fromEntries(made.files.map((f) => [basename(f), readFileSync(f).toString('base64')]));
    };
    const first = await files(5);
    expect(await files(5)).toEqual(first);
    expect(await files(6)).not.toEqual(first);
  });

  it('keeps one id, sex, ethnicity and date of birth per child on every list', () => {
    const lists = generateLists({ children: 600, seed: 9 });
    const seen = new Map<unknown, string>();
    for (const list of lists.slice(0, 10)) {
      const at = (h: string) => list.headers.indexOf(h);
      const [id, sex, ethnicity, dob] = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth'].map(at);
      for (const row of list.rows) {
        const who = JSON.stringify([row[sex], row[ethnicity], row[dob]]);
        expect(seen.get(row[id]) ?? who, `List ${list.number}, child ${row[id]}`).toBe(who);
        seen.set(row[id], who);
      }
    }
    // About 113,000 rows for 50,000 children.
    const rows = lists.reduce((n, l) => n + l.rows.length, 0);
    expect(rows / 600).toBeGreaterThan(2);
    expect(rows / 600).toBeLessThan(2.6);
  });

  it('writes the mess real extracts have', async () => {
    const made = await generate(tempDir(), { children: 150, seed: 2, format: 'csv' });
    const text = (name: string) => readFileSync(made.files.find((f) => f.endsWith(name)) as string);
    const contacts = text('contacts.csv').toString('utf8');
    expect(contacts.startsWith('\ufeffPerson ID,Sex,Ethnicity,DOB,Age,')).toBe(true);
    expect(contacts).toMatch(/\n\d{6}\.0,[MFUI],[A-Z]{4},\d{1,2}\/\d{1,2}\/\d{2},/);
    expect(text('children-in-need.csv').toString('utf8')).toContain(',NULL,');
    expect(text('children-in-care.csv').toString('utf8')).toMatch(/\d{4}-\d\d-\d\d 00:00:00/);
    expect([...text('referrals.txt').subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const earlyHelp = text('early-help.csv');
    expect(earlyHelp.includes(0x92)).toBe(true); // ’ in Windows-1252
    expect(earlyHelp.toString('latin1').split('\r\n')[2]).toMatch(/^Person ID;Gender;/);
  });
});
