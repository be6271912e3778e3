// One XML writer for the XML formats (GraphML, GEXF): fast-xml-parser's builder escapes text and
// attribute values; oneLine() removes characters XML 1.0 cannot carry.
import { XMLBuilder } from 'fast-xml-parser';

export const ATTR = '@_';

export function buildXml(root: Record<string, unknown>): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: ATTR, format: true, indentBy: '  ', suppressEmptyNode: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root) as string}`;
}
