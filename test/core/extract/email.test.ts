import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../core/extract/index.ts';
import { MAX_ATTACHMENT_DEPTH } from '../../../core/extract/mail.ts';
import { splitMbox } from '../../../core/extract/mbox.ts';
import type { Extracted } from '../../../core/extract/types.ts';
import { buildDocx, p } from '../../fixtures/extract/build-docx.ts';
import { buildPdf } from '../../fixtures/extract/build-pdf.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

interface Part {
  type: string;
  name?: string;
  body: string | Uint8Array;
}

/** A MIME message built as text; binary parts are base64-encoded. */
function eml(headers: Record<string, string>, parts: Part[]): string {
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n');
  const boundary = 'BOUNDARY_x1';
  const body = parts
    .map((part) => {
      const disposition = part.name ? `Content-Disposition: attachment; filename="${part.name}"\r\n` : '';
      if (typeof part.body === 'string') return `--${boundary}\r\nContent-Type: ${part.type}; charset=utf-8\r\n${disposition}\r\n${part.body}\r\n`;
      const base64 = Buffer.from(part.body).toString('base64').replace(/.{76}/g, '$&\r\n');
      return `--${boundary}\r\nContent-Type: ${part.type}\r\nContent-Transfer-Encoding: base64\r\n${disposition}\r\n${base64}\r\n`;
    })
    .join('');
  return `${head}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n${body}--${boundary}--\r\n`;
}

const HEADERS = {
  From: 'Jane Smith <jane@council.gov.uk>',
  To: 'Team <team@council.gov.uk>, bob@council.gov.uk',
  Cc: 'Head of Service <hos@council.gov.uk>',
  Date: 'Tue, 05 Mar 2024 09:30:00 +0000',
  Subject: 'Quarterly figures',
};

async function indexed(bytes: Uint8Array, name: string): Promise<Extracted> {
  const outcome = await extractFile(bytes, name);
  if (outcome.status !== 'indexed') throw new Error(`not indexed: ${JSON.stringify(outcome)}`);
  return outcome.extracted;
}

describe('e-mail (.eml)', () => {
  it('puts the headers, one per line, and the text body on page 1, with subject, sender and date as metadata', async () => {
    const extracted = await indexed(utf8(eml(HEADERS, [{ type: 'text/plain', body: 'Please see the figures.' }])), 'message.eml');
    expect(extracted).toMatchObject({ format: 'eml', title: 'Quarterly figures', author: 'Jane Smith <jane@council.gov.uk>', created: '2024-03-05T09:30:00.000Z' });
    expect(extracted.pages).toEqual([
      {
        number: 1,
        text:
          'From: Jane Smith <jane@council.gov.uk>\nTo: Team <team@council.gov.uk>, bob@council.gov.uk\nCc: Head of Service <hos@council.gov.uk>\n' +
          'Date: Tue, 05 Mar 2024 09:30:00 +0000\nSubject: Quarterly figures\n\nPlease see the figures.',
      },
    ]);
  });

  it('reads an HTML-only body as text', async () => {
    const extracted = await indexed(utf8(eml(HEADERS, [{ type: 'text/html', body: '<html><body><p>Using <b>inline</b> content</p><script>x()</script></body></html>' }])), 'm.eml');
    expect(extracted.pages[0].text).toMatch(/\n\nUsing inline content$/);
  });

  it('extracts PDF and DOCX attachments as further pages labelled with the attachment', async () => {
    const pdf = buildPdf({ pages: ['Budget page one', 'Budget page two'] });
    const docx = buildDocx({ body: p('Minutes of the panel') });
    const bytes = utf8(
      eml(HEADERS, [
        { type: 'text/plain', body: 'Two attachments.' },
        { type: 'application/pdf', name: 'report.pdf', body: pdf },
        { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'minutes.docx', body: docx },
      ]),
    );
    const { pages } = await indexed(bytes, 'm.eml');
    expect(pages[0].text).toContain('Attachments: report.pdf, minutes.docx');
    expect(pages.slice(1)).toEqual([
      { number: 2, label: 'Attachment: report.pdf — p. 1', text: 'Budget page one' },
      { number: 3, label: 'Attachment: report.pdf — p. 2', text: 'Budget page two' },
      { number: 4, label: 'Attachment: minutes.docx', text: 'Minutes of the panel' },
    ]);
  });

  it('notes attachments that cannot be indexed on page 1 and still indexes the message', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const brokenPdf = buildPdf({ pages: ['x'] }).subarray(0, 40);
    const bytes = utf8(
      eml(HEADERS, [
        { type: 'text/plain', body: 'See attached.' },
        { type: 'image/jpeg', name: 'photo.jpg', body: jpeg },
        { type: 'application/pdf', name: 'broken.pdf', body: brokenPdf },
        { type: 'text/plain', name: 'install.js', body: 'console.log("waterhen")' },
      ]),
    );
    const { pages } = await indexed(bytes, 'm.eml');
    expect(pages).toHaveLength(1);
    expect(pages[0].text).toMatch(/\nAttachment photo\.jpg: JPEG image: pictures are not indexed/);
    expect(pages[0].text).toMatch(/\nAttachment broken\.pdf: not indexed \(corrupt: /);
    // A script attached to a message is named, never read: its text is not the message's.
    expect(pages[0].text).toContain('\nAttachment install.js: programs and scripts are not indexed (.js)');
    expect(pages[0].text).not.toContain('waterhen');
  });

  it('reads a forwarded message attached to a message, down to the depth limit', async () => {
    let message = eml({ ...HEADERS, Subject: 'Level 0' }, [{ type: 'text/plain', body: 'Innermost text' }]);
    for (let level = 1; level <= MAX_ATTACHMENT_DEPTH + 1; level++) {
      message = eml({ ...HEADERS, Subject: `Level ${level}` }, [
        { type: 'text/plain', body: `Body ${level}` },
        { type: 'message/rfc822', name: `level${level - 1}.eml`, body: utf8(message) },
      ]);
    }
    const { pages } = await indexed(utf8(message), 'outer.eml');
    const labels = pages.map((pg) => pg.label);
    expect(labels).toEqual([
      undefined,
      'Attachment: level3.eml',
      'Attachment: level3.eml — Attachment: level2.eml',
      'Attachment: level3.eml — Attachment: level2.eml — Attachment: level1.eml',
    ]);
    expect(pages[3].text).toContain('Body 1');
    expect(pages[3].text).toContain(`Attachment level0.eml: not indexed (attached more than ${MAX_ATTACHMENT_DEPTH} levels deep)`);
  });

  it('recognises a message by its headers when the file has no extension', async () => {
    const outcome = await extractFile(utf8(eml(HEADERS, [{ type: 'text/plain', body: 'x' }])), 'Forwarded message');
    expect(outcome).toMatchObject({ status: 'indexed', format: 'eml' });
  });

  it('keeps the budget: attachments get only the text the message has left', async () => {
    const pdf = buildPdf({ pages: ['A'.repeat(500)] });
    const bytes = utf8(eml(HEADERS, [{ type: 'text/plain', body: 'Short.' }, { type: 'application/pdf', name: 'big.pdf', body: pdf }]));
    const outcome = await extractFile(bytes, 'm.eml', { maxFileBytes: 1e8, maxUnzippedBytes: 1e8, maxZipRatio: 200, maxTextChars: 300 });
    expect(outcome.status).toBe('indexed');
    const total = outcome.status === 'indexed' ? outcome.extracted.pages.reduce((n, pg) => n + pg.text.length, 0) : 0;
    expect(total).toBeLessThanOrEqual(300);
  });
});

describe('mailboxes (.mbox)', () => {
  const mbox =
    'From jane@council.gov.uk Mon Jun  1 09:56:31 2009\n' +
    'From: Jane <jane@council.gov.uk>\nSubject: First\nDate: Mon, 01 Jun 2009 09:56:31 +0000\n\nMapCompletionEvents are generated.\n>From the archive, quoted.\n\n' +
    'From bob@council.gov.uk Mon Jun  1 10:00:00 2009\n' +
    'From: Bob <bob@council.gov.uk>\nSubject: Second\n\nA reply.\n';

  it('splits on "From " separator lines and unquotes ">From " body lines', () => {
    const messages = splitMbox(utf8(mbox)).map((m) => new TextDecoder().decode(m));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('\nFrom the archive, quoted.');
    expect(messages[1]).toMatch(/^From: Bob/);
  });

  it('gives each message its own labelled page, in order', async () => {
    const extracted = await indexed(utf8(mbox), 'complex.mbox');
    expect(extracted.format).toBe('mbox');
    expect(extracted.pages.map((pg) => [pg.number, pg.label])).toEqual([
      [1, 'Message 1'],
      [2, 'Message 2'],
    ]);
    expect(extracted.pages[0].text).toContain('Subject: First\n\nMapCompletionEvents are generated.');
    expect(extracted.pages[1].text).toContain('From: Bob <bob@council.gov.uk>');
  });

  it('recognises an mbox by its first separator line when it has no extension', async () => {
    expect(await extractFile(utf8(mbox), 'Inbox')).toMatchObject({ status: 'indexed', format: 'mbox' });
  });
});
