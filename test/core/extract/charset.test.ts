import { describe, expect, it } from 'vitest';
import { decodeLegacy } from '../../../core/extract/charset.ts';
import { encodeAs } from '../../fixtures/encodings/encode.ts';

/**
 * Sentences written for these tests (not the bench's samples, so the bench's tuning is checked on
 * text it never saw). `short` is one line of about 60 characters; `long` adds a few sentences.
 * `encodings` are the answers that are right: where two code pages give these bytes the same
 * letters (Hungarian in Windows-1250 and ISO-8859-2), either is.
 */
interface Row {
  language: string;
  codePage: string;
  encodings: string[];
  short: string;
  more: string;
}

const ROWS: Row[] = [
  // Cyrillic
  ...['windows-1251', 'koi8-r', 'ibm866'].map((codePage) => ({
    language: 'Russian',
    codePage,
    encodings: [codePage],
    short: 'Запись к врачу для детей проводится по телефону и онлайн.',
    more: 'Родители могут получить бесплатную консультацию юриста каждую среду. Мы поможем заполнить анкету и объясним, какие документы понадобятся.',
  })),
  ...['windows-1251', 'koi8-u'].map((codePage) => ({
    language: 'Ukrainian',
    codePage,
    encodings: [codePage],
    short: 'Батьки можуть отримати безкоштовну консультацію щосереди.',
    more: 'Ми допоможемо заповнити анкету і пояснимо, які документи знадобляться. Прийом ведеться щодня, крім державних свят.',
  })),
  {
    language: 'Bulgarian',
    codePage: 'windows-1251',
    encodings: ['windows-1251'],
    short: 'Родителите могат да получат безплатна консултация всяка сряда.',
    more: 'Ще ви помогнем да попълните формуляра и ще обясним какви документи са нужни.',
  },
  // Central European
  ...['windows-1250', 'iso-8859-2'].map((codePage) => ({
    language: 'Polish',
    codePage,
    encodings: [codePage],
    short: 'Rodzice mogą otrzymać bezpłatną poradę prawną w każdą środę.',
    more: 'Pomożemy wypełnić formularz i wyjaśnimy, jakie dokumenty będą potrzebne. Przyjmujemy codziennie z wyjątkiem świąt państwowych.',
  })),
  ...['windows-1250', 'iso-8859-2'].map((codePage) => ({
    language: 'Czech',
    codePage,
    encodings: [codePage],
    short: 'Rodiče mohou každou středu získat bezplatnou právní poradu.',
    more: 'Pomůžeme vám vyplnit formulář a vysvětlíme, jaké doklady budou potřeba. Úřad je otevřen každý všední den kromě státních svátků.',
  })),
  {
    language: 'Hungarian',
    codePage: 'iso-8859-2',
    encodings: ['iso-8859-2', 'windows-1250'],
    short: 'Segítünk kitölteni az űrlapot, és elmagyarázzuk a lépéseket.',
    more: 'A szülők minden szerdán ingyenes jogi tanácsadást kaphatnak. Az ügyfélszolgálat hétköznaponként nyitva tart, a hivatalos ünnepnapok kivételével. Köszönjük türelmüket, és várjuk önöket.',
  },
  {
    language: 'Romanian',
    codePage: 'windows-1250',
    encodings: ['windows-1250', 'iso-8859-2'],
    short: 'Părinţii pot primi gratuit consiliere juridică în fiecare miercuri.',
    more: 'Vă ajutăm să completaţi formularul şi vă explicăm ce acte sunt necesare.',
  },
  // Greek: Ά is the letter that tells Windows-1253 from ISO-8859-7.
  ...['windows-1253', 'iso-8859-7'].map((codePage) => ({
    language: 'Greek',
    codePage,
    encodings: [codePage],
    short: 'Άλλα έγγραφα θα σας ζητηθούν μόνο αν χρειαστεί.',
    more: 'Οι γονείς μπορούν να λάβουν δωρεάν νομική συμβουλή κάθε Τετάρτη. Θα σας βοηθήσουμε να συμπληρώσετε την αίτηση.',
  })),
  // Turkish: the WHATWG Encoding Standard decodes ISO-8859-9 as Windows-1254.
  ...['windows-1254', 'iso-8859-9'].map((codePage) => ({
    language: 'Turkish',
    codePage,
    encodings: ['windows-1254'],
    short: 'Veliler her çarşamba ücretsiz hukuki danışmanlık alabilir.',
    more: 'Formu doldurmanıza yardım eder ve hangi belgelerin gerektiğini açıklarız. İdare resmi tatiller dışında her gün açıktır.',
  })),
  // Western
  {
    language: 'French',
    codePage: 'iso-8859-15',
    encodings: ['iso-8859-15'],
    short: 'Les frais de dossier, 15 €, sont remboursés aux sœurs et frères.',
    more: 'Les parents peuvent obtenir un conseil juridique gratuit chaque mercredi. « Nous aidons les familles », explique la responsable.',
  },
  {
    language: 'German',
    codePage: 'windows-1252',
    encodings: ['windows-1252'],
    short: 'Eltern können jeden Mittwoch eine kostenlose Rechtsberatung erhalten.',
    more: 'Wir helfen beim Ausfüllen des Formulars und erklären, welche Unterlagen „wirklich“ nötig sind. Die Gebühr von 15 € wird erstattet.',
  },
  // Japanese
  ...['shift_jis', 'euc-jp'].map((codePage) => ({
    language: 'Japanese',
    codePage,
    encodings: [codePage],
    short: '保護者の方は毎週水曜日に無料の法律相談を受けられます。',
    more: '申込書の記入をお手伝いし、必要な書類をご説明します。',
  })),
];

describe('decodeLegacy', () => {
  describe.each(ROWS)('$language in $codePage', ({ codePage, encodings, short, more }) => {
    it('reads a single line', () => {
      const decoded = decodeLegacy(encodeAs(short, codePage));
      expect(decoded.text).toBe(short);
      expect(encodings).toContain(decoded.encoding);
    });

    it('reads a page', () => {
      const page = Array.from({ length: 8 }, (_, i) => (i % 2 ? more : short)).join('\r\n');
      const decoded = decodeLegacy(encodeAs(page, codePage));
      expect(decoded.text).toBe(page);
      expect(encodings).toContain(decoded.encoding);
    });
  });

  describe('Windows-1252 stays the default for English', () => {
    it.each([
      'Budget £825 agreed.',
      '£825',
      'Forecast outturn (£m) by service area, and (£bn) for the group',
      'The Director’s report',
      '“Yes”',
      'Carer: Zoë Smith',
      'SMITH, Élodie (foster carer)',
      'Total spend: £1,250.00 – within plan…',
      'Service,Budget\r\nChildren’s social care,£12.5m\r\nCare leavers,£1.2m\r\nSEND transport,£4.0m – overspend\r\n',
      'Lunch is served à la carte',
      'Visits: 2 × weekly, see § 3',
      'Grade: B½',
      'Paid ¾ of the fee',
      'Floor area 20 m²',
    ])('%j', (text) => {
      expect(decodeLegacy(encodeAs(text, 'windows-1252'))).toEqual({ encoding: 'windows-1252', text });
    });

    it.each(['José García', 'Chloé Martin'])('keeps %j, which Windows-1253 would make a Latin-Greek hybrid', (text) => {
      expect(decodeLegacy(encodeAs(text, 'windows-1252'))).toEqual({ encoding: 'windows-1252', text });
    });

    it.each(['José García, Ana Muñoz', 'Håkon Lie, Chloé Martin'])(
      'keeps Western names %j that another code page also reads as letters (Muńoz, Hĺkon)',
      (text) => {
        expect(decodeLegacy(encodeAs(text, 'windows-1252'))).toEqual({ encoding: 'windows-1252', text });
      },
    );

    it('keeps odd bytes as they are when another code page reads them no better', () => {
      // "¢", an undefined 0x9D and "…" in Windows-1252; Windows-1250 reads "˘", "ť" glued to a word.
      const bytes = new Uint8Array([...encodeAs('panel¢ total', 'windows-1252'), 0x9d, ...encodeAs(' team… item ', 'windows-1252')]);
      expect(decodeLegacy(bytes).encoding).toBe('windows-1252');
    });
  });

  it('reads KOI8-R Russian whose "в" is a × sign in Windows-1252', () => {
    // The other letters read as words of accented Latin only ("ìÏÎÄÏÎÅ"), which no Western word is.
    const text = 'Мы живём в Лондоне в районе Хакни.';
    expect(decodeLegacy(encodeAs(text, 'koi8-r'))).toEqual({ encoding: 'koi8-r', text });
  });

  it('reads a fraction inside a word as the French œ it is in ISO-8859-15', () => {
    const text = 'Les frères et sœurs sont accueillis ensemble, avec tout notre cœur.';
    expect(decodeLegacy(encodeAs(text, 'iso-8859-15'))).toEqual({ encoding: 'iso-8859-15', text });
  });

  it('reads a pound sign glued to a word as the Polish Ł it is', () => {
    const text = 'Ref,Name,First language\r\nA1312,Łukasz Nowak,Polish\r\nA1313,Mary Jones,English\r\n';
    expect(decodeLegacy(encodeAs(text, 'windows-1250'))).toEqual({ encoding: 'windows-1250', text });
  });

  it('judges the text after an ASCII preamble, however long', () => {
    const preamble = `<html><head><script>${'var x = 1;\n'.repeat(8000)}</script></head><body>\n`;
    const text = `${preamble}<p>Запись к врачу для детей проводится по телефону.</p></body></html>`;
    expect(preamble.length).toBeGreaterThan(64 * 1024);
    expect(decodeLegacy(encodeAs(text, 'windows-1251'))).toEqual({ encoding: 'windows-1251', text });
  });

  it.each([
    ['для', 'ibm866'],
    ['бъде', 'ibm866'],
    ['Ми', 'koi8-u'],
  ])('reads %j in %s as Cyrillic, not as the EUC-JP its bytes also form', (text, codePage) => {
    expect(decodeLegacy(encodeAs(text, codePage))).toEqual({ encoding: codePage, text });
  });

  it('reads Japanese whose sample ends in the middle of a character', () => {
    // One ASCII byte first, so the 64 KiB sample of two-byte characters ends on half of one.
    const text = `A${'保護者の方は毎週水曜日に無料の法律相談を受けられます。'.repeat(1500)}`;
    expect(decodeLegacy(encodeAs(text, 'shift_jis'))).toEqual({ encoding: 'shift_jis', text });
  });
});
