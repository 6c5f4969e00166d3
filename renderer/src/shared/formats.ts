/** What users call each indexed format (the ids the index uses). */
const LABELS: Record<string, string> = {
  pdf: 'PDF',
  docx: 'Word',
  doc: 'Word',
  xlsx: 'Excel',
  xls: 'Excel',
  pptx: 'PowerPoint',
  text: 'Text',
  html: 'Web page',
  msg: 'Email',
  eml: 'Email',
};

export function formatLabel(format: string): string {
  return LABELS[format] ?? format.toUpperCase();
}
