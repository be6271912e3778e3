// GraphQL over HTTP: 32 concurrent autocannon clients on loopback against the API in its own
// process; req/s, p99 and the server's CPU ms per request, JIT executor against plain yoga,
// and the `{ __typename }` ceiling (parse, validate and HTTP with no resolver work).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { round } from '../lib/measure.mjs';

const ENTITY_QUERY = `query Entity($id: ID!) { entity(id: $id) { id name type aliases mentionCount
  relations(first: 50) { totalCount nodes { id type confidence source { id name type } target { id name type } } } } }`;

async function measure({ dbPath, jit, body, seconds, connections }) {
  const child = fork(fileURLToPath(new URL('../lib/graphql-server.mjs', import.meta.url)), [], {
    env: { ...process.env, BENCH_DB: dbPath, BENCH_JIT: jit ? '1' : '0' },
    // BENCH_CPU_PROF=DIR: a V8 CPU profile of each server run (open in Chrome DevTools).
    execArgv: process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [{ port }] = await once(child, 'message');
  const url = `http://127.0.0.1:${port}/graphql`;
  const request = { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: body() }) };
  await autocannon({ url, connections, duration: Math.max(1, Math.round(seconds / 4)), requests: [request] }); // warm-up (JIT, caches)
  child.send('start');
  const result = await autocannon({ url, connections, duration: seconds, requests: [request] });
  child.send('stop');
  const [{ cpuMs, rssMb }] = await once(child, 'message');
  child.send('exit');
  await once(child, 'exit');
  const ok = result['2xx'];
  return {
    reqPerSec: round(ok / seconds, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerReq: round(cpuMs / Math.max(1, ok), 3),
    non2xx: result.non2xx,
    errors: result.errors,
    serverRssMb: round(rssMb, 0),
  };
}

export async function runGraphql({ dbPath, ids, seconds, log }) {
  let k = 0;
  const entityBody = () => JSON.stringify({ query: ENTITY_QUERY, variables: { id: ids[k++ % ids.length] } });
  const ceilingBody = () => '{"query":"{ __typename }"}';
  const connections = 32;
  const jit = await measure({ dbPath, jit: true, body: entityBody, seconds, connections });
  log(`  entity, JIT: ${jit.reqPerSec} req/s, p99 ${jit.p99} ms, ${jit.cpuMsPerReq} CPU ms/req`);
  const plain = await measure({ dbPath, jit: false, body: entityBody, seconds, connections });
  log(`  entity, plain yoga: ${plain.reqPerSec} req/s, p99 ${plain.p99} ms, ${plain.cpuMsPerReq} CPU ms/req`);
  const ceiling = await measure({ dbPath, jit: true, body: ceilingBody, seconds, connections });
  log(`  { __typename }: ${ceiling.reqPerSec} req/s, p99 ${ceiling.p99} ms`);
  return {
    entityReqPerSec: jit.reqPerSec,
    entityP99: jit.p99,
    entityCpuMsPerReq: jit.cpuMsPerReq,
    ceilingReqPerSec: ceiling.reqPerSec,
    ceilingP99: ceiling.p99,
    ceilingCpuMsPerReq: ceiling.cpuMsPerReq,
    entityToCeiling: round(jit.reqPerSec / ceiling.reqPerSec, 2),
    plainYoga: plain,
    jitToPlain: round(jit.reqPerSec / plain.reqPerSec, 2),
    detail: { jit, ceiling },
    connections,
    seconds,
  };
}
