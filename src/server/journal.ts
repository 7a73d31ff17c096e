import {
  closeSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { BehaviourOptions, FeatureGroupScope } from '../core/index.js';

/** A state change the server made, in the order it made them. */
export type JournalEntry =
  | {
      readonly type: 'operation';
      readonly operation: string;
      readonly input: unknown;
      readonly scope: FeatureGroupScope;
      /** The emulator clock (epoch ms) when the operation ran. */
      readonly at: number;
    }
  | { readonly type: 'clock'; readonly frozenAt?: number; readonly offset?: number }
  | { readonly type: 'reset'; readonly keep: readonly (FeatureGroupScope & { readonly name: string })[] }
  | { readonly type: 'behaviour'; readonly behaviour: BehaviourOptions };

export const JOURNAL_FILE = 'journal.jsonl';
export const LOCK_FILE = 'server.pid';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** One server per data directory: a second one would interleave its lines into the journal. */
const acquireLock = (dir: string): string => {
  const lockPath = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return lockPath;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(`The data directory ${dir} is in use by the server with process id ${owner}.`, {
          cause: error,
        });
      }
      // Left behind by a server that was killed: take it over.
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock the data directory ${dir}.`);
};

const readAll = (fd: number): Buffer => {
  const size = fstatSync(fd).size;
  const buffer = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
};

/**
 * An append-only log of JSON lines, one per successful state change. Each line is written
 * with one `write` before the response is sent, so a crash loses at most the request in
 * flight; its torn last line (no newline yet) is cut off when the journal is opened again.
 */
export class Journal {
  private constructor(
    private readonly fd: number,
    private readonly lockPath: string,
    /** The entries found on disk when the journal was opened. */
    readonly entries: readonly JournalEntry[],
    /** Bytes of a torn last line that were cut off on opening; 0 after a clean shutdown. */
    readonly discardedBytes: number,
  ) {}

  static open(dir: string): Journal {
    mkdirSync(dir, { recursive: true });
    const lockPath = acquireLock(dir);
    const path = join(dir, JOURNAL_FILE);
    let fd: number | undefined;
    try {
      fd = openSync(path, 'a+');
      const content = readAll(fd);
      const complete = content.lastIndexOf(0x0a) + 1;
      const discardedBytes = content.length - complete;
      if (discardedBytes > 0) ftruncateSync(fd, complete);
      const entries = content
        .subarray(0, complete)
        .toString('utf8')
        .split('\n')
        .slice(0, -1)
        .map((line, index) => {
          try {
            return JSON.parse(line) as JournalEntry;
          } catch (error) {
            throw new Error(`${path} line ${index + 1} is not a journal entry; was the file edited?`, { cause: error });
          }
        });
      return new Journal(fd, lockPath, entries, discardedBytes);
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      unlinkSync(lockPath);
      throw error;
    }
  }

  append(entry: JournalEntry): void {
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    let written = 0;
    while (written < line.length) written += writeSync(this.fd, line, written, line.length - written);
  }

  close(): void {
    closeSync(this.fd);
    try {
      unlinkSync(this.lockPath);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
