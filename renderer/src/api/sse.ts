/**
 * A Server-Sent Events parser for a stream read with fetch. EventSource cannot send an
 * Authorization header, so browser mode reads `/api/events` itself; this turns its text, in
 * whatever chunks the network delivers, into messages (the subset of the SSE format we need:
 * `event`, `data`, comments; `id` and `retry` are ignored).
 */

export interface SseMessage {
  /** The `event:` field; "message" when the frame had none, as in EventSource. */
  event: string;
  /** The `data:` lines, joined with newlines. */
  data: string;
}

export interface SseParser {
  /** Feeds the next piece of text; returns the messages it completed. */
  push(text: string): SseMessage[];
}

export function createSseParser(): SseParser {
  let buffer = '';
  let started = false;
  let event = '';
  let data: string[] = [];

  const readLine = (line: string, out: SseMessage[]): void => {
    if (line === '') {
      // A blank line ends the frame; a frame with no data (only comments or a name) is not a message.
      if (data.length) out.push({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /u, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };

  return {
    push(text) {
      if (!started && text) {
        started = true;
        text = text.replace(/^\uFEFF/u, '');
      }
      buffer += text;
      const out: SseMessage[] = [];
      for (;;) {
        const end = /\r\n|\r|\n/u.exec(buffer);
        if (!end) break;
        // A CR that ends this chunk may be the first half of a CRLF split across chunks: wait.
        if (end[0] === '\r' && end.index === buffer.length - 1) break;
        readLine(buffer.slice(0, end.index), out);
        buffer = buffer.slice(end.index + end[0].length);
      }
      return out;
    },
  };
}
