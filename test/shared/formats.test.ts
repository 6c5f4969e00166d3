import { describe, expect, it } from 'vitest';
import { expandType, extensionOf, formatLabel, openRefusal } from '../../shared/formats.ts';

describe('format names', () => {
  it('give one label per format, the same for badges and facets', () => {
    expect(formatLabel('docx')).toBe('Word');
    expect(formatLabel('xlsx')).toBe('Excel');
    expect(formatLabel('msg')).toBe('Outlook email');
    expect(formatLabel('zzz')).toBe('ZZZ');
  });

  it('let type: use the words people use, e-mail included', () => {
    expect(expandType('email')).toEqual(['email', 'eml', 'msg', 'mbox']);
    expect(expandType('Word')).toEqual(['word', 'docx', 'doc']);
    expect(expandType('pdf')).toEqual(['pdf']);
  });

  it('read extensions from Windows and POSIX paths alike', () => {
    expect(extensionOf('C:\\Evidence\\Audit.PDF')).toBe('pdf');
    expect(extensionOf('/srv/share/notes.tar.gz')).toBe('gz');
    expect(extensionOf('/srv/share/.profile')).toBe('');
    expect(extensionOf('README')).toBe('');
  });
});

describe('what Open may hand to the operating system', () => {
  it('opens documents whose content and name agree they are documents', () => {
    expect(openRefusal('pdf', 'C:\\QA\\audit.pdf')).toBeNull();
    expect(openRefusal('docx', '/share/plan.docx')).toBeNull();
    expect(openRefusal('text', '/share/minutes.csv')).toBeNull();
    // Misnamed, but both sides are documents: the worst case is the wrong viewer.
    expect(openRefusal('docx', '/share/report.pdf')).toBeNull();
  });

  it.each([
    ['text', 'run-me.bat'],
    ['text', 'update.ps1'],
    ['text', 'helper.vbs'],
    ['text', 'script.js'],
    ['html', 'Ofsted report.hta'],
    ['pdf', 'Ofsted report.pdf.exe'],
    ['text', 'launcher.desktop'],
    ['text', 'install.sh'],
    ['unknown', 'Shortcut to report.lnk'],
    ['text', 'no-extension'],
  ])('refuses %s content named %s, saying why', (format, name) => {
    expect(openRefusal(format, name)).toMatch(/^Not opened: .*could run as a program\. Use “Show in folder”/u);
  });

  it('refuses a program or an archive named as a document', () => {
    expect(openRefusal('program', 'annual report.pdf')).toMatch(/named as a document but holds program or script/u);
    expect(openRefusal('zip', 'minutes.docx')).toMatch(/holds zip archive/u);
    expect(openRefusal('unknown', 'minutes.docx')).toMatch(/holds something else/u);
  });
});
