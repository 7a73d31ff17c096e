import { existsSync, readFileSync } from 'node:fs';
import { Bench } from 'tinybench';

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const hasSchedstat = existsSync(SCHEDSTAT);

/**
 * CPU time of the main thread in µs: the JavaScript under test, GC pauses included, V8's
 * background threads (concurrent marking and sweeping, compilation) not, nor the time the
 * process waited for a core on a busy machine. Linux's schedstat has it in ns; elsewhere
 * this falls back to the whole process's CPU time.
 */
export const cpuClock = hasSchedstat
  ? () => Number(readFileSync(SCHEDSTAT, 'utf8').split(' ', 1)[0]) / 1000
  : () => {
      const { user, system } = process.cpuUsage();
      return user + system;
    };

export const CPU_CLOCK = hasSchedstat
  ? 'main-thread CPU time (Linux /proc schedstat)'
  : 'process CPU time (process.cpuUsage: all threads)';

/** Long enough for V8 to optimise the code under test (TurboFan), so runs compare optimised code. */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 150);

/**
 * Times `fn` (sync or async) with tinybench for about `timeMs` after a short warm-up, with
 * a full GC first (unless `collectFirst` is false: with a 1M-record store live, a full
 * GC costs seconds) so one measurement does not pay for the garbage of the one before.
 * Returns per-call wall-clock latency in µs (mean, p50, p99) and `cpuUs`: CPU time per
 * call (see `cpuClock`) over the timed iterations, tinybench's statistics afterwards
 * excluded. CPU time is what the targets use: on a shared machine wall time also counts
 * the time the process waited for a core.
 */
export const timeTask = async (name, fn, timeMs, { collectFirst = true } = {}) => {
  if (collectFirst) globalThis.gc?.();
  const bench = new Bench({ time: timeMs, warmupTime: WARMUP_MS });
  let count = 0;
  let cpuBefore;
  let cpu;
  bench.add(
    name,
    () => {
      count++;
      return fn();
    },
    {
      beforeAll(phase) {
        if (phase !== 'run') return;
        count = 0;
        cpuBefore = cpuClock();
      },
      afterAll(phase) {
        if (phase === 'run') cpu = cpuClock() - cpuBefore;
      },
    },
  );
  await bench.run();
  const { result } = bench.tasks[0];
  if (result.state !== 'completed') throw result.error ?? new Error(`${name} ended ${result.state}`);
  const { latency } = result;
  return {
    cpuUs: cpu / count,
    meanUs: latency.mean * 1000,
    p50Us: latency.p50 * 1000,
    p99Us: latency.p99 * 1000,
    calls: count,
  };
};

/**
 * Times `fn` once per iteration with the high-resolution clock, `setup` untimed before
 * each; µs. `cpuUs` is the CPU time of the timed parts only, per iteration.
 */
export const timeEach = (iterations, setup, fn) => {
  const samples = new Float64Array(iterations);
  let cpuUs = 0;
  for (let i = 0; i < iterations; i++) {
    setup(i);
    const cpuBefore = cpuClock();
    const start = process.hrtime.bigint();
    fn(i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
    cpuUs += cpuClock() - cpuBefore;
  }
  samples.sort();
  const at = (q) => samples[Math.min(iterations - 1, Math.floor(q * iterations))];
  return {
    cpuUs: cpuUs / iterations,
    meanUs: samples.reduce((a, b) => a + b, 0) / iterations,
    p50Us: at(0.5),
    p99Us: at(0.99),
    calls: iterations,
  };
};

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
