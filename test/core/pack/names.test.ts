import { describe, expect, it } from 'vitest';
import { MAX_PACK_PATH, PackPaths, cutText, foldName, isReservedName, safeName, shortenName, splitExtension } from '../../../core/pack/names.ts';

/** True when `text` has a high surrogate without its low one, or a low one without its high one. */
function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}

/** What Windows checks about every segment, written independently of the code under test. */
function windowsAccepts(segment: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what Windows refuses
  if (segment === '' || /[<>:"/\\|?*\u0000-\u001f]/u.test(segment)) return false;
  if (/[. ]$/u.test(segment)) return false;
  const base = segment.split('.')[0].replace(/ +$/u, '').toUpperCase();
  return !/^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/u.test(base);
}

describe('safeName: one name made safe on Windows', () => {
  const devices = ['CON', 'PRN', 'AUX', 'NUL', ...Array.from({ length: 10 }, (_, i) => `COM${i}`), ...Array.from({ length: 10 }, (_, i) => `LPT${i}`), 'COM¹', 'COM²', 'COM³', 'LPT¹', 'LPT²', 'LPT³'];

  it.each(devices)('gives the device name %s a suffix, in any case, alone or with an extension', (device) => {
    for (const name of [device, device.toLowerCase(), `${device[0]}${device.slice(1).toLowerCase()}`, `${device}.txt`, `${device.toLowerCase()}.pdf`, `${device} .pdf`, `${device}  .docx`, `${device}.tar.gz`, `${device}.`, `${device}. . `]) {
      const safe = safeName(name);
      expect(isReservedName(safe), `${name} → ${safe}`).toBe(false);
      expect(windowsAccepts(safe), `${name} → ${safe}`).toBe(true);
      expect(safe.toUpperCase().startsWith(device.toUpperCase()), 'the name stays recognisable').toBe(true);
    }
  });

  it.each([
    ['CON', 'CON_'],
    ['con.txt', 'con_.txt'],
    ['NUL .pdf', 'NUL_.pdf'],
    ['aux.tar.gz', 'aux_.tar.gz'],
    ['Com1.docx', 'Com1_.docx'],
    ['lpt³.xlsx', 'lpt³_.xlsx'],
    ['CONIN$', 'CONIN$_'],
  ])('%s becomes %s', (name, safe) => {
    expect(safeName(name)).toBe(safe);
  });

  it.each(['CONSOLE.txt', 'Contents.pdf', 'COM10.txt', 'LPT.doc', 'NULL', 'auxiliary.docx', 'my con.txt', 'CON_.txt', 'COM1x.pdf'])(
    'leaves %s alone: it only starts like a device name',
    (name) => {
      expect(safeName(name)).toBe(name);
    },
  );

  it('replaces each forbidden character with _', () => {
    expect(safeName('a<b>c:d"e/f\\g|h?i*j.pdf')).toBe('a_b_c_d_e_f_g_h_i_j.pdf');
    expect(safeName('Q3: review? "final".docx')).toBe('Q3_ review_ _final_.docx');
  });

  it('replaces control characters (U+0000–U+001F and U+007F) with _', () => {
    for (let code = 0; code <= 0x1f; code += 1) expect(safeName(`a${String.fromCharCode(code)}b.txt`)).toBe('a_b.txt');
    expect(safeName('a\u007fb.txt')).toBe('a_b.txt');
    expect(safeName('line\r\nbreak.txt')).toBe('line__break.txt');
  });

  it('replaces a lone surrogate, which no file system can store as a character', () => {
    expect(safeName('a\ud800b.txt')).toBe('a_b.txt');
    expect(safeName('a\udc00.txt')).toBe('a_.txt');
    expect(safeName('😀.txt')).toBe('😀.txt');
  });

  it('removes trailing dots and spaces (Windows drops them) and leading spaces', () => {
    expect(safeName('Report.')).toBe('Report');
    expect(safeName('Report. . .')).toBe('Report');
    expect(safeName('Report   ')).toBe('Report');
    expect(safeName('   Report.pdf')).toBe('Report.pdf');
    expect(safeName('Report .pdf')).toBe('Report .pdf');
    expect(safeName('.hidden')).toBe('.hidden');
  });

  it.each(['', '.', '..', '...', '   ', ' . . '])('falls back to "file" when nothing is left of %j', (name) => {
    expect(safeName(name)).toBe('file');
  });

  it('puts names into NFC, so the same name typed on a Mac and on Windows is one name', () => {
    const decomposed = 'Re\u0301sume\u0301.pdf';
    expect(safeName(decomposed)).toBe('Résumé.pdf');
    expect(safeName(decomposed)).toBe(safeName('R\u00e9sum\u00e9.pdf'));
  });

  it('leaves a good name exactly as it is', () => {
    for (const name of ['Plan.pdf', 'Ofsted 2026 – self evaluation (draft).docx', 'Ämter & Pläne.xlsx', '報告書.pdf', "Children's Services #1.msg"]) {
      expect(safeName(name)).toBe(name);
    }
  });

  it('always gives a name Windows accepts, whatever it is given', () => {
    const alphabet = ['a', 'Z', '.', ' ', ':', '\\', '/', '*', '\u0000', '\u001f', 'é', '😀', '\ud800', 'CON', 'nul', 'COM¹', '$'];
    let seed = 7;
    for (let round = 0; round < 2000; round += 1) {
      let name = '';
      const length = round % 9;
      for (let i = 0; i < length; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        name += alphabet[seed % alphabet.length];
      }
      const safe = safeName(name);
      expect(windowsAccepts(safe), `${JSON.stringify(name)} → ${JSON.stringify(safe)}`).toBe(true);
      expect(hasLoneSurrogate(safe)).toBe(false);
      expect(safeName(safe), 'safe names stay as they are').toBe(safe);
    }
  });
});

describe('names that are the same to Windows', () => {
  it('differ only by case', () => {
    expect(foldName('Plan.PDF')).toBe(foldName('plan.pdf'));
    expect(foldName('ÉTÉ')).toBe(foldName('été'));
    expect(foldName('Ωmega')).toBe(foldName('ωMEGA'));
  });

  it('differ only by Unicode form', () => {
    expect(foldName('e\u0301')).toBe(foldName('\u00e9'));
  });

  it('are not the same when they really differ', () => {
    expect(foldName('Plan 1.pdf')).not.toBe(foldName('Plan l.pdf'));
    expect(foldName('é')).not.toBe(foldName('e'));
  });
});

describe('extensions and shortening', () => {
  it('splits off a real extension only', () => {
    expect(splitExtension('Plan.pdf')).toEqual({ stem: 'Plan', ext: '.pdf' });
    expect(splitExtension('archive.tar.gz')).toEqual({ stem: 'archive.tar', ext: '.gz' });
    expect(splitExtension('.gitignore')).toEqual({ stem: '.gitignore', ext: '' });
    expect(splitExtension('No extension')).toEqual({ stem: 'No extension', ext: '' });
    expect(splitExtension('Plan v1.2 final version of the plan')).toEqual({ stem: 'Plan v1.2 final version of the plan', ext: '' });
    expect(splitExtension('Minutes 12.03.2024')).toEqual({ stem: 'Minutes 12.03', ext: '.2024' });
  });

  it('keeps the extension when shortening', () => {
    expect(shortenName(`${'a'.repeat(300)}.pdf`, 100)).toBe(`${'a'.repeat(96)}.pdf`);
    expect(shortenName('Plan.pdf', 100)).toBe('Plan.pdf');
  });

  it('does not leave a trailing dot or space where it cut', () => {
    expect(shortenName('Annual report. Final version.docx', 20)).toBe('Annual report.docx');
    expect(shortenName('Annual report     and more', 16)).toBe('Annual report');
  });

  it('does not cut a name down to a device name', () => {
    const short = shortenName('CONSOLE.txt', 7);
    expect(short.length).toBeLessThanOrEqual(7);
    expect(isReservedName(short)).toBe(false);
  });

  it('never splits a surrogate pair or an emoji', () => {
    for (let max = 1; max < 30; max += 1) {
      const cut = cutText('👩🏽‍💻😀a😀'.repeat(5), max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(hasLoneSurrogate(cut)).toBe(false);
    }
    expect(cutText('😀😀😀', 5)).toBe('😀😀');
    // An accent stays with its letter.
    expect(cutText('e\u0301e\u0301', 3)).toBe('e\u0301');
  });
});

describe('PackPaths: every file of a pack its own place', () => {
  it('places a file under its folders with /', () => {
    const paths = new PackPaths();
    expect(paths.place(['evidence', '1 Leadership'], 'Plan.pdf')).toBe('evidence/1 Leadership/Plan.pdf');
    expect(paths.place([], 'Annex A.xlsx')).toBe('Annex A.xlsx');
    expect(paths.renamed).toBe(0);
    expect(paths.placed).toBe(2);
  });

  it('makes every segment safe', () => {
    const paths = new PackPaths();
    expect(paths.place(['evidence', 'Help: and protection?'], 'con.txt')).toBe('evidence/Help_ and protection_/con_.txt');
    expect(paths.place(['evidence', 'a/b'], 'x.pdf')).toBe('evidence/a_b/x.pdf');
  });

  it('gives a name that differs only by case (2), then (3), keeping the extension', () => {
    const paths = new PackPaths();
    expect(paths.place(['evidence'], 'Plan.pdf')).toBe('evidence/Plan.pdf');
    expect(paths.place(['evidence'], 'PLAN.pdf')).toBe('evidence/PLAN (2).pdf');
    expect(paths.place(['evidence'], 'plan.PDF')).toBe('evidence/plan (3).PDF');
    expect(paths.renamed).toBe(2);
  });

  it('gives the same name placed twice in one folder (2)', () => {
    const paths = new PackPaths();
    expect(paths.place(['evidence'], 'Plan.pdf')).toBe('evidence/Plan.pdf');
    expect(paths.place(['evidence'], 'Plan.pdf')).toBe('evidence/Plan (2).pdf');
  });

  it('tells apart names that only became the same when made safe', () => {
    const paths = new PackPaths();
    expect(paths.place(['evidence'], 'A:B.pdf')).toBe('evidence/A_B.pdf');
    expect(paths.place(['evidence'], 'A?B.pdf')).toBe('evidence/A_B (2).pdf');
    expect(paths.place(['evidence'], 'A_B.pdf')).toBe('evidence/A_B (3).pdf');
  });

  it('tells apart names that differ only by Unicode form', () => {
    const paths = new PackPaths();
    expect(paths.place(['evidence'], 'R\u00e9sum\u00e9.pdf')).toBe('evidence/Résumé.pdf');
    expect(paths.place(['evidence'], 'Re\u0301sume\u0301.pdf')).toBe('evidence/Résumé (2).pdf');
  });

  it('skips a (2) someone already used', () => {
    const paths = new PackPaths();
    expect(paths.place(['evidence'], 'Plan (2).pdf')).toBe('evidence/Plan (2).pdf');
    expect(paths.place(['evidence'], 'Plan.pdf')).toBe('evidence/Plan.pdf');
    expect(paths.place(['evidence'], 'plan.pdf')).toBe('evidence/plan (3).pdf');
  });

  it('keeps the same folder for the same name, and gives a folder differing only by case its own (2)', () => {
    const paths = new PackPaths();
    expect(paths.place(['evidence', '1 Leadership'], 'a.pdf')).toBe('evidence/1 Leadership/a.pdf');
    expect(paths.place(['evidence', '1 leadership'], 'b.pdf')).toBe('evidence/1 leadership (2)/b.pdf');
    expect(paths.place(['evidence', '1 Leadership'], 'c.pdf')).toBe('evidence/1 Leadership/c.pdf');
    expect(paths.place(['evidence', '1 leadership'], 'd.pdf')).toBe('evidence/1 leadership (2)/d.pdf');
    // A folder name is not split at a dot: the suffix goes at its end.
    expect(paths.place(['evidence', 'v1.2'], 'e.pdf')).toBe('evidence/v1.2/e.pdf');
    expect(paths.place(['evidence', 'V1.2'], 'e.pdf')).toBe('evidence/V1.2 (2)/e.pdf');
    // A folder's new name is not a file's new name.
    expect(paths.renamed).toBe(0);
  });

  it('keeps files and folders of one folder apart, as NTFS does', () => {
    const paths = new PackPaths();
    expect(paths.place(['evidence'], 'Minutes')).toBe('evidence/Minutes');
    expect(paths.place(['evidence', 'minutes'], 'a.pdf')).toBe('evidence/minutes (2)/a.pdf');
  });

  it("never places a file over the pack's own files and folders", () => {
    const paths = new PackPaths();
    expect(paths.place([], 'index.html')).toBe('index (2).html');
    expect(paths.place([], 'MANIFEST-SHA256.TXT')).toBe('MANIFEST-SHA256 (2).TXT');
    expect(paths.place([], 'pack.json')).toBe('pack (2).json');
    expect(paths.place([], 'Evidence index.xlsx')).toBe('Evidence index (2).xlsx');
    expect(paths.place(['Evidence'], 'x.pdf')).toBe('Evidence (2)/x.pdf');
    expect(paths.place([], 'evidence')).toBe('evidence (3)');
    // The pack's own folders are used as they are.
    expect(paths.place(['evidence'], 'x.pdf')).toBe('evidence/x.pdf');
    expect(paths.place(['annex-a'], 'Annex A.xlsx')).toBe('annex-a/Annex A.xlsx');
  });

  it('counts the files whose name had to change, but not a name only put into NFC', () => {
    const paths = new PackPaths();
    paths.place(['evidence'], 'Plan.pdf');
    paths.place(['evidence'], 'Re\u0301sume\u0301.pdf');
    expect(paths.renamed).toBe(0);
    paths.place(['evidence'], 'plan.pdf'); // clash
    paths.place(['evidence'], 'NUL.txt'); // device
    paths.place(['evidence'], 'a:b.txt'); // character
    paths.place(['evidence'], 'Minutes.'); // trailing dot
    paths.place(['evidence'], `${'x'.repeat(250)}.pdf`); // length
    expect(paths.renamed).toBe(5);
    expect(paths.placed).toBe(7);
  });
});

describe(`PackPaths: paths within ${MAX_PACK_PATH} characters`, () => {
  const folder = ['evidence', '3 The experiences and progress of children in need of help and protection'];

  it('shortens a long name, keeping its extension', () => {
    const paths = new PackPaths();
    const path = paths.place(folder, `${'Quality assurance audit of '.repeat(10)}.docx`);
    expect(path.length).toBe(MAX_PACK_PATH);
    expect(path.endsWith('.docx')).toBe(true);
    expect(path.startsWith(`${folder.join('/')}/Quality assurance audit of Quality`)).toBe(true);
    expect(paths.renamed).toBe(1);
  });

  it('counts UTF-16 code units, as Windows does, and never splits an emoji', () => {
    const paths = new PackPaths();
    for (const name of [`${'😀'.repeat(150)}.pdf`, `${'👩🏽‍💻'.repeat(40)}.xlsx`, `${'𝒜'.repeat(120)}.pdf`, `${'é'.repeat(250)}.pdf`, `${'e\u0301'.repeat(150)}.pdf`]) {
      const path = paths.place(folder, name);
      expect(path.length, path).toBeLessThanOrEqual(MAX_PACK_PATH);
      expect(hasLoneSurrogate(path), path).toBe(false);
      expect(path.endsWith(name.slice(name.lastIndexOf('.'))), path).toBe(true);
    }
  });

  it('keeps long names that only differ after the cut unique, the (n) inside the limit', () => {
    const paths = new PackPaths();
    const placed = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      const path = paths.place(folder, `${'😀'.repeat(100)} version ${i}.pdf`);
      expect(path.length).toBeLessThanOrEqual(MAX_PACK_PATH);
      expect(hasLoneSurrogate(path)).toBe(false);
      expect(path.endsWith('.pdf')).toBe(true);
      placed.add(foldName(path));
    }
    expect(placed.size).toBe(12);
    const second = paths.place(folder, `${'😀'.repeat(100)}.pdf`);
    expect(second).toMatch(/ \(13\)\.pdf$/u);
  });

  it('shortens a long folder so its files still have room, and keeps folders unique after shortening', () => {
    const paths = new PackPaths();
    const long = `Judgement ${'very long title '.repeat(20)}`;
    const a = paths.place(['evidence', `${long}A`], `${'a'.repeat(120)}.pdf`);
    const b = paths.place(['evidence', `${long}B`], 'b.pdf');
    const a2 = paths.place(['evidence', `${long}A`], 'c.pdf');
    for (const path of [a, b, a2]) expect(path.length).toBeLessThanOrEqual(MAX_PACK_PATH);
    const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
    expect(folderOf(a)).toBe(folderOf(a2));
    expect(foldName(folderOf(a))).not.toBe(foldName(folderOf(b)));
    expect(MAX_PACK_PATH - folderOf(a).length - 1).toBeGreaterThanOrEqual(59);
    expect(a.endsWith('.pdf')).toBe(true);
  });

  it('gives thousands of random names unique, Windows-safe paths within the limit', () => {
    const paths = new PackPaths();
    const seen = new Set<string>();
    const pieces = ['Plan', 'plan', 'PLAN', ' ', '.', 'con', 'é', 'e\u0301', '😀', '👩🏽‍💻', ':', '?', 'ß', 'SS', 'x'.repeat(40), '.pdf', '.PDF'];
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 3000; i += 1) {
      let name = '';
      for (let k = random() % 12; k >= 0; k -= 1) name += pieces[random() % pieces.length];
      const judgement = ['1 Leadership', '1 leadership', `2 ${'Long '.repeat(30)}`][random() % 3];
      const path = paths.place(['evidence', judgement], name);
      expect(path.length).toBeLessThanOrEqual(MAX_PACK_PATH);
      expect(hasLoneSurrogate(path)).toBe(false);
      for (const segment of path.split('/')) expect(windowsAccepts(segment), path).toBe(true);
      const key = foldName(path);
      expect(seen.has(key), path).toBe(false);
      seen.add(key);
    }
  });
});
