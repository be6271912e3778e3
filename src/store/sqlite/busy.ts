// Another process writing the same file makes SQLite answer SQLITE_BUSY once busy_timeout (10 s)
// runs out. Writes retry a few times, then fail with one clear BACKEND_UNAVAILABLE error instead
// of the driver's "database is locked".
import { KgError } from '../../model/errors.js';

const ATTEMPTS = 3;

export const isBusy = (e: unknown): boolean => typeof (e as { code?: unknown })?.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test((e as { code: string }).code);

export async function withBusyRetry<T>(operation: string, write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (attempt >= ATTEMPTS) {
        throw new KgError('BACKEND_UNAVAILABLE', `${operation}: the database stayed busy (another process is writing to it); try again`, { cause: e });
      }
      await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 100));
    }
  }
}
