// Runs the GraphStore contract against Neo4j when NEO4J_URI is set (NEO4J_USER, NEO4J_PASSWORD,
// NEO4J_DATABASE as for the app). Each store starts from an empty database: the suite DELETES
// this product's data in that database, so point it at a scratch database, never production.
import { describe } from 'vitest';
import { storeConfigFromEnv } from '../../src/store/create-store.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { runStoreContract } from './store-contract.js';

const uri = process.env.NEO4J_URI;

if (!uri) console.log('SKIPPED neo4j contract suite: NEO4J_URI not set (README, "Neo4j", says how to run it against a server)');

// Without a server every contract test is reported as skipped, not silently absent.
describe.skipIf(!uri)('neo4j backend', () => {
  runStoreContract('neo4j', async () => {
    const store = new Neo4jStore({ ...storeConfigFromEnv().neo4j, uri: uri! });
    await store.init();
    await store.dropAll();
    return store;
  });
});
