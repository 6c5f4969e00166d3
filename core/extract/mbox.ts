/**
 * Mailboxes (.mbox, Thunderbird and Unix mail): every message in turn, each rendered as by
 * eml.ts. A message's first page is labelled "Message N" and its attachments' pages
 * "Message N — Attachment: …", so one mailbox becomes a run of pages per message.
 */
import { parseEml } from './eml.ts';
import { renderMail } from './mail.ts';
import type { ExtractContext, Extracted, ExtractedPage, ExtractLimits, Extractor } from './types.ts';

/**
 * Messages of an mbox, without their "From " separator lines. Lines quoted as ">From " (mboxrd
 * and mboxo escaping of body lines) lose one '>'.
 */
export function splitMbox(bytes: Uint8Array): Uint8Array[] {
  // Latin-1 maps bytes one to one, so offsets and the re-encoded text are byte-exact.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const starts: number[] = [];
  const separator = /^From [^\r\n]*\r?\n/gm;
  for (let m = separator.exec(text); m; m = separator.exec(text)) starts.push(m.index, m.index + m[0].length);
  if (starts.length === 0) return text.trim() ? [bytes] : [];
  const messages: Uint8Array[] = [];
  for (let i = 0; i < starts.length; i += 2) {
    const end = i + 2 < starts.length ? starts[i + 2] : text.length;
    const body = text.slice(starts[i + 1], end).replace(/^>(>*From )/gm, '$1');
    if (body.trim()) messages.push(new Uint8Array(Buffer.from(body, 'latin1')));
  }
  return messages;
}

export const mboxExtractor: Extractor = {
  formats: ['mbox'],
  async extract(bytes: Uint8Array, limits: ExtractLimits, context?: ExtractContext): Promise<Extracted> {
    const pages: ExtractedPage[] = [];
    let chars = 0;
    const messages = splitMbox(bytes);
    for (const [i, raw] of messages.entries()) {
      const label = `Message ${i + 1}`;
      let rendered: Extracted;
      try {
        rendered = await renderMail(await parseEml(raw), { ...limits, maxTextChars: Math.max(0, limits.maxTextChars - chars) }, context, 'mbox', label);
      } catch (err) {
        // One damaged message must not cost the rest of the mailbox.
        const why = err instanceof Error ? err.message : String(err);
        rendered = { format: 'mbox', pages: [{ number: 1, label, text: `Message ${i + 1}: not readable (${why})` }] };
      }
      for (const page of rendered.pages) {
        chars += page.text.length;
        pages.push({ ...page, number: pages.length + 1 });
      }
      if (chars >= limits.maxTextChars) break;
    }
    if (pages.length === 0) pages.push({ number: 1, text: '' });
    return { format: 'mbox', pages };
  },
};
