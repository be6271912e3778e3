// Context cues that type a name the gazetteers do not know (or know as something else):
// [sentence, expected "text/Type" of every mention].
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../extract/index.js';

const typed = (text: string): string[] => extractDocument(text).mentions.filter((m) => !m.via).map((m) => `${m.text}/${m.type}`);

const table: Array<[string, string[]]> = [
  // Persons: an age in commas, the victim of a killing or arrest, a possessed kin noun, an apposition.
  ['Vanterpool , 47 , runs the ferry .', ['Vanterpool/Person']],
  ['Vanterpool, 47, runs the ferry.', ['Vanterpool/Person']],
  ['The region has 6,000 sailors and Marines , 2,000 of them ashore .', []],
  ['Police arrested Okonkwo at the border.', ['Okonkwo/Person']],
  ['Ten years after the assassination of Lincoln, the house was sold.', ['Lincoln/Person']],
  ['Police arrested NLD supporters in the capital.', ['NLD/Organization']],
  ["Brandau 's wife , Austin , is a teacher .", ['Brandau/Person', 'Austin/Person']],
  ['Rallis, a senior Finance Ministry official, declined to comment.', ['Rallis/Person', 'Finance Ministry/Organization']],
  ['Okafor, one of the leading economists in Lagos, disagreed.', ['Okafor/Person', 'Lagos/Place']],
  ['Quayle has said the plan will fail.', ['Quayle/Person']],
  ['The board agreed that Vantongeren taught the class.', ['Vantongeren/Person']],
  // Organisations: a kind of body before the name, "-based".
  ['Shares in the Peruvian mining company Minsur rose.', ['Minsur/Organization']],
  ['The contract went to the state oil monopoly , Petroval .', ['Petroval/Organization']],
  ['The loan came from the Hamburg-based Vereinsbank.', ['Hamburg/Place', 'Vereinsbank/Organization']],
  // Places: "town of", "in suburban", "a person of", "X, <state>".
  ['Floods hit the small farming town of Oxbury on Monday.', ['Oxbury/Place']],
  ['He died at his home in suburban Glenfield.', ['Glenfield/Place']],
  ['The diver Brian Keller of Tapsfield found the wreck.', ['Brian Keller/Person', 'Tapsfield/Place']],
  ['The storm reached East Ridgeway, Iowa, on Friday.', ['East Ridgeway/Place', 'Iowa/Place']],
  // A comma alone is no list when a clause goes on after the name.
  ['Born in Athens, Kostaropoulos came to Chicago at 17.', ['Athens/Place', 'Chicago/Place']],
  // Party-state tags are not names.
  ['Sen. Jake Garn, R-Utah, flew on the shuttle.', ['Jake Garn/Person']],
];

describe('context cues', () => {
  it.each(table)('%s', (text, expected) => {
    expect(typed(text)).toEqual(expected);
  });
});
