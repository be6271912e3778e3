// Turns raw bytes into text or refuses them clearly: binary files and non-UTF-8 bytes are
// detected here so that no reader ever extracts from garbage.
import { invalidInput } from '../../model/errors.js';

const MAX_BYTES = 64 * 1024 * 1024;

export function decodeText(bytes: Uint8Array, where: string): string {
  if (bytes.length > MAX_BYTES) throw invalidInput('ingest', `${where} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) throw invalidInput('ingest', `${where} looks binary (NUL bytes), not text`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let bad = 0;
  for (let i = 0; i < text.length && i < 100_000; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (bad > 16 && bad > Math.min(text.length, 100_000) / 100) throw invalidInput('ingest', `${where} is not UTF-8 text`);
  return text;
}
