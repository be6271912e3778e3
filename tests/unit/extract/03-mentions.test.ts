import { describe, expect, it } from 'vitest';
import { candidatesOf } from './helpers.js';

// [sentence, expected candidate texts, expected titles by text]. Stage 3 proposes; lone
// sentence-initial words and bare titles ("Backed", "President") are rejected by stage 4.
const table: Array<[string, string[], Record<string, string>?]> = [
  ['We all know the disasters that Prime Minister Nikol Pashinyan brought upon Armenia.', ['Nikol Pashinyan', 'Armenia'], { 'Nikol Pashinyan': 'prime minister' }],
  ['In addition, when Pres. Aliyev demanded that Armenia hand over villages, nobody objected.', ['Aliyev', 'Armenia'], { Aliyev: 'pres.' }],
  ['Backed by Kremlin Ruben Vardanyan was very sure.', ['Backed', 'Kremlin', 'Ruben Vardanyan']],
  ['Last week, the President of Artsakh Samvel Shahramanyan gave an interview.', ['President', 'Artsakh', 'Samvel Shahramanyan']],
  ['Among the guests was the German Member of Parliament Frank Schwabe.', ['Among', 'Frank Schwabe'], { 'Frank Schwabe': 'member of parliament' }],
  ['They asked him to intervene with the General Directorate of External Security (DGSE) of France.', ['General Directorate of External Security', 'DGSE', 'France']],
  ['Mossad, Israel’s Institute for Intelligence and Special Operations, refused.', ['Mossad', 'Israel', 'Institute for Intelligence and Special Operations']],
  ['It was within the halls of the Parliamentary Assembly of the Council of Europe (PACE).', ['Parliamentary Assembly of the Council of Europe', 'PACE']],
  ['This friend of Russian President Vladimir Putin is rich.', ['Vladimir Putin'], { 'Vladimir Putin': 'president' }],
  ['The system dubbed by the Organized Crime and Corruption Reporting Project grew.', ['Organized Crime and Corruption Reporting Project']],
  ['The European Parliament members wrote to the European Commission President Jean-Claude Juncker.', ['European Parliament', 'European Commission', 'Jean-Claude Juncker'], { 'Jean-Claude Juncker': 'president' }],
  ['Vardanyan was the ex-owner of Troika Dialog Ruben Vardanyan and Ruben Vardanyan knew it.', ['Vardanyan', 'Troika Dialog', 'Ruben Vardanyan', 'Ruben Vardanyan']],
  ['He moved to the United States .', ['United States']],
  ['The report was filed as LD2804174994 Berlin DPA in German on Monday .', ['Berlin', 'DPA', 'German']],
  ['Michael Green and Anthony Hill met John Major .', ['Michael Green', 'Anthony Hill', 'John Major']],
  ['They honoured Martin Luther King Jr. on Monday .', ['Martin Luther King Jr.']],
  ['Shares of Johnson Controls Inc and Lear Corp rose .', ['Shares', 'Johnson Controls Inc', 'Lear Corp']],
];

describe('03-mentions', () => {
  it.each(table)('%s', (text, expected, titles) => {
    const { candidates } = candidatesOf(text);
    expect(candidates.map((c) => c.text)).toEqual(expected);
    for (const c of candidates) expect(text.slice(c.start, c.end)).toBe(c.text);
    for (const [name, title] of Object.entries(titles ?? {})) expect(candidates.find((c) => c.text === name)?.title).toBe(title);
  });
});
