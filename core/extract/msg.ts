/**
 * Outlook messages (.msg) through @kenjiuno/msgreader.
 *
 * Most .msg files keep their body only as compressed RTF: it is decompressed
 * (@kenjiuno/decompressrtf), then the HTML or text Outlook wrapped in it is de-encapsulated
 * (rtf-stream-parser); a native RTF body (calendar items, RTF mail) goes through rtf.ts.
 * Attachments, embedded .msg files included, are read as in mail.ts.
 */
import { decompressRTF } from '@kenjiuno/decompressrtf';
import MsgReaderModule from '@kenjiuno/msgreader';
import type { FieldsData } from '@kenjiuno/msgreader';
import { deEncapsulateSync } from 'rtf-stream-parser';
import { formatAddress, isoDate, renderMail } from './mail.ts';
import type { MailAttachment, MailMessage } from './mail.ts';
import { decoderLabel, rtfToText } from './rtf.ts';
import { ExtractError } from './types.ts';
import type { ExtractContext, Extracted, ExtractLimits, Extractor } from './types.ts';

// A CommonJS module compiled from TypeScript: under Node's ESM loader its class is on `.default`,
// while bundlers that honour __esModule hand over the class itself.
type MsgReaderClass = typeof MsgReaderModule.default;
const MsgReader: MsgReaderClass = (MsgReaderModule as unknown as { default?: MsgReaderClass }).default ?? (MsgReaderModule as unknown as MsgReaderClass);

function decode(bytes: Uint8Array, codepage: number | undefined): string {
  try {
    return new TextDecoder(decoderLabel(codepage ?? 65001)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The body as text or HTML: plain body, HTML body, else whatever the compressed RTF holds. */
function bodyOf(fields: FieldsData): Pick<MailMessage, 'text' | 'html'> {
  if (fields.body?.trim()) return { text: fields.body };
  if (fields.bodyHtml?.trim()) return { html: fields.bodyHtml };
  if (fields.html?.length) return { html: decode(fields.html, fields.internetCodepage) };
  if (!fields.compressedRtf?.length) return {};
  const rtf = Buffer.from(decompressRTF(Array.from(fields.compressedRtf)));
  try {
    const result = deEncapsulateSync(rtf, {
      decode: (buf: Buffer, enc: string) => {
        const codepage = Number(/\d+/.exec(enc)?.[0] ?? 1252);
        return decode(buf, codepage);
      },
      warn: () => {},
    });
    const text = typeof result.text === 'string' ? result.text : result.text.toString('utf8');
    return result.mode === 'html' ? { html: text } : { text };
  } catch {
    // Not encapsulated HTML or text: a native RTF body.
    return { text: rtfToText(rtf).text };
  }
}

function recipients(fields: FieldsData, type: 'to' | 'cc'): string[] {
  return (fields.recipients ?? [])
    .filter((r) => (r.recipType ?? 'to') === type)
    .map((r) => formatAddress(r.name, smtpOnly(r.smtpAddress) ?? smtpOnly(r.email)))
    .filter(Boolean);
}

function attachmentName(attachment: FieldsData, i: number): string {
  const name = (attachment.fileName || attachment.fileNameShort || attachment.name || '').trim();
  if (attachment.innerMsgContent) return /\.msg$/i.test(name) ? name : `${name || `message-${i + 1}`}.msg`;
  return name || `attachment-${i + 1}${attachment.extension ?? ''}`;
}

function attachmentsOf(reader: InstanceType<typeof MsgReader>, fields: FieldsData): MailAttachment[] {
  const out: MailAttachment[] = [];
  for (const [i, attachment] of (fields.attachments ?? []).entries()) {
    // Hidden attachments are pictures embedded in the HTML body.
    if (attachment.attachmentHidden && /^image\//.test(attachment.attachMimeTag ?? 'image/')) continue;
    try {
      const data = reader.getAttachment(attachment);
      out.push({ fileName: attachmentName(attachment, i), bytes: data.content });
    } catch {
      // An attachment that cannot be read out is listed by name with empty content.
      out.push({ fileName: attachmentName(attachment, i), bytes: new Uint8Array(0) });
    }
  }
  return out;
}

/**
 * Read the message. Older Outlook stores strings in the sender's ANSI code page (Big5, Shift_JIS,
 * Windows-1252 …), which only the message itself names: read once to learn it, then again with it.
 */
function read(bytes: Uint8Array): { reader: InstanceType<typeof MsgReader>; fields: FieldsData } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let reader = new MsgReader(view);
  let fields = reader.getFileData();
  const codepage = fields.messageCodepage ?? fields.internetCodepage;
  if (codepage && codepage !== 65001 && codepage !== 1200 && !fields.error) {
    reader = new MsgReader(view);
    reader.parserConfig = { ansiEncoding: String(codepage) };
    fields = reader.getFileData();
  }
  return { reader, fields };
}

/** Exchange-internal X.500 addresses ("/o=ExchangeLabs/ou=…") mean nothing to a reader. */
function smtpOnly(address: string | undefined): string | undefined {
  return address && address.includes('@') ? address : undefined;
}

export function parseMsg(bytes: Uint8Array): MailMessage {
  let reader: InstanceType<typeof MsgReader>;
  let fields: FieldsData;
  try {
    ({ reader, fields } = read(bytes));
  } catch (err) {
    throw new ExtractError('corrupt', `not a readable Outlook message: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (fields.error) throw new ExtractError('corrupt', `not a readable Outlook message: ${fields.error}`);
  const message: MailMessage = {
    to: recipients(fields, 'to'),
    cc: recipients(fields, 'cc'),
    attachments: attachmentsOf(reader, fields),
    ...bodyOf(fields),
  };
  const from = formatAddress(
    fields.senderName,
    smtpOnly(fields.senderSmtpAddress) ?? smtpOnly(fields.sentRepresentingSmtpAddress) ?? smtpOnly(fields.senderEmail),
  );
  if (from) message.from = from;
  const date = fields.clientSubmitTime ?? fields.messageDeliveryTime ?? fields.creationTime;
  if (date) message.date = date;
  const iso = isoDate(date);
  if (iso) message.isoDate = iso;
  if (fields.subject) message.subject = fields.subject.trim();
  return message;
}

export const msgExtractor: Extractor = {
  formats: ['msg'],
  async extract(bytes: Uint8Array, limits: ExtractLimits, context?: ExtractContext): Promise<Extracted> {
    return renderMail(parseMsg(bytes), limits, context, 'msg');
  },
};
