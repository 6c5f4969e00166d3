import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../core/extract/index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/extract', name)));

describe('Outlook messages (.msg)', () => {
  it('gives headers and body on page 1 and reads the attachments, a legacy .doc included', async () => {
    const outcome = await extractFile(fixture('testMSG_att_doc.msg'), 'testMSG_att_doc.msg');
    expect(outcome).toMatchObject({ status: 'indexed', format: 'msg' });
    if (outcome.status !== 'indexed') return;
    const { extracted } = outcome;
    expect(extracted).toMatchObject({ title: 'test pièce jointe 1', author: 'Nicolas1 23456 <nicolas1.23456@free.fr>', created: '2009-04-22T14:36:33.000Z' });
    expect(extracted.pages[0].text).toBe(
      'From: Nicolas1 23456 <nicolas1.23456@free.fr>\nTo: nicolas1.23456@free.fr\nDate: Wed, 22 Apr 2009 14:36:33 GMT\n' +
        'Subject: test pièce jointe 1\nAttachments: test-unicode.doc, pj1.txt\n\ncontenu',
    );
    expect(extracted.pages.slice(1).map((p) => p.label)).toEqual(['Attachment: test-unicode.doc', 'Attachment: pj1.txt']);
    expect(extracted.pages[1].text).toContain('euro : € (20AC)');
  });

  it('decodes strings in the message code page (Big5) and the compressed RTF body', async () => {
    const outcome = await extractFile(fixture('testMSG_chinese.msg'), 'mail.msg');
    expect(outcome).toMatchObject({ status: 'indexed', extracted: { title: 'Alfresco MSG format testing ( MSG 格式測試 )' } });
    if (outcome.status === 'indexed') expect(outcome.extracted.pages[0].text).toContain('模範勞工代表');
  });

  it('drops Exchange-internal sender addresses, keeping the name', async () => {
    const outcome = await extractFile(fixture('testMSG_chinese.msg'), 'mail.msg');
    if (outcome.status === 'indexed') expect(outcome.extracted.pages[0].text).toMatch(/^From: Tests Chang@FT \(張毓倫\)\n/);
  });

  it('reports a damaged message as corrupt', async () => {
    const whole = fixture('testMSG_att_doc.msg');
    const damaged = new Uint8Array(whole.subarray(0, 2048));
    expect(await extractFile(damaged, 'broken.msg')).toMatchObject({ status: 'failed', reason: 'corrupt' });
  });
});
