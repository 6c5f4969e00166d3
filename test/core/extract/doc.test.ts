import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEncryptedDoc } from '../../../core/extract/doc.ts';
import { NOTES_PAGE_LABEL } from '../../../core/extract/docx.ts';
import { extractFile } from '../../../core/extract/index.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/extract', name)));

describe('Word 97-2003 documents (.doc)', () => {
  it('reads the body, with headers and footers on a trailing page', async () => {
    const outcome = await extractFile(fixture('testWORD.doc'), 'testWORD.doc');
    expect(outcome).toMatchObject({ status: 'indexed', format: 'doc' });
    if (outcome.status !== 'indexed') return;
    const { pages } = outcome.extracted;
    expect(pages[0].text).toMatch(/^Sample Word Document Title\nAnd now for a subtitle/);
    expect(pages[0].text).toContain('This document includes text that is BOLD and ITALIC.');
    expect(pages.at(-1)).toEqual({
      number: pages.length,
      label: NOTES_PAGE_LABEL,
      text: 'This is the header for our document\n\nThis is the footer for our document',
    });
  });

  it('recognises a .doc by its content under another name', async () => {
    expect(await extractFile(fixture('testWORD.doc'), 'minutes.bin')).toMatchObject({ status: 'indexed', format: 'doc' });
  });

  it('tells an encrypted document by the fEncrypted flag of its File Information Block', () => {
    const doc = fixture('testWORD.doc');
    expect(isEncryptedDoc(doc)).toBe(false);
    const locked = new Uint8Array(doc);
    const fib = locked.findIndex((b, i) => i % 512 === 0 && i > 0 && b === 0xec && locked[i + 1] === 0xa5);
    locked[fib + 0x0b] |= 0x01;
    expect(isEncryptedDoc(locked)).toBe(true);
  });

  it('reports a damaged document as corrupt', async () => {
    const damaged = new Uint8Array(fixture('testWORD.doc').subarray(0, 1536));
    expect(await extractFile(damaged, 'broken.doc')).toMatchObject({ status: 'failed', format: 'doc', reason: 'corrupt' });
  });
});
