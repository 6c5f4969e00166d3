import { describe, expect, it } from 'vitest';
import { FORMATS, KINDS, expandType, extensionOf, formatLabel, kindLabel, kindOf, openRefusal } from '../../shared/formats.ts';

describe('format names', () => {
  it('give each kind one name, the same for badges, the type filter and type:', () => {
    expect(formatLabel('docx')).toBe('Word');
    expect(formatLabel('doc')).toBe('Word');
    expect(formatLabel('xlsx')).toBe('Excel');
    expect(formatLabel('xls')).toBe('Excel');
    expect(formatLabel('msg')).toBe('Email');
    expect(formatLabel('mbox')).toBe('Email');
    expect(formatLabel('html')).toBe('Web page');
    expect(formatLabel('ods')).toBe('OpenDocument');
    expect(formatLabel('zzz')).toBe('ZZZ');
    expect(kindOf('pptx')).toBe('powerpoint');
    expect(kindLabel('excel')).toBe('Excel');
  });

  it('every format belongs to a kind with a name', () => {
    for (const [id, info] of Object.entries(FORMATS)) expect(KINDS[info.kind], id).toBeTruthy();
  });

  it('let type: use the kind names, the words people use, and the old format names', () => {
    expect(expandType('email')).toEqual(['email', 'eml', 'msg', 'mbox']);
    expect(expandType('Word')).toEqual(['word', 'docx', 'doc']);
    expect(expandType('excel')).toEqual(['excel', 'xlsx', 'xls']);
    expect(expandType('powerpoint')).toEqual(['powerpoint', 'pptx', 'ppt']);
    expect(expandType('spreadsheet')).toEqual(['spreadsheet', 'excel', 'xlsx', 'xls', 'ods']);
    expect(expandType('pdf')).toEqual(['pdf']);
    expect(expandType('web')).toEqual(['web', 'html']);
    // A search saved before kinds existed finds what it found: a format id is just that format.
    expect(expandType('xlsx')).toEqual(['xlsx']);
    expect(expandType('docx')).toEqual(['docx']);
    expect(expandType('msg')).toEqual(['msg']);
    // Anything else is an extension.
    expect(expandType('csv')).toEqual(['csv']);
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
