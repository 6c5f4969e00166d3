/** What users call each format, and the names `type:` accepts for it. */
export const FORMAT_LABELS: Record<string, string> = {
  pdf: 'PDF',
  docx: 'Word',
  text: 'Text',
  html: 'Web page',
};

/** `type:word` and friends: the words people use for a kind of file, mapped to format ids and extensions. */
const TYPE_ALIASES: Record<string, string[]> = {
  word: ['docx', 'doc'],
  excel: ['xlsx', 'xls'],
  powerpoint: ['pptx', 'ppt'],
  txt: ['text'],
  web: ['html'],
  htm: ['html'],
};

/** The format ids and file extensions a `type:` value stands for. */
export function expandType(value: string): string[] {
  const v = value.toLowerCase();
  return [v, ...(TYPE_ALIASES[v] ?? [])];
}

export function formatLabel(format: string): string {
  return FORMAT_LABELS[format] ?? format.toUpperCase();
}
