// The seed corpus is six articles with their titles and the one byline; the committed file
// is exactly what the split function makes of the shared source file.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeedCorpus, splitSeedFile } from '../../src/ingest/seed-corpus.js';
import { packagePath } from '../../src/model/paths.js';

const SOURCE = packagePath('..', 'shared', 'seed', '000_df2a8448239207a5.txt');

describe('seed corpus', () => {
  it('has six articles with titles, and the byline on article 2', () => {
    const docs = loadSeedCorpus();
    expect(docs).toHaveLength(6);
    expect(docs.map((d) => d.title)).toEqual([
      'Pashinyan is a Greater Threat to Armenia’s Security, Than Artsakh’s Government-in-Exile',
      'Putin’s Friend, Wanted by Ukraine, Perpetrator of Crimes in Karabakh',
      'German Television Exposes Azerbaijan’s Massive Bribery of European Officials',
      'Why No Turkish',
      'We Must Keep the Memory and Dream Alive To Recover Artsakh and Western Armenia',
      'Despite His Denials, Aliyev is Upset By International Criticism of Azerbaijan',
    ]);
    expect(docs.map((d) => d.byline)).toEqual([null, 'Azer HASRET', null, null, null, null]);
    for (const d of docs) {
      expect(d.text.startsWith(d.title!)).toBe(false);
      expect(d.text).not.toMatch(/^By /);
    }
  });

  it.skipIf(!existsSync(SOURCE))('seed/articles.jsonl is reproducible from the shared seed file', () => {
    const split = splitSeedFile(readFileSync(SOURCE, 'utf8'));
    const committed = readFileSync(packagePath('seed', 'articles.jsonl'), 'utf8');
    expect(split.map((a) => JSON.stringify(a)).join('\n') + '\n').toBe(committed);
  });
});
