import { describe, expect, it } from 'vitest';
import { SUPPORTED_FORMATS, sniffFormat } from '../../../core/extract/sniff.ts';
import { buildDocx, p } from '../../fixtures/extract/build-docx.ts';
import { buildPdf } from '../../fixtures/extract/build-pdf.ts';

const ascii = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);

describe('sniffFormat', () => {
  it('lists the formats that can be extracted', () => {
    expect([...SUPPORTED_FORMATS].sort()).toEqual(['doc', 'docx', 'eml', 'html', 'mbox', 'msg', 'odp', 'ods', 'odt', 'pdf', 'pptx', 'rtf', 'text', 'xlsx']);
  });

  it('recognises a PDF by content even with a .docx name', () => {
    expect(sniffFormat(buildPdf({ pages: ['x'] }), 'actually_a_pdf.docx')).toEqual({ format: 'pdf', supported: true });
  });

  it('finds %PDF- after leading junk within the first KiB', () => {
    const head = new Uint8Array([...new Array(500).fill(0x20), ...ascii('%PDF-1.7\n')]);
    expect(sniffFormat(head, 'scan.bin').format).toBe('pdf');
  });

  it('marks a zip as a container and takes the Office type from the name', () => {
    const docx = buildDocx({ body: p('x') });
    expect(sniffFormat(docx, 'a.docx')).toEqual({ format: 'docx', supported: true, container: 'zip' });
    expect(sniffFormat(docx, 'a.xlsx')).toEqual({ format: 'xlsx', supported: true, container: 'zip' });
    expect(sniffFormat(docx, 'actually_a_docx.pdf')).toEqual({ format: 'zip', supported: false, container: 'zip' });
  });

  it('names OLE2 files by extension and leaves them unsupported', () => {
    const ole = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0);
    expect(sniffFormat(ole, 'minutes.doc')).toEqual({ format: 'doc', supported: false, container: 'ole2' });
    expect(sniffFormat(ole, 'mail.msg').format).toBe('msg');
    expect(sniffFormat(ole, 'locked.docx')).toEqual({ format: 'docx', supported: false, container: 'ole2' });
  });

  it('reports a JPEG named .pdf as an unsupported jpeg image', () => {
    expect(sniffFormat(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'actually_a_jpeg.pdf')).toEqual({ format: 'jpeg', supported: false });
  });

  it('recognises PNG, GIF and TIFF as unsupported and RTF by its magic', () => {
    expect(sniffFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'a.txt').format).toBe('png');
    expect(sniffFormat(ascii('GIF89a...'), 'a').format).toBe('gif');
    expect(sniffFormat(bytes(0x49, 0x49, 0x2a, 0, 8, 0), 'fax.tif').format).toBe('tiff');
    expect(sniffFormat(ascii('{\\rtf1\\ansi hello}'), 'letter.doc')).toEqual({ format: 'rtf', supported: true });
  });

  it('treats HTML saved as .txt as html', () => {
    expect(sniffFormat(ascii('\n  <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"><html>'), 'actually_html.txt').format).toBe('html');
    expect(sniffFormat(ascii('\ufeff<html><body>x'), 'page.txt').format).toBe('html');
  });

  it('treats UTF-16 HTML (BOM) as html', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<html><head>', 'utf16le')]);
    expect(sniffFormat(utf16, 'page.html').format).toBe('html');
    expect(sniffFormat(utf16, 'page.dat').format).toBe('html');
  });

  it('treats .htm files as html even when they start with plain text', () => {
    expect(sniffFormat(ascii('Hello <b>world</b>'), 'fragment.htm').format).toBe('html');
  });

  it('treats text extensions and unknown printable files as text', () => {
    for (const name of ['a.txt', 'a.md', 'a.csv', 'a.tsv', 'a.log', 'README']) {
      expect(sniffFormat(ascii('Name,Age\nAlice,7\n'), name)).toEqual({ format: 'text', supported: true });
    }
  });

  it('treats UTF-16 without a BOM as text', () => {
    expect(sniffFormat(new Uint8Array(Buffer.from('DateTime,Bid,Ask\r\n', 'utf16le')), 'prices.csv').format).toBe('text');
  });

  it('does not call binary junk text', () => {
    const junk = new Uint8Array(256).map((_, i) => (i * 37) & 255);
    expect(sniffFormat(junk, 'blob.dat')).toEqual({ format: 'dat', supported: false });
  });

  it('recognises e-mail by name and mailboxes by their first separator line', () => {
    const mail = ascii('From: a@example.org\nSubject: hi\n\nbody');
    expect(sniffFormat(mail, 'message.eml')).toEqual({ format: 'eml', supported: true });
    expect(sniffFormat(ascii('From someone@example.org Mon Jan 1\nFrom: x\n'), 'inbox')).toEqual({ format: 'mbox', supported: true });
  });

  it('recognises e-mail without a name by a block of RFC 822 headers at the top', () => {
    const received = 'Received: from mx.example.org by host;\n\tTue, 5 Mar 2024 09:30:00 +0000\nMIME-Version: 1.0\nSubject: hi\n\nbody';
    expect(sniffFormat(ascii(received), 'Forwarded')).toEqual({ format: 'eml', supported: true });
    expect(sniffFormat(ascii('Subject: hi\nFrom: Jane <jane@example.org>\n\nbody'), 'note')).toEqual({ format: 'eml', supported: true });
  });

  it('does not take prose or a single header-like line for e-mail', () => {
    expect(sniffFormat(ascii('Subject: budget review\nThe panel met on Tuesday and agreed the plan.\n'), 'notes').format).toBe('text');
    expect(sniffFormat(ascii('From the director: a note on our plans\nMore text here.\n'), 'letter').format).toBe('text');
    expect(sniffFormat(ascii('Name: Alice\nAge: 7\n'), 'record').format).toBe('text');
  });
});
