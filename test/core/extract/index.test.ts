import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../core/extract/index.ts';
import { DEFAULT_LIMITS } from '../../../core/extract/types.ts';
import { buildDocx, p } from '../../fixtures/extract/build-docx.ts';
import { buildPdf } from '../../fixtures/extract/build-pdf.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function ole2With(streamName: string): Uint8Array {
  return new Uint8Array([...OLE2_MAGIC, ...new Array(504).fill(0), ...Buffer.from(streamName, 'utf16le'), 0, 0]);
}

describe('extractFile', () => {
  it('fails a zero-byte file as empty', async () => {
    expect(await extractFile(new Uint8Array(), 'zero_bytes.pdf')).toMatchObject({ status: 'failed', format: 'pdf', reason: 'empty' });
  });

  it('refuses a file over the size limit as too large', async () => {
    const outcome = await extractFile(utf8('hello world'), 'a.txt', { ...DEFAULT_LIMITS, maxFileBytes: 5 });
    expect(outcome).toMatchObject({ status: 'failed', reason: 'too-large' });
  });

  it('extracts a DOCX named .pdf as docx', async () => {
    const outcome = await extractFile(buildDocx({ body: p('Footer for section') }), 'actually_a_docx.pdf');
    expect(outcome).toMatchObject({ status: 'indexed', format: 'docx', extracted: { pages: [{ text: 'Footer for section' }] } });
  });

  it('extracts a PDF named .docx as pdf', async () => {
    const outcome = await extractFile(buildPdf({ pages: ['awesome blog'] }), 'actually_a_pdf.docx');
    expect(outcome).toMatchObject({ status: 'indexed', format: 'pdf', extracted: { pages: [{ text: 'awesome blog' }] } });
  });

  it('extracts HTML named .txt as html, without its script', async () => {
    const outcome = await extractFile(utf8('<!DOCTYPE html><html><script>evil()</script><p>This is a test.</p></html>'), 'actually_html.txt');
    expect(outcome).toMatchObject({ status: 'indexed', format: 'html', extracted: { pages: [{ text: 'This is a test.' }] } });
  });

  it('reports a JPEG named .pdf as an unsupported image', async () => {
    const outcome = await extractFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'actually_a_jpeg.pdf');
    expect(outcome).toMatchObject({ status: 'unsupported', format: 'jpeg' });
  });

  it('extracts an XLSX by its content, even when named .csv', async () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(await extractFile(xlsx, 'book.xlsx')).toMatchObject({ status: 'indexed', format: 'xlsx' });
    expect(await extractFile(xlsx, 'actually_xlsx.csv')).toMatchObject({ status: 'indexed', format: 'xlsx' });
  });

  it('reports an ODF drawing as unsupported, saying which OpenDocument kinds are read', async () => {
    const odg = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.graphics'), 'content.xml': strToU8('<x/>') });
    const outcome = await extractFile(odg, 'plan.odg');
    expect(outcome).toMatchObject({ status: 'unsupported', format: 'odf', detail: expect.stringMatching(/only text, spreadsheets and presentations/) });
  });

  it('reports a password-protected Office file (OLE2 EncryptedPackage) as encrypted', async () => {
    expect(await extractFile(ole2With('EncryptedPackage'), 'budget.docx')).toMatchObject({ status: 'failed', format: 'docx', reason: 'encrypted' });
    expect(await extractFile(ole2With('EncryptedPackage'), 'budget.bin')).toMatchObject({ status: 'failed', reason: 'encrypted' });
  });

  it('tells the user to re-save legacy Excel and PowerPoint files', async () => {
    expect(await extractFile(ole2With('Workbook'), 'budget.bin')).toEqual({
      status: 'unsupported',
      format: 'xls',
      detail: 'Excel 97-2003 workbooks (.xls) cannot be indexed: save as .xlsx',
    });
    expect(await extractFile(ole2With('PowerPoint Document'), 'deck.ppt')).toMatchObject({ status: 'unsupported', format: 'ppt', detail: expect.stringMatching(/save as \.pptx$/) });
  });

  it('sends legacy Word and Outlook files to their extractors, which report damage as corrupt', async () => {
    expect(await extractFile(ole2With('WordDocument'), 'minutes.doc')).toMatchObject({ status: 'failed', format: 'doc', reason: 'corrupt' });
    expect(await extractFile(ole2With('__substg1.0_0037001F'), 'mail.msg')).toMatchObject({ status: 'failed', format: 'msg', reason: 'corrupt' });
  });

  it('reports plain text under a .pdf or .odt name as corrupt, not as a text document', async () => {
    expect(await extractFile(utf8('This is not a zip file!'), 'testODTnotaZipFile.odt')).toMatchObject({ status: 'failed', format: 'odt', reason: 'corrupt' });
    expect(await extractFile(utf8('Not a PDF at all'), 'report.pdf')).toMatchObject({ status: 'failed', format: 'pdf', reason: 'corrupt' });
  });

  it('reports a broken DOCX as corrupt rather than throwing', async () => {
    const whole = buildDocx({ body: p('x') });
    expect(await extractFile(whole.subarray(0, 50), 'broken.docx')).toMatchObject({ status: 'failed', format: 'docx', reason: 'corrupt' });
  });

  it('caps the total text at maxTextChars, keeping every page', async () => {
    const outcome = await extractFile(buildPdf({ pages: ['abcdefghij', 'klmnopqrst'] }), 'a.pdf', { ...DEFAULT_LIMITS, maxTextChars: 15 });
    expect(outcome).toMatchObject({ status: 'indexed', extracted: { pages: [{ text: 'abcdefghij' }, { text: 'klmno' }] } });
  });

  it('turns control characters into spaces', async () => {
    const outcome = await extractFile(utf8(`${'A long enough line of ordinary text. '.repeat(5)}Social\u0003Interaction\u0007Networks`), 'a.txt');
    expect(outcome).toMatchObject({ status: 'indexed', extracted: { pages: [{ text: expect.stringMatching(/text\. Social Interaction Networks$/) }] } });
  });

  it('does not index a script as text: a .bat, .js or .ps1 is an unsupported program, with none of its text kept', async () => {
    for (const name of ['cleanup.bat', 'helper.js', 'setup.ps1']) {
      const outcome = await extractFile(utf8('Write-Host "safeguarding audit"; Remove-Item C:\\Evidence -Recurse'), name);
      const ext = name.slice(name.lastIndexOf('.'));
      expect(outcome).toEqual({ status: 'unsupported', format: 'program', detail: `programs and scripts are not indexed (${ext})` });
    }
  });

  it('says what a program hiding under a document name is', async () => {
    const exe = new Uint8Array(256);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    expect(await extractFile(exe, 'read me.txt')).toEqual({
      status: 'unsupported',
      format: 'program',
      detail: 'programs and scripts are not indexed (a Windows program named .txt)',
    });
    expect(await extractFile(utf8('#!/bin/sh\necho hi\n'), 'run')).toMatchObject({
      status: 'unsupported',
      detail: 'programs and scripts are not indexed (a script)',
    });
  });

  it('leaves a script attached to an e-mail out of the message text, with a note', async () => {
    const script = Buffer.from('var shell = new ActiveXObject("WScript.Shell"); // safeguarding').toString('base64');
    const message =
      'From: a@council.gov.uk\r\nSubject: Audit\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="B"\r\n\r\n' +
      '--B\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n' +
      `--B\r\nContent-Type: application/javascript\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="audit.js"\r\n\r\n${script}\r\n--B--\r\n`;
    const outcome = await extractFile(utf8(message), 'audit.eml');
    expect(outcome.status).toBe('indexed');
    const text = outcome.status === 'indexed' ? outcome.extracted.pages.map((page) => page.text).join('\n') : '';
    expect(text).not.toMatch(/ActiveXObject|safeguarding/);
    expect(text).toContain('Attachment audit.js: programs and scripts are not indexed (.js)');
  });
});
