import { describe, expect, it } from 'vitest';
import { locationName } from '../../shared/locations.ts';

describe('locationName', () => {
  it('names pages, slides and sheets the way people say them', () => {
    expect(locationName('pdf', { number: 12, label: '12' })).toBe('Page 12');
    expect(locationName('docx', { number: 2, label: '2' })).toBe('Page 2');
    expect(locationName('pptx', { number: 3, label: 'Slide 3' })).toBe('Slide 3');
    expect(locationName('xlsx', { number: 1, label: 'Sheet: Population' })).toBe('Sheet Population');
    expect(locationName('ods', { number: 2, label: 'Sheet: 0-24' })).toBe('Sheet 0-24');
  });

  it('calls an email’s first page the email, and its attachments by name', () => {
    expect(locationName('eml', { number: 1, label: '1' })).toBe('Email');
    expect(locationName('msg', { number: 1, label: null })).toBe('Email');
    expect(locationName('eml', { number: 3, label: 'Attachment: budget.xlsx — Sheet: Q1' })).toBe('Attachment: budget.xlsx — Sheet Q1');
    expect(locationName('eml', { number: 4, label: 'Attachment: minutes.pdf — p. 2' })).toBe('Attachment: minutes.pdf — Page 2');
    expect(locationName('mbox', { number: 1, label: 'Message 1' })).toBe('Message 1');
    expect(locationName('mbox', { number: 2, label: 'Message 1 — Attachment: plan.pptx — Slide 2' })).toBe('Message 1 — Attachment: plan.pptx — Slide 2');
  });

  it('keeps a PDF’s own page label as a page, and other labels as they are', () => {
    expect(locationName('pdf', { number: 4, label: 'iv' })).toBe('Page iv');
    expect(locationName('docx', { number: 5, label: 'Headers, footers and notes' })).toBe('Headers, footers and notes');
    expect(locationName('text', { number: 1 })).toBe('Page 1');
  });

  it('never says “p.” or “view”', () => {
    for (const [format, label] of [['xlsx', 'Sheet: Budget'], ['pptx', 'Slide 1'], ['eml', '1'], ['pdf', '1'], ['eml', 'Attachment: a.pdf — p. 3']] as const) {
      expect(locationName(format, { number: 1, label })).not.toMatch(/\bp\.|view/u);
    }
  });
});
