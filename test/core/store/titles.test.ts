import { describe, expect, it } from 'vitest';
import { displayTitle, isRealTitle, tidyFileName } from '../../../core/store/titles.ts';

describe('displayTitle', () => {
  it('prefers a real metadata title', () => {
    expect(displayTitle('Placement Stability Review 2024', 'psr_final_v3.pdf')).toBe('Placement Stability Review 2024');
    expect(displayTitle('  Care   leavers offer ', 'offer.docx')).toBe('Care leavers offer');
  });

  it.each([
    ['LAIT.xlsm', 'a file name'],
    ['C:\\Users\\jo\\Desktop\\minutes.doc', 'a file path'],
    ['report.pdf', 'a file name'],
    ['Microsoft Word - Document1', 'a generator prefix'],
    ['Microsoft PowerPoint - team briefing.pptx', 'a generator prefix'],
    ['untitled', 'a placeholder'],
    ['Untitled 3', 'a placeholder'],
    ['Document1', 'a template name'],
    ['Slide 1', 'a template name'],
    ['PowerPoint Presentation', 'the program’s name'],
    ['Book1', 'a template name'],
    ['2024-03-05', 'only digits and punctuation'],
    ['---', 'only punctuation'],
    ['Q3', 'too short'],
    ['x'.repeat(301), 'body text in the title field'],
  ])('uses the tidied file name over %s (%s)', (junk) => {
    expect(isRealTitle(junk)).toBe(false);
    expect(displayTitle(junk, 'Children_in_care--annual_report.pdf')).toBe('Children in care annual report');
  });

  it('keeps a real title that merely mentions a file type or has a dot', () => {
    expect(isRealTitle('Guide to the PDF pack')).toBe(true);
    expect(isRealTitle('Version 2.1 of the QA framework')).toBe(true);
    expect(isRealTitle('Self-evaluation 2024-25')).toBe(true);
  });

  it('falls back to the file name when there is no title', () => {
    expect(displayTitle(null, 'annual-report.pdf')).toBe('annual report');
    expect(displayTitle('', 'notes.txt')).toBe('notes');
  });
});

describe('tidyFileName', () => {
  it('makes underscores and hyphen runs spaces, drops the extension, keeps case', () => {
    expect(tidyFileName('LAIT_population-2024.xlsx')).toBe('LAIT population 2024');
    expect(tidyFileName('QA__Audit___March.PDF')).toBe('QA Audit March');
    expect(tidyFileName('Annex A -- final.docx')).toBe('Annex A final');
    expect(tidyFileName('  spaced    out  .txt')).toBe('spaced out');
  });

  it('keeps hyphens that are part of words in a name with spaces', () => {
    expect(tidyFileName('Case A-1312 notes.docx')).toBe('Case A-1312 notes');
    expect(tidyFileName('Self-evaluation 2024-25.docx')).toBe('Self-evaluation 2024-25');
  });

  it('drops only a real extension, from the file’s own name', () => {
    expect(tidyFileName('minutes 03.04.2024')).toBe('minutes 03.04.2024');
    expect(tidyFileName('C:\\QA\\care_plan.docx')).toBe('care plan');
    expect(tidyFileName('/srv/share/care_plan.docx')).toBe('care plan');
    expect(tidyFileName('___.pdf')).toBe('___.pdf');
  });
});
