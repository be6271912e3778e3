// Cuts off a GraphQL execution that runs too long: the executor gets an AbortSignal (also fired
// when the client goes away) and stops resolving fields once it fires, and the result is raced
// against the timer so executors that ignore signals (graphql-jit) are cut off too. The client
// receives one error with code TIMEOUT instead of waiting.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { KgError } from '../model/errors.js';

/** Default limit for one operation; generous for reads, bounded for anything pathological. */
export const EXECUTION_TIMEOUT_MS = 15_000;

type ExecuteFn = (args: unknown) => unknown;

/** Register after any plugin that replaces the executor (graphql-jit), so the race wraps it. */
export function useExecutionTimeout(ms: number = EXECUTION_TIMEOUT_MS): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      // One controller per operation, fed by a timer and the request's own signal. Not
      // AbortSignal.any: on Node 20 the combined signals are retained and leak ~3 kB per request.
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<{ errors: unknown[] }>((resolve) => {
        timer = setTimeout(() => {
          // Built only when it fires: a KgError captures a stack, which cost ~1.5% of a request.
          const error = new KgError('TIMEOUT', `execute: the operation ran longer than ${ms} ms and was stopped; ask for less (smaller first, limit or depth)`);
          controller.abort(error);
          resolve({ errors: [createGraphQLError(error.message, { extensions: { code: error.code } })] });
        }, ms);
        timer.unref();
      });
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
      const onClientGone = () => controller.abort(request?.signal.reason);
      request?.signal.addEventListener('abort', onClientGone, { once: true });
      // @graphql-tools/executor (yoga's executor) reads args.signal; envelop's typings lack it.
      (args as { signal?: AbortSignal }).signal = controller.signal;
      const inner = executeFn as ExecuteFn;
      setExecuteFn(((executeArgs: unknown) => Promise.race([Promise.resolve(inner(executeArgs)), timedOut])) as typeof executeFn);
      return {
        onExecuteDone: () => {
          clearTimeout(timer);
          request?.signal.removeEventListener('abort', onClientGone);
        },
      };
    },
  };
}
