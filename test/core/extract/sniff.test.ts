import { describe, expect, it } from 'vitest';
import { PROGRAM_EXTENSIONS, SUPPORTED_FORMATS, sniffFormat } from '../../../core/extract/sniff.ts';
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

/** The first bytes of a Windows program: "MZ", a DOS header full of zeros, the "PE" header. */
function windowsProgram(): Uint8Array {
  const head = new Uint8Array(256);
  head.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
  head.set([0x80], 0x3c);
  head.set([0x50, 0x45, 0x00, 0x00, 0x4c, 0x01], 0x80);
  return head;
}

describe('sniffFormat and programs', () => {
  const ASKED_FOR = [
    'bat', 'cmd', 'ps1', 'vbs', 'js', 'hta', 'lnk', 'exe', 'sh', 'desktop', 'com', 'scr', 'msi', 'jse', 'vbe', 'wsf', 'wsh',
    'psm1', 'reg', 'py', 'pl', 'jar', 'app', 'command', 'cpl', 'msc', 'dll', 'url', 'scf', 'inf',
  ];

  it('lists every script and program extension in one constant', () => {
    expect(PROGRAM_EXTENSIONS).toEqual(expect.arrayContaining(ASKED_FOR));
    // None of them is a document type the app reads.
    for (const ext of PROGRAM_EXTENSIONS) expect(SUPPORTED_FORMATS).not.toContain(ext);
  });

  it.each(ASKED_FOR)('calls a .%s file a program, not a text document, whatever it holds', (ext) => {
    expect(sniffFormat(ascii('@echo off\r\ndel /q *.*\r\n'), `run-me.${ext}`)).toEqual({ format: 'program', supported: false });
  });

  it('goes by the name even in capitals, after another extension, or holding a real document', () => {
    expect(sniffFormat(ascii('WScript.Echo "hi"'), 'MINUTES.VBS').format).toBe('program');
    expect(sniffFormat(buildPdf({ pages: ['Minutes'] }), 'minutes.pdf.hta').format).toBe('program');
    expect(sniffFormat(buildDocx({ body: p('x') }), 'plan.docx.js').format).toBe('program');
  });

  it('calls a Windows program named .txt or .pdf a program', () => {
    expect(sniffFormat(windowsProgram(), 'read me.txt')).toEqual({ format: 'program', supported: false, program: 'windows' });
    expect(sniffFormat(windowsProgram(), 'report.pdf')).toEqual({ format: 'program', supported: false, program: 'windows' });
  });

  it('knows Linux, Mac and Java programs and Windows shortcuts by their first bytes', () => {
    expect(sniffFormat(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), 'notes.txt')).toMatchObject({ format: 'program', program: 'linux' });
    expect(sniffFormat(bytes(0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1), 'notes.txt')).toMatchObject({ format: 'program', program: 'mac' });
    expect(sniffFormat(bytes(0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34), 'notes')).toMatchObject({ format: 'program', program: 'java' });
    const link = bytes(0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46, 0x9b, 0, 0x08, 0);
    expect(sniffFormat(link, 'minutes.txt')).toMatchObject({ format: 'program', program: 'shortcut' });
  });

  it('calls a file that starts with a #! interpreter line a script, whatever its name', () => {
    expect(sniffFormat(ascii('#!/bin/sh\nrm -rf ~\n'), 'notes.txt')).toMatchObject({ format: 'program', program: 'script' });
    expect(sniffFormat(ascii('#! /usr/bin/env python3\nprint(1)\n'), 'README')).toMatchObject({ format: 'program', program: 'script' });
  });

  it('does not take text that merely starts like a program for one', () => {
    expect(sniffFormat(ascii('MZ Smith attended the panel on Tuesday.\n'), 'attendance.txt')).toEqual({ format: 'text', supported: true });
    expect(sniffFormat(ascii('#!important: read before the panel\n'), 'notes.md')).toEqual({ format: 'text', supported: true });
  });
});
