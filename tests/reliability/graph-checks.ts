// Checks that a DocumentGraph is internally sound: offsets are UTF-16 code units into graph.text
// and every index (mention → entity, relation → entity/mention/sentence) points at something real.
import type { DocumentGraph } from '../../src/model/types.js';

/** Offsets are UTF-16 code units into graph.text; every index points at something real. */
export function graphProblems(g: DocumentGraph): string[] {
  const p: string[] = [];
  for (const s of g.sentences) if (g.text.slice(s.start, s.end) !== s.text) p.push(`sentence ${s.index} offsets`);
  g.mentions.forEach((m, i) => {
    if (!(m.start >= 0 && m.start < m.end && m.end <= g.text.length)) p.push(`mention ${i} out of range`);
    if (g.text.slice(m.start, m.end) !== m.text) p.push(`mention ${i} "${m.text}" != text.slice(${m.start}, ${m.end})`);
    if (!g.entities[m.entity]) p.push(`mention ${i} names no entity`);
    const s = g.sentences[m.sentence];
    if (!s || m.start < s.start || m.end > s.end) p.push(`mention ${i} outside its sentence`);
  });
  g.entities.forEach((e, i) => {
    if (e.mentions.length === 0) p.push(`entity ${i} has no mentions`);
    for (const m of e.mentions) if (g.mentions[m]?.entity !== i) p.push(`entity ${i} lists mention ${m} of another entity`);
  });
  g.relations.forEach((r, i) => {
    if (!g.entities[r.source] || !g.entities[r.target]) p.push(`relation ${i} joins a missing entity`);
    if (r.source === r.target) p.push(`relation ${i} is a self-loop`);
    if (!g.sentences[r.sentence]) p.push(`relation ${i} cites a missing sentence`);
    if (g.mentions[r.sourceMention]?.entity !== r.source) p.push(`relation ${i} source mention is not its source`);
    if (g.mentions[r.targetMention]?.entity !== r.target) p.push(`relation ${i} target mention is not its target`);
    if (!(r.confidence > 0 && r.confidence <= 1)) p.push(`relation ${i} confidence ${r.confidence}`);
  });
  return p;
}
