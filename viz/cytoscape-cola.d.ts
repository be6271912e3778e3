// cytoscape-cola ships no types: it is a Cytoscape extension (register with cytoscape.use).
declare module 'cytoscape-cola' {
  import type { Ext } from 'cytoscape';
  const cola: Ext;
  export default cola;
}
