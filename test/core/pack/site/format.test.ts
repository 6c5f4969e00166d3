import { describe, expect, it } from 'vitest';
import { britishDate, fileSize, packHref, ukDateAndTime } from '../../../../core/pack/site/format.ts';

/** Where a browser goes from index.html in a pack at `\\server\share\Pack` for this href. */
function resolve(href: string): string {
  return new URL(href, 'file://server/share/Pack/index.html').href;
}

describe('packHref: a relative link to a file inside the pack', () => {
  it.each([
    'evidence/1 Leadership/Plan.pdf',
    'evidence/1 Leadership/QA framework #3 (final) 100%.txt',
    "evidence/2 Care leavers/Children's & families — résumé.docx",
    'evidence/3 Help/Is this it?.pdf',
    'evidence/3 Help/a+b=c; d,e @f $g !h ~i *j.msg',
    'evidence/4 Ünïcode/日本語 😀.xlsx',
    'evidence/5 Odd/%20 not a space %2F.txt',
    'evidence/6 Odd/javascript:alert(1).txt',
  ])('%s: every segment encoded, so the browser opens exactly that file', (path) => {
    const href = packHref(path);
    expect(href).toMatch(/^[A-Za-z0-9\-._~%/]+$/u);
    expect(href.split('/').map(decodeURIComponent).join('/')).toBe(path);
    expect(decodeURIComponent(new URL(resolve(href)).pathname)).toBe(`/share/Pack/${path}`);
  });

  it('writes spaces, #, %, &, apostrophes and brackets as escapes', () => {
    expect(packHref("evidence/A b/#1 & 50% o'clock (v2).pdf")).toBe('evidence/A%20b/%231%20%26%2050%25%20o%27clock%20%28v2%29.pdf');
    expect(packHref('evidence/é.pdf')).toBe('evidence/%C3%A9.pdf');
  });

  it('never leaves the pack: no leading slash, no dot segments, no scheme', () => {
    expect(packHref('/evidence//x.pdf')).toBe('evidence/x.pdf');
    expect(packHref('evidence/../../secret.txt')).toBe('evidence/secret.txt');
    expect(resolve(packHref('C:/Windows/win.ini'))).toBe('file://server/share/Pack/C%3A/Windows/win.ini');
    expect(resolve(packHref('http://example.org/x'))).toBe('file://server/share/Pack/http%3A/example.org/x');
  });

  it('survives a lone surrogate instead of throwing', () => {
    expect(packHref('evidence/bad \uD800.txt')).toBe('evidence/bad%20%EF%BF%BD.txt');
  });
});

describe('dates and sizes as people here read them', () => {
  it('writes dates day first', () => {
    expect(britishDate('2024-03-05')).toBe('05/03/2024');
    expect(britishDate('2024-12-31')).toBe('31/12/2024');
    expect(britishDate('not a date')).toBe('not a date');
  });

  it('gives when a pack was made in UK time, summer time included', () => {
    expect(ukDateAndTime('2026-01-15T09:05:00Z')).toEqual({ date: '15/01/2026', time: '09:05', isoDate: '2026-01-15' });
    expect(ukDateAndTime('2026-07-01T23:30:00Z')).toEqual({ date: '02/07/2026', time: '00:30', isoDate: '2026-07-02' });
    expect(ukDateAndTime('whenever')).toBeNull();
  });

  it('writes sizes in bytes, KB, MB and GB with at most one decimal', () => {
    expect(fileSize(0)).toBe('0 bytes');
    expect(fileSize(1)).toBe('1 byte');
    expect(fileSize(1023)).toBe('1,023 bytes');
    expect(fileSize(2048)).toBe('2 KB');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(350 * 1024)).toBe('350 KB');
    expect(fileSize(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(fileSize(3 * 1024 ** 3)).toBe('3 GB');
  });
});
