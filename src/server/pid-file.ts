import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes this process's id to `path` and removes the file when the process exits, unless
 * another process has written its own id there since. Scripts stop the server with
 * `kill "$(cat path)"`, whatever launcher (npx, npm run) stands in between.
 */
export const writePidFile = (path: string): void => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${process.pid}\n`);
  process.on('exit', () => {
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
    } catch {
      // Already gone: nothing to clean up.
    }
  });
};
