/**
 * One e-mail (from .eml, .msg or an mbox) as pages: page 1 holds the headers a reader would
 * search for (From, To, Cc, Date, Subject, Attachments), then the body; each attachment that can
 * be read follows as further pages, labelled with its name ("Attachment: budget.xlsx — Sheet: Q1"),
 * so a hit says which attachment it is in.
 *
 * Attachments go back through `extractFile` (via the context, one level deeper), so a PDF or a
 * forwarded e-mail inside an e-mail is read like a file on disk. One that cannot be read is noted
 * on page 1 and never fails the message.
 */
import { htmlToText } from './html.ts';
import type { ExtractContext, Extracted, ExtractedPage, ExtractLimits } from './types.ts';

/** Containers nested deeper than this (an attachment of an attachment of …) are not opened. */
export const MAX_ATTACHMENT_DEPTH = 3;
/** Largest single attachment extracted, and the most attachment bytes per message. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
export const MAX_TOTAL_ATTACHMENT_BYTES = 150 * 1024 * 1024;
/** Most attachments extracted per message; the rest are listed but not read. */
export const MAX_ATTACHMENTS = 100;

export interface MailAttachment {
  fileName: string;
  bytes: Uint8Array;
}

export interface MailMessage {
  from?: string;
  to: string[];
  cc: string[];
  /** The date as the message shows it, and as ISO 8601 when it parses. */
  date?: string;
  isoDate?: string;
  subject?: string;
  text?: string;
  html?: string;
  attachments: MailAttachment[];
}

/** "Jane Smith <jane@council.gov.uk>", or whichever half exists. */
export function formatAddress(name: string | undefined, address: string | undefined): string {
  const n = name?.trim().replace(/^(['"])(.*)\1$/, '$2');
  const a = address?.trim();
  if (n && a && n !== a) return `${n} <${a}>`;
  return a || n || '';
}

export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function bodyText(message: MailMessage): string {
  if (message.text?.trim()) return message.text.replace(/\r\n?/g, '\n').trim();
  if (message.html?.trim()) return htmlToText(message.html).text;
  return '';
}

/** Formats whose unlabelled first page is the message itself (its attachments follow, labelled). */
const MAIL_FORMATS = new Set(['eml', 'msg', 'mbox']);

function pageLabel(page: ExtractedPage, pageCount: number, format: string): string | null {
  if (page.label) return page.label;
  if (MAIL_FORMATS.has(format) && page.number === 1) return null;
  return pageCount > 1 ? `p. ${page.number}` : null;
}

interface AttachmentResult {
  pages: Array<{ label: string; text: string }>;
  note?: string;
}

async function extractAttachment(
  attachment: MailAttachment,
  limits: ExtractLimits,
  context: ExtractContext | undefined,
  spent: { bytes: number; chars: number; count: number },
): Promise<AttachmentResult> {
  const name = attachment.fileName;
  const skip = (why: string): AttachmentResult => ({ pages: [], note: `Attachment ${name}: not indexed (${why})` });
  if (!context) return skip('attachments are only read through extractFile');
  if (context.depth >= MAX_ATTACHMENT_DEPTH) return skip(`attached more than ${MAX_ATTACHMENT_DEPTH} levels deep`);
  if (spent.count >= MAX_ATTACHMENTS) return skip(`the message has more than ${MAX_ATTACHMENTS} attachments`);
  const size = attachment.bytes.length;
  if (size > MAX_ATTACHMENT_BYTES) return skip(`too-large: ${size} bytes is over the ${MAX_ATTACHMENT_BYTES}-byte attachment limit`);
  if (spent.bytes + size > MAX_TOTAL_ATTACHMENT_BYTES) return skip(`too-large: the message's attachments are over ${MAX_TOTAL_ATTACHMENT_BYTES} bytes in all`);
  const charsLeft = limits.maxTextChars - spent.chars;
  if (charsLeft <= 0) return skip('the message already holds the most text a document may');
  spent.count++;
  spent.bytes += size;
  const outcome = await context.extractNested(attachment.bytes, name, {
    ...limits,
    maxFileBytes: Math.min(limits.maxFileBytes, MAX_ATTACHMENT_BYTES),
    maxTextChars: charsLeft,
  });
  // An unsupported file's detail already says it is not indexed ("programs and scripts are not indexed (.js)").
  if (outcome.status === 'unsupported') return { pages: [], note: `Attachment ${name}: ${outcome.detail}` };
  if (outcome.status === 'failed') return skip(`${outcome.reason}: ${outcome.detail}`);
  const pages = outcome.extracted.pages;
  return {
    pages: pages.map((page) => {
      const inner = pageLabel(page, pages.length, outcome.format);
      return { label: `Attachment: ${name}${inner ? ` — ${inner}` : ''}`, text: page.text };
    }),
  };
}

/**
 * Render one message. `labelPrefix` names the message within a mailbox ("Message 3"): its first
 * page is labelled with it and its attachment pages are prefixed by it.
 */
export async function renderMail(
  message: MailMessage,
  limits: ExtractLimits,
  context: ExtractContext | undefined,
  format: string,
  labelPrefix?: string,
): Promise<Extracted> {
  const headers: string[] = [];
  if (message.from) headers.push(`From: ${message.from}`);
  if (message.to.length) headers.push(`To: ${message.to.join(', ')}`);
  if (message.cc.length) headers.push(`Cc: ${message.cc.join(', ')}`);
  if (message.date) headers.push(`Date: ${message.date}`);
  if (message.subject) headers.push(`Subject: ${message.subject}`);
  if (message.attachments.length) headers.push(`Attachments: ${message.attachments.map((a) => a.fileName).join(', ')}`);
  const body = bodyText(message);

  const spent = { bytes: 0, chars: headers.join('\n').length + body.length, count: 0 };
  const notes: string[] = [];
  const attachmentPages: Array<{ label: string; text: string }> = [];
  for (const attachment of message.attachments) {
    const result = await extractAttachment(attachment, limits, context, spent);
    if (result.note) notes.push(result.note);
    for (const page of result.pages) {
      spent.chars += page.text.length;
      attachmentPages.push(page);
    }
  }

  const first = [headers.join('\n'), body, notes.join('\n')].filter(Boolean).join('\n\n');
  const firstPage: ExtractedPage = { number: 1, text: first };
  if (labelPrefix) firstPage.label = labelPrefix;
  const pages: ExtractedPage[] = [firstPage];
  for (const page of attachmentPages) {
    pages.push({ number: pages.length + 1, label: labelPrefix ? `${labelPrefix} — ${page.label}` : page.label, text: page.text });
  }
  const extracted: Extracted = { format, pages };
  if (message.subject) extracted.title = message.subject;
  if (message.from) extracted.author = message.from;
  if (message.isoDate) extracted.created = message.isoDate;
  return extracted;
}
