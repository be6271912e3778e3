// Child process for the GraphQL benchmark: the product's API (createApi, as src/server.ts mounts
// it) on 127.0.0.1 over a bench store, reporting its own CPU time between 'start' and 'stop'.
import { createServer } from 'node:http';
import { load } from './dist.mjs';

const { SqliteStore } = await load('src/store/sqlite/sqlite-store.js');
const { createApi } = await load('src/api/create-api.js');
const store = new SqliteStore({ path: process.env.BENCH_DB });
await store.init();
const api = createApi(store, { apiToken: null, graphiql: false, jit: process.env.BENCH_JIT === '1' });
const server = createServer((req, res) => {
  if ((req.url ?? '').startsWith('/graphql')) {
    void api.handle(req, res);
    return;
  }
  res.writeHead(404);
  res.end();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
let cpu = null;
process.on('message', (m) => {
  if (m === 'start') cpu = process.cpuUsage();
  if (m === 'stop') {
    const d = process.cpuUsage(cpu);
    process.send({ cpuMs: (d.user + d.system) / 1000, rssMb: process.memoryUsage().rss / 1048576 });
  }
  if (m === 'exit') server.close(() => store.close().then(() => process.exit(0)));
});
