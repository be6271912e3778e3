import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../extract/index.js';
import { ontology } from '../../../src/model/ontology.js';

/** Typed relations as "Source TYPE Target" (ASSOCIATED_WITH left out). */
const relationsOf = (text: string): string[] => {
  const g = extractDocument(text);
  return g.relations.filter((r) => r.type !== 'ASSOCIATED_WITH').map((r) => `${g.entities[r.source]!.name} ${r.type} ${g.entities[r.target]!.name}`);
};

const table: Array<[string, string[]]> = [
  ['David Barnea, the director of Mossad, arrived.', ['David Barnea LEADS Mossad']],
  ['Ruben Vardanyan was the initiator, one of the founders, and the first president of the Moscow School of Management.', ['Ruben Vardanyan LEADS Moscow School of Management']],
  ['The new director of French Intelligence Agency, Nicolas Lerner, met with David Barnea.', ['Nicolas Lerner LEADS French Intelligence Agency', 'Nicolas Lerner MET_WITH David Barnea']],
  ['Azerbaijan’s Foreign Intelligence Service (XKX), led by General Orkhan Sultanov, asked Mossad to help.',
    ['Foreign Intelligence Service PART_OF Azerbaijan', 'Foreign Intelligence Service ASKED Mossad', 'Orkhan Sultanov LEADS Foreign Intelligence Service']],
  ['Sergey Roldugin, a cellist and friend of Vladimir Putin, was among the recipients.', ['Sergey Roldugin FRIEND_OF Vladimir Putin']],
  ['The MEPs sanctioned Lithuania, Poland and Sweden.', []],
  ['Azerbaijan expelled two French embassy officials from Baku.', []],
  ['Late last year, the Azerbaijan-France confrontation got more heated.', ['Azerbaijan IN_CONFLICT_WITH France']],
  ['Bulgarian National Radio noted that Ruben Vardanyan was engaged in propaganda.', ['Ruben Vardanyan REPORTED_BY Bulgarian National Radio']],
  ['Since 2011, the Kremlin backed Gazprom, Rosneft and Sberbank.', ['Kremlin ALLY_OF Gazprom', 'Kremlin ALLY_OF Rosneft', 'Kremlin ALLY_OF Sberbank']],
  ['In March of 2019, the members wrote to the European Commission President Jean-Claude Juncker.', ['Jean-Claude Juncker LEADS European Commission']],
  ['John Wilkes Booth, who assassinated President Lincoln, was an actor.', ['John Wilkes Booth KILLED Lincoln']],
  ['Pashinyan took no action. Prime Minister Nikol Pashinyan brought disaster upon Armenia.', ['Nikol Pashinyan LEADS Armenia']],
  ['Illinois Gov. James Thompson signed the bill.', ['James Thompson LEADS Illinois', 'James Thompson LIVES_IN Illinois']],
  ['John Lennon was shot to death in 1980 by Mark David Chapman.', ['Mark David Chapman KILLED John Lennon']],
  ['Jo Ann Emmerich, vice president of daytime programs for ABC Entertainment, said so.', ['Jo Ann Emmerich LEADS ABC Entertainment']],
  ['John A. Georges, International Paper’s chairman and chief executive officer, spoke.', ['John A. Georges LEADS International Paper']],
  ['Robert C. Corduwener, a Netherlands businessman bought a share.', ['Robert C. Corduwener LIVES_IN Netherlands']],
  ['Sirhan Sirhan was convicted of Robert Kennedy’s killing.', ['Sirhan Sirhan KILLED Robert Kennedy']],
  ['Atahualpa was murdered on the orders of the conqueror Francisco Pizarro.', ['Francisco Pizarro KILLED Atahualpa']],
  ['Andrew Hall of Miami confirmed the deal.', ['Andrew Hall LIVES_IN Miami']],
  ['Moscow April 25 TASS -- Measurements were taken.', ['TASS BASED_IN Moscow']],
  ['Jane Doe, 45, of Springfield, Ill., was injured.', ['Jane Doe LIVES_IN Springfield', 'Jane Doe LIVES_IN Ill.', 'Springfield LOCATED_IN Ill.']],
  ['Tom Smith, an Acme Corp spokesman, said nothing.', ['Tom Smith WORKS_FOR Acme Corp']],
  ['BERLIN, Germany (Reuters) - Prices rose.', ['BERLIN LOCATED_IN Germany', 'Reuters BASED_IN BERLIN', 'Reuters BASED_IN Germany']],
  ['Poland’s capital, Warsaw, is cold.', ['Warsaw LOCATED_IN Poland']],
  ['Attending the meeting were Abbas Kamel; Ronen Bar; and William Barnes.',
    ['Abbas Kamel MET_WITH Ronen Bar', 'Abbas Kamel MET_WITH William Barnes', 'Ronen Bar MET_WITH William Barnes']],
];

describe('06-relations', () => {
  it.each(table)('%s', (text, expected) => {
    expect(relationsOf(text).sort()).toEqual([...expected].sort());
  });

  it('lowers confidence for negated and hedged relations', () => {
    const plain = extractDocument('Mossad transmitted the request to France.').relations;
    const negated = extractDocument('Mossad did not transmit the request to France.').relations;
    const hedged = extractDocument('Mossad reportedly supplied drones to Azerbaijan.').relations;
    const top = (rs: typeof plain) => Math.max(0, ...rs.filter((r) => r.type !== 'ASSOCIATED_WITH').map((r) => r.confidence));
    expect(top(hedged)).toBeGreaterThan(0);
    expect(top(hedged)).toBeLessThan(0.7);
    expect(top(negated)).toBeLessThanOrEqual(top(plain));
  });

  it('keeps ASSOCIATED_WITH for unexplained co-occurrence, at low confidence', () => {
    const g = extractDocument('Emmanuel Macron and Olaf Scholz were both in Paris on Friday.');
    const assoc = g.relations.filter((r) => r.type === 'ASSOCIATED_WITH');
    expect(assoc.length).toBeGreaterThan(0);
    for (const r of assoc) expect(r.confidence).toBeLessThanOrEqual(0.3);
  });

  it('respects the ontology for every relation', () => {
    const g = extractDocument('Ruben Vardanyan, born in Yerevan, founded Troika Dialog. The Kremlin appointed Vardanyan. Navalny investigated Sberbank in Moscow.');
    for (const r of g.relations) expect(ontology().allows(r.type, g.entities[r.source]!.type, g.entities[r.target]!.type)).toBe(true);
  });
});
