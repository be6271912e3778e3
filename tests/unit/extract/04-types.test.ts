import { describe, expect, it } from 'vitest';
import { typedOf } from './helpers.js';

// [sentence, expected "text/Type" of every typed candidate]
const table: Array<[string, string[]]> = [
  ['Prime Minister Nikol Pashinyan brought disaster upon Armenia.', ['Nikol Pashinyan/Person', 'Armenia/Place']],
  ['Russia’s Gorchakov Foundation organizes events in Armenia.', ['Russia/Place', 'Gorchakov Foundation/Organization', 'Armenia/Place']],
  ['Vardanyan was the head of Troika Dialog, an investment company.', ['Vardanyan/Person', 'Troika Dialog/Organization']],
  ['Derwinski is not a common word, so Derwinski was typed as a person.', ['Derwinski/Person', 'Derwinski/Person']],
  ['The Springboks held an unassailable lead.', []],
  ['The commission found Oswald acted alone.', ['Oswald/Person']],
  ['The Orioles remained tied.', []],
  ['In 1911, playwright Tennessee Williams was born in Columbus.', ['Tennessee Williams/Person', 'Columbus/Place']],
  ['Harrington, a professor of political science at Queens College, died.', ['Harrington/Person', 'Queens College/Organization']],
  ['He died at his home in Larchmont, the university said.', ['Larchmont/Place']],
  ['The construction of the Skolkovo school was financed by Sberbank.', ['Skolkovo/Organization', 'Sberbank/Organization']],
  ['Schwab told Global Voices that it was true.', ['Schwab/Person', 'Global Voices/Organization']],
  ['The film ‘Am Abgrund’ premiered in Berlin on February 20.', ['Berlin/Place']],
  ['The Azeris and the Armenians met in Moscow.', ['Moscow/Place']],
  ['Ronen Bar, head of Shin Bet, attended.', ['Ronen Bar/Person', 'Shin Bet/Organization']],
  ['LONDON 1996-08-30\nSomerset beat Leicestershire by an innings.', ['LONDON/Place', 'Somerset/Place', 'Leicestershire/Place']],
  ['CRICKET - COUNTY RESULTS\nLONDON 1996-08-30\nSomerset beat Leicestershire by an innings.', ['LONDON/Place', 'Somerset/Organization', 'Leicestershire/Organization']],
  ['Michael Jordan scored 30 points. Jordan was tired.', ['Michael Jordan/Person', 'Jordan/Person']],
  ['Tourists love Jordan and Egypt.', ['Jordan/Place', 'Egypt/Place']],
  ['Backed by Kremlin Ruben Vardanyan was very sure.', ['Kremlin/Organization', 'Ruben Vardanyan/Person']],
  ['Last week, the President of Artsakh Samvel Shahramanyan gave an interview.', ['Artsakh/Place', 'Samvel Shahramanyan/Person']],
  ['Azerbaijan’s Foreign Intelligence Service (XKX), led by General Orkhan Sultanov, asked Mossad.', ['Azerbaijan/Place', 'Foreign Intelligence Service/Organization', 'XKX/Organization', 'Orkhan Sultanov/Person', 'Mossad/Organization']],
];

describe('04-types', () => {
  it.each(table)('%s', (text, expected) => {
    expect(typedOf(text).map((c) => `${c.text}/${c.type}`)).toEqual(expected);
  });
});
