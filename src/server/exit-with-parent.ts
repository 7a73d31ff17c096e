import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Calls `onGone` once the process that launched the server goes away, so a server is never
 * left orphaned on its port.
 *
 * Why polling, and why more than the parent: signals sent to `npx` (or `npm exec`, `npm run`)
 * do not reach the server. npm runs a bin through `sh -c`, so the chain is
 * npm → sh → node. `kill <npm pid>` makes npm and the shell exit and leaves node running
 * under init; `kill -9 <npm pid>` even leaves the shell waiting for node. Neither closes a
 * pipe the server could notice (its stdin is /dev/null when started with `&`), and neither
 * sends it a signal. So the server looks every second whether its parent, and its
 * grandparent when npm launched it (`npm_command` is set), is still alive.
 *
 * `process.ppid` cannot be polled for this: Node reads it once. On Linux each check reads
 * `/proc/<pid>/stat` (a zombie that nobody reaped yet counts as gone); elsewhere it is
 * `process.kill(pid, 0)`. The timer is unref'd: it never keeps the process alive by itself.
 */
export const exitWithParent = (onGone: (pid: number) => void, intervalMs = 1000): (() => void) => {
  const watched = launchChain();
  const timer = setInterval(() => {
    const gone = watched.find((pid) => !isAlive(pid));
    if (gone === undefined) return;
    clearInterval(timer);
    onGone(gone);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};

const hasProc = ((): boolean => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/** State and parent of a process from /proc/<pid>/stat; the command name may hold spaces and parentheses. */
const procStat = (pid: number): { state: string; ppid: number } | undefined => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: state as string, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
};

const isAlive = (pid: number): boolean => {
  if (hasProc) {
    const stat = procStat(pid);
    return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const parentOf = (pid: number): number | undefined => {
  if (hasProc) return procStat(pid)?.ppid;
  try {
    const ppid = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
  } catch {
    return undefined;
  }
};

/** The parent, and npm's process above its `sh -c` when npm launched us; init (pid 1) never goes away. */
const launchChain = (): number[] => {
  const chain = [process.ppid];
  if (process.env.npm_command !== undefined) {
    const grandparent = parentOf(process.ppid);
    if (grandparent !== undefined) chain.push(grandparent);
  }
  return chain.filter((pid) => pid > 1);
};
