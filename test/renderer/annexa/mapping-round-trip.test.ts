/**
 * The mapping the screen builds, taken by the real core: an extract whose source column
 * recognition cannot name is imported, the person picks the header, and the re-import with the
 * screen's mapping file maps it (and saving it for the system is accepted too).
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnexaImportReport } from '../../../shared/annexa/api.ts';
import { annexASpec } from '../../../shared/annexa/index.ts';
import { parseMappingFile } from '../../../core/annexa/mapping-file.ts';
import { choicesFromReport, choose, mappingFileFromChoices, mappingText } from '../../../renderer/src/annexa/mapping-choices.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';

const CONTACTS = [
  'Person ID,Sex,Ethnic Code,DOB,Contact Date,Contact Origin,Notes',
  '1001,M,WBRI,03/04/2015,12/01/2024,2A,first',
  '1002,F,WIRI,06/05/2016,01/02/2024,6,second',
].join('\r\n');

describe('the screen’s mapping file, through the API', () => {
  it('re-imports the same extract with the column the person picked, and can be saved for the system', async () => {
    const dir = tempDir();
    const { dispatch } = testCore(dir).api(testHost);
    const file = join(dir, 'contacts.csv');
    writeFileSync(file, CONTACTS);
    const call = async <T,>(method: string, input: object): Promise<T> => {
      const r = await dispatch(method, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.data as T;
    };

    const first = await call<AnnexaImportReport>('annexa.import', { files: [{ path: file }], inspectionDate: '2024-03-15' });
    expect(first.lists[0].columns.find((c) => c.column === 'contactSource')?.from).toBeNull();

    const choices = choose(choicesFromReport(first), 'contacts.csv', 'contactSource', 'Contact Origin');
    const text = mappingText(mappingFileFromChoices('Frontdoor', first.lists, choices));
    expect(() => parseMappingFile(text, annexASpec(first.specId))).not.toThrow();

    const second = await call<AnnexaImportReport>('annexa.import', { files: [{ path: file }], inspectionDate: '2024-03-15', mapping: text });
    expect(second.lists[0].columns.find((c) => c.column === 'contactSource')).toMatchObject({ from: 'Contact Origin', samples: ['2A', '6'] });
    expect(second.lists[0].dropped).toEqual(['Notes']);
    expect(second.errors).toBeLessThan(first.errors);

    await call('annexa.saveMapping', { system: 'Frontdoor', json: text });
    const third = await call<AnnexaImportReport>('annexa.import', { files: [{ path: file }], inspectionDate: '2024-03-15', system: 'Frontdoor' });
    expect(third.lists[0].columns.find((c) => c.column === 'contactSource')?.from).toBe('Contact Origin');
  });
});
