// Turns raw bytes into text or refuses them clearly: binary files and undecodable bytes are
// detected here so that no reader ever extracts from garbage. UTF-8 by default; a byte-order
// mark, an HTML <meta charset> or an XML encoding declaration may name another encoding
// (saved pages in windows-1251, ISO-8859-x, Shift_JIS, UTF-16 ...).
import { invalidInput } from '../../model/errors.js';

const MAX_BYTES = 64 * 1024 * 1024;

/** The encoding the bytes declare for themselves, if any (WHATWG label, lower case). */
export function declaredEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Declarations are ASCII and come early: read the head as Latin-1 so no byte is lost.
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m =
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function decodeText(bytes: Uint8Array, where: string): string {
  if (bytes.length > MAX_BYTES) throw invalidInput('ingest', `${where} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  let encoding = declaredEncoding(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: false });
  } catch {
    // an unknown label: fall back to UTF-8 and let the checks below decide
    encoding = 'utf-8';
    decoder = new TextDecoder('utf-8', { fatal: false });
  }
  const sample = bytes.subarray(0, 8192);
  if (!encoding.startsWith('utf-16') && sample.includes(0)) throw invalidInput('ingest', `${where} looks binary (NUL bytes), not text`);
  const text = decoder.decode(bytes);
  let bad = 0;
  for (let i = 0; i < text.length && i < 100_000; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (bad > 16 && bad > Math.min(text.length, 100_000) / 100) throw invalidInput('ingest', `${where} is not ${encoding === 'utf-8' ? 'UTF-8' : encoding} text`);
  return text;
}
