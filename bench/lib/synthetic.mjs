// The synthetic world: entity names, a power-law relation graph with hubs, and news-like
// articles about the same kind of names. Deterministic for a given seed.
import { createRandom, createZipf } from './prng.mjs';

const FIRST_NAMES = `James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica
Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Margaret Paul Sandra Steven Ashley Andrew Kimberly Joshua Emily
Kevin Donna Brian Michelle George Dorothy Edward Carol Ronald Amanda Timothy Melissa Jason Deborah Jeffrey Stephanie Ryan Rebecca Jacob Laura
Gary Sharon Nicholas Cynthia Eric Kathleen Jonathan Amy Stephen Shirley Larry Angela Justin Helen Scott Anna Brandon Brenda Benjamin Pamela
Samuel Nicole Gregory Emma Alexander Samantha Frank Katherine Patrick Christine Raymond Debra Jack Rachel Dennis Catherine Jerry Carolyn
Tyler Janet Aaron Ruth Jose Maria Adam Heather Henry Diane Nathan Virginia Douglas Julie Zachary Joyce Peter Victoria Kyle Olivia Ivan Olga
Sergei Natalia Dmitri Elena Vladimir Irina Ahmed Fatima Mohammed Aisha Ali Leila Hassan Yasmin Omar Mariam Juan Lucia Carlos Sofia Luis
Isabel Pedro Carmen Hans Greta Klaus Ingrid Pierre Camille Jean Claire Marco Giulia Luca Chiara Kenji Yuki Hiroshi Akiko Wei Mei Li Lin`.split(/\s+/);

const SYLLABLES = `ka ro vel mar ten sa lu dor bre vin tas mo ri kel an gor zu pal fen di ostra lim ber nov chak ul var to hem pi
sor quen da bal tri mon ves ka lo ru nik sel dar vo pen gal ras tu mir fal ko zen bor lek tam ur jas ven pol dra sim gu mat hol cer`.split(/\s+/);

const SURNAME_ENDINGS = ['', '', 'ov', 'son', 'ez', 'ski', 'enko', 'ian', 'er', 'ova', 'elli', 'berg', 'ley', 'ton'];
const ORG_WORDS = ['Bank', 'Group', 'Holdings', 'Party', 'Council', 'Agency', 'Institute', 'Foundation', 'Energy', 'Petroleum', 'Airlines',
  'Capital', 'Media', 'Telecom', 'Partners', 'University', 'Union', 'Front', 'Trust', 'Industries'];
const ORG_PREFIXES = ['Ministry of', 'Bank of', 'Council of', 'Supreme Court of', 'National Guard of', 'Central Bank of'];
const PLACE_ENDINGS = ['', '', 'ia', 'stan', 'burg', 'grad', 'ville', 'port', 'abad', 'ovo', 'land'];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function word(random, min, max) {
  const n = min + random.int(max - min + 1);
  let w = '';
  for (let i = 0; i < n; i++) w += random.pick(SYLLABLES);
  return w;
}

/**
 * `count` distinct entities: { name, type, aliases }. Persons are a real first name and an
 * invented surname (alias: the surname), organisations a name and an organisation word
 * (alias: the acronym when there are three words or more), places one invented word.
 */
export function generateEntities(count, seed) {
  const random = createRandom(seed);
  const seen = new Set();
  const out = [];
  while (out.length < count) {
    const r = random.next();
    let e;
    if (r < 0.5) {
      const surname = cap(word(random, 1, 3) + random.pick(SURNAME_ENDINGS));
      e = { type: 'Person', name: `${random.pick(FIRST_NAMES)} ${surname}`, aliases: [surname] };
    } else if (r < 0.8) {
      const parts = random.chance(0.25)
        ? [...random.pick(ORG_PREFIXES).split(' '), cap(word(random, 2, 3))]
        : [...Array.from({ length: 1 + random.int(2) }, () => cap(word(random, 1, 3))), random.pick(ORG_WORDS)];
      const name = parts.join(' ');
      const words = parts.filter((p) => /^[A-Z]/.test(p));
      e = { type: 'Organization', name, aliases: words.length >= 3 ? [words.map((w) => w[0]).join('')] : [] };
    } else {
      e = { type: 'Place', name: cap(word(random, 1, 3) + random.pick(PLACE_ENDINGS)), aliases: [] };
    }
    const key = `${e.type}:${e.name.toLowerCase()}`;
    if (e.name.length < 4 || seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/**
 * A power-law graph over `entityCount` entities with `relationCount` distinct relations: both
 * ends drawn from a Zipf distribution (alpha 0.9), so a few hubs hold a large share. Types are
 * ones the ontology allows between the two ends (30% co-occurrence). Returns typed arrays.
 */
export function generateGraph(entities, relationCount, ontology, seed) {
  const random = createRandom(seed ^ 0x9e3779b9);
  const n = entities.length;
  const zipf = createZipf(n, 0.9, random);
  // Hub rank -> entity index, shuffled so that hubs are of every type.
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const typeNames = ontology.relationTypes.map((t) => t.name);
  const assoc = typeNames.indexOf('ASSOCIATED_WITH');
  const allowed = new Map();
  for (const s of ['Person', 'Organization', 'Place']) {
    for (const t of ['Person', 'Organization', 'Place']) {
      allowed.set(`${s}>${t}`, typeNames.map((name, i) => [name, i]).filter(([name]) => name !== 'ASSOCIATED_WITH' && ontology.allows(name, s, t)).map(([, i]) => i));
    }
  }
  const symmetric = new Set(ontology.relationTypes.filter((t) => t.symmetric).map((t) => typeNames.indexOf(t.name)));
  const source = new Int32Array(relationCount);
  const target = new Int32Array(relationCount);
  const type = new Uint8Array(relationCount);
  const confidence = new Float32Array(relationCount);
  const evidence = new Uint16Array(relationCount);
  const seen = new Set();
  const T = typeNames.length;
  let k = 0;
  while (k < relationCount) {
    let s = order[zipf()];
    let t = order[zipf()];
    if (s === t) continue;
    const choices = allowed.get(`${entities[s].type}>${entities[t].type}`);
    const ty = choices.length === 0 || random.chance(0.3) ? assoc : random.pick(choices);
    if (symmetric.has(ty) && s > t) [s, t] = [t, s];
    const key = (s * n + t) * T + ty;
    if (seen.has(key)) continue;
    seen.add(key);
    source[k] = s;
    target[k] = t;
    type[k] = ty;
    confidence[k] = ty === assoc ? 0.3 + 0.2 * random.next() : 0.5 + 0.5 * random.next();
    evidence[k] = 1 + Math.floor(-Math.log(1 - random.next()) * 1.5);
    k++;
  }
  const degree = new Int32Array(n);
  for (let i = 0; i < relationCount; i++) {
    degree[source[i]]++;
    degree[target[i]]++;
  }
  return { source, target, type, confidence, evidence, degree, typeNames };
}

/** Samples an entity index as often as users click it: the end of a uniformly chosen relation. */
export function degreeWeightedSampler(graph, seed) {
  const random = createRandom(seed);
  const m = graph.source.length;
  return () => {
    const i = random.int(m);
    return random.chance(0.5) ? graph.source[i] : graph.target[i];
  };
}

/** One edit (insert, delete or substitute a letter) inside a name token of ≥ 4 letters. */
export function misspell(name, random) {
  const tokens = name.split(' ');
  const candidates = tokens.map((t, i) => [t, i]).filter(([t]) => /^[A-Za-z]{4,}$/.test(t));
  if (candidates.length === 0) return null;
  const [tok, ti] = random.pick(candidates);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const pos = 1 + random.int(tok.length - 1);
  const op = random.int(3);
  let next;
  if (op === 0) next = tok.slice(0, pos) + random.pick(letters) + tok.slice(pos);
  else if (op === 1) next = tok.slice(0, pos) + tok.slice(pos + 1);
  else {
    let c = random.pick(letters);
    while (c === tok[pos]?.toLowerCase()) c = random.pick(letters);
    next = tok.slice(0, pos) + c + tok.slice(pos + 1);
  }
  if (next.toLowerCase() === tok.toLowerCase()) return null;
  const out = [...tokens];
  out[ti] = next;
  return out.join(' ');
}

const FILLER = [
  'Officials declined to comment on the report.',
  'The figures could not be independently verified.',
  'Analysts said the move reflected growing pressure on the government.',
  'The announcement came after weeks of speculation in local media.',
  'Critics say the process lacked transparency and public oversight.',
  'Shares fell sharply in early trading after the news broke.',
  'The talks are expected to resume next month.',
  'Documents seen by reporters show payments made over several years.',
  'A spokesman said the allegations were politically motivated.',
  'The investigation is continuing, according to people familiar with the matter.',
];

const TEMPLATES = [
  ({ p, o, l }) => `${p.name}, the chief executive of ${o.name}, said on Tuesday that the company would expand into ${l.name}.`,
  ({ p, q, l }) => `${p.name} met ${q.name} in ${l.name} to discuss the dispute.`,
  ({ p, o, l }) => `Prosecutors in ${l.name} accused ${p.name} of bribing officials at ${o.name}.`,
  ({ p, o, l }) => `${o.name}, which is based in ${l.name}, was founded by ${p.name} in 1998.`,
  ({ p, q }) => `${q.name} criticised ${p.name} for the decision to sell the stake.`,
  ({ o, r, l }) => `${o.name} said it had sanctioned ${r.name} over its operations in ${l.name}.`,
  ({ p, o }) => `${p.name} works for ${o.name} as a senior adviser.`,
  ({ p, o, r }) => `According to ${r.name}, ${p.name} owns a large stake in ${o.name}.`,
  ({ p, r, l }) => `${p.name} was born in ${l.name} and later joined ${r.name}.`,
  ({ q, l }) => `Police arrested ${q.name} in ${l.name} on Friday.`,
];

/** `count` news-like articles (~`words` words each) about entities of a small world, as kg ingest inputs. */
export function generateArticles(count, seed, words = 320) {
  const random = createRandom(seed ^ 0x51ed27);
  const world = generateEntities(3000, seed ^ 0x1234);
  const zipf = createZipf(world.length, 0.9, random);
  const of = (type) => {
    for (;;) {
      const e = world[zipf()];
      if (e.type === type) return e;
    }
  };
  const articles = [];
  for (let a = 0; a < count; a++) {
    const cast = { p: of('Person'), q: of('Person'), o: of('Organization'), r: of('Organization'), l: of('Place') };
    const sentences = [];
    let n = 0;
    while (n < words) {
      const s = random.chance(0.55)
        ? random.pick(TEMPLATES)({
            p: random.chance(0.3) ? of('Person') : cast.p,
            q: cast.q,
            o: cast.o,
            r: random.chance(0.3) ? of('Organization') : cast.r,
            l: random.chance(0.3) ? of('Place') : cast.l,
          })
        : random.pick(FILLER);
      sentences.push(s);
      n += s.split(' ').length;
    }
    const paragraphs = [];
    for (let i = 0; i < sentences.length; i += 4) paragraphs.push(sentences.slice(i, i + 4).join(' '));
    articles.push({ title: `${cast.p.name} and ${cast.o.name}: report ${a + 1}`, text: paragraphs.join('\n\n') });
  }
  return articles;
}
