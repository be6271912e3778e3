// A table of hostile and unusual texts that investigators really feed the tool, shared by the
// input, property and soak tests.
export const ARMENIAN = 'Ռուբեն Վարդանյանը հանդիպեց Իլհամ Ալիևին Բաքվում։ Նա հիմնել է «Տրոյկա Դիալոգ» ընկերությունը Մոսկվայում։';
export const RUSSIAN = 'Рубен Варданян основал «Тройку Диалог» в Москве. Владимир Путин встретился с Ильхамом Алиевым в Баку.';
export const AZERBAIJANI = 'İlham Əliyev Bakıda Rusiya prezidenti Vladimir Putin ilə görüşdü. Şuşa və Xankəndi barədə danışıldı.';
export const ARABIC = 'التقى الرئيس إلهام علييف بالرئيس فلاديمير بوتين في موسكو. وقال مسؤولون في بغداد إن الاجتماع كان مثمرا.';
export const EMOJI = 'Angela Merkel 👩‍👩‍👧 met Emmanuel Macron 🇫🇷 in Berlin 🤝. Zoë Ca\u0301rdenas and Jose\u0301 Nu\u0303n\u0303ez flew to Ba\u0301ku 🛫.';
export const MIXED = 'Ruben Vardanyan (Рубен Варданян, Ռուբեն Վարդանյան) met Ilham Aliyev (İlham Əliyev) in Baku. He then flew to Moscow.';

export const LONG_WORD_NAME = `Mr. ${'Abcdefghij'.repeat(1000)} met John Smith in London.`;
export const LONG_MULTIWORD_NAME = `${Array.from({ length: 400 }, (_, i) => `Name${String.fromCharCode(65 + (i % 26))}x`).join(' ')} founded Troika Dialog in Moscow.`;
export const LONE_SURROGATES = 'Vladimir Putin \uD800 met \uDC00 Ilham Aliyev in Moscow \uDBFF.';

/** A single line of n words with no sentence punctuation, names sprinkled in. */
export function oneLine(words: number): string {
  const names = ['Moscow', 'Ruben', 'Vardanyan', 'Berlin', 'Putin', 'Sberbank'];
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(i % 9 === 0 ? names[(i / 9) % names.length]! : 'word');
  return out.join(' ');
}

/** Nested elements `depth` deep around a short article. */
export const deepHtml = (depth: number): string =>
  `<html><body>${'<div><span>'.repeat(depth)}Ruben Vardanyan met Vladimir Putin in Moscow.${'</span></div>'.repeat(depth)}</body></html>`;

export const MALFORMED_HTML = `<html><head><title>Broken <b>page</title><script>while(true){}</script></head>
<body><div><p>Ruben Vardanyan founded <i>Troika Dialog <b>in Moscow.</div></p></i>
<p>Unclosed &amp &bogus; &#xD800; &#99999999; <a href="javascript:alert(1)">Ilham Aliyev</a> met <<>> Putin.
<table><tr><td>Baku<td>Berlin</table><!-- unterminated comment <p>hidden
<p>After the comment.</body></html><p>after html`;

/** Texts that must each give a graph (extraction) or one clear error (ingest). */
export const HOSTILE_TEXTS: Array<[string, string]> = [
  ['empty', ''],
  ['whitespace only', ' \n\t\r\n \u00a0\u2003 '],
  ['NUL bytes', 'Ruben\u0000 Vardanyan met\u0000\u0000 Putin in Moscow.\u0000'],
  ['control characters', '\u0001\u0002Angela Merkel\u0007 met \u001bEmmanuel Macron\u007f.'],
  ['lone surrogates', LONE_SURROGATES],
  ['replacement characters', 'Ruben \uFFFD\uFFFD Vardanyan met \uFFFD Putin.'],
  ['Armenian', ARMENIAN],
  ['Russian', RUSSIAN],
  ['Azerbaijani', AZERBAIJANI],
  ['Arabic', ARABIC],
  ['emoji and combining marks', EMOJI],
  ['mixed scripts', MIXED],
  ['extremely long one-word name', LONG_WORD_NAME],
  ['extremely long many-word name', LONG_MULTIWORD_NAME],
  ['punctuation only', '...!!!???;;;,,,———«»""\'\'()[]{}'],
  ['one huge sentence of names', Array.from({ length: 300 }, (_, i) => ['Angela Merkel', 'Vladimir Putin', 'Ilham Aliyev', 'Moscow', 'Sberbank'][i % 5]).join(' and ')],
  ['CRLF and BOM', '\uFEFFRuben Vardanyan met Putin.\r\nThen he left Moscow.\r\n'],
  ['HTML as text', MALFORMED_HTML],
  ['RTL override', 'Ruben \u202EVardanyan\u202C met Putin in Moscow.'],
  ['zero-width joiners', 'Ruben\u200B Vardanyan\u200D met Pu\u200Ctin in Mos\u2060cow.'],
];
