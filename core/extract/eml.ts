/**
 * Internet e-mail (.eml, RFC 822/MIME) through postal-mime: headers, the text body (or the HTML
 * body as text), and attachments read recursively (see mail.ts).
 */
import PostalMime from 'postal-mime';
import type { Address, Attachment } from 'postal-mime';
import { formatAddress, isoDate, renderMail } from './mail.ts';
import type { MailAttachment, MailMessage } from './mail.ts';
import type { ExtractContext, Extracted, ExtractLimits, Extractor } from './types.ts';

/** File extensions for attachments that arrive without a name, so sniffing has a hint. */
const MIME_EXTENSIONS: Record<string, string> = {
  'message/rfc822': 'eml',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/calendar': 'ics',
  'application/msword': 'doc',
  'application/rtf': 'rtf',
  'text/rtf': 'rtf',
};

function addresses(list: Address[] | Address | undefined): string[] {
  const out: string[] = [];
  for (const entry of Array.isArray(list) ? list : list ? [list] : []) {
    if (entry.group) out.push(...entry.group.map((m) => formatAddress(m.name, m.address)));
    else out.push(formatAddress(entry.name, entry.address));
  }
  return out.filter(Boolean);
}

function toBytes(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function attachmentsOf(list: Attachment[]): MailAttachment[] {
  return list
    // Pictures embedded in an HTML body (cid: references) are part of its layout, not attachments.
    .filter((a) => !(a.related && a.mimeType.startsWith('image/')))
    .map((a, i) => ({
      fileName: a.filename?.trim() || `attachment-${i + 1}.${MIME_EXTENSIONS[a.mimeType.toLowerCase()] ?? 'bin'}`,
      bytes: toBytes(a.content),
    }));
}

/** Parse one RFC 822 message into the common shape. */
export async function parseEml(bytes: Uint8Array): Promise<MailMessage> {
  const email = await PostalMime.parse(bytes, { rfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  const message: MailMessage = {
    to: addresses(email.to),
    cc: addresses(email.cc),
    attachments: attachmentsOf(email.attachments),
  };
  const from = addresses(email.from)[0];
  if (from) message.from = from;
  const dateHeader = email.headers.find((h) => h.key === 'date')?.value.trim() || email.date;
  if (dateHeader) message.date = dateHeader;
  const iso = isoDate(email.date ?? dateHeader);
  if (iso) message.isoDate = iso;
  if (email.subject) message.subject = email.subject.trim();
  if (email.text) message.text = email.text;
  if (email.html) message.html = email.html;
  return message;
}

export const emlExtractor: Extractor = {
  formats: ['eml'],
  async extract(bytes: Uint8Array, limits: ExtractLimits, context?: ExtractContext): Promise<Extracted> {
    return renderMail(await parseEml(bytes), limits, context, 'eml');
  },
};
