/**
 * Streaming XML for the parts inside Office containers.
 *
 * saxes never fetches external entities and never expands entities declared in a DTD: a
 * reference to one is an "undefined entity" error, which is exactly what XXE and billion-laughs
 * files need. Any XML error becomes a 'corrupt' failure naming the part.
 */
import { SaxesParser } from 'saxes';
import { ExtractError } from './types.ts';

export interface XmlHandlers {
  /** `name` is the local name (prefix dropped: Strict OOXML uses other namespace URIs, same names). */
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Attribute by local name, whatever its prefix (w:val, w14:val …). */
export function attribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) {
    if (localName(key) === name) return value;
  }
  return undefined;
}

/** XML parts are UTF-8 (sometimes with a BOM) or, rarely, UTF-16 with a BOM. */
function decoderFor(firstBytes: Uint8Array): TextDecoder {
  if (firstBytes[0] === 0xff && firstBytes[1] === 0xfe) return new TextDecoder('utf-16le');
  if (firstBytes[0] === 0xfe && firstBytes[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

function wrapError(err: unknown, partName: string): unknown {
  // Our own errors (ExtractError, a spent text budget) were thrown by a handler: pass them on.
  if (err instanceof Error && err.constructor !== Error) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ExtractError('corrupt', `${partName} is not well-formed XML: ${message}`);
}

export interface XmlStream {
  write(chunk: Uint8Array): void;
  close(): void;
}

/** A parser fed chunk by chunk (from `streamZipEntry`), so big parts are never held whole. */
export function createXmlStream(partName: string, handlers: XmlHandlers): XmlStream {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const { open, close, text } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes));
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  let decoder: TextDecoder | null = null;
  return {
    write(chunk) {
      if (chunk.length === 0) return;
      decoder ??= decoderFor(chunk);
      try {
        parser.write(decoder.decode(chunk, { stream: true }));
      } catch (err) {
        throw wrapError(err, partName);
      }
    },
    close() {
      try {
        if (decoder) parser.write(decoder.decode());
        parser.close();
      } catch (err) {
        throw wrapError(err, partName);
      }
    },
  };
}

export function parseXml(bytes: Uint8Array, partName: string, handlers: XmlHandlers): void {
  const stream = createXmlStream(partName, handlers);
  stream.write(bytes);
  stream.close();
}
