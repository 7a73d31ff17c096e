// npm run bench  (= npm run build && node --expose-gc bench/run.mjs)
// Environment: BENCH_TIME_MS (timed budget per run, default 2000), BENCH_ROUNDS (default 5),
// BENCH_CASES (comma-separated case names, default all), BENCH_MODES (mode names, default all).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { Bench } from 'tinybench';
import { cases } from './cases.mjs';
import { modes } from './modes.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const TARGET_RATIO = 1.15;
const timeMs = Number(process.env.BENCH_TIME_MS ?? 2000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const pick = (all, variable) => {
  const names = process.env[variable]?.split(',').map((name) => name.trim());
  return names === undefined ? all : all.filter((item) => names.includes(item.name));
};
const selectedCases = pick(cases, 'BENCH_CASES');
const selectedModes = pick(modes, 'BENCH_MODES');
const baselines = selectedModes.filter((mode) => mode.baseline);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One timed run of one case under one mode: per-call latency in µs. */
const measure = async (benchCase, mode) => {
  const session = await mode.open(benchCase);
  try {
    let iteration = 0;
    globalThis.gc?.();
    const bench = new Bench({ time: timeMs, warmupTime: Math.min(500, timeMs / 3) });
    bench.add(`${benchCase.name} ${mode.name}`, () => session.send(iteration++));
    await bench.run();
    const { result } = bench.tasks[0];
    if (result.state !== 'completed')
      throw result.error ?? new Error(`${benchCase.name}/${mode.name} ended ${result.state}`);
    const { latency } = result;
    return {
      meanUs: latency.mean * 1000,
      p50Us: latency.p50 * 1000,
      p99Us: latency.p99 * 1000,
      calls: latency.samplesCount,
    };
  } finally {
    session.close();
  }
};

// Rounds interleave every case and mode, so drift on a shared machine hits all of them alike.
const runs = [];
for (let round = 1; round <= rounds; round++) {
  for (const benchCase of selectedCases) {
    for (const mode of selectedModes) {
      const stats = await measure(benchCase, mode);
      runs.push({ round, case: benchCase.name, mode: mode.name, ...stats });
      process.stderr.write(
        `round ${round}/${rounds}  ${benchCase.name.padEnd(16)} ${mode.name.padEnd(20)} mean ${stats.meanUs.toFixed(1).padStart(7)} µs  p50 ${stats.p50Us.toFixed(1).padStart(7)} µs\n`,
      );
    }
  }
}

/** Per round, the mode's statistic over the baseline's in the same round; the median over rounds. */
const ratio = (caseName, modeName, baselineName, statistic) =>
  median(
    runs
      .filter((r) => r.case === caseName && r.mode === modeName)
      .map(
        (r) =>
          r[statistic] /
          runs.find((b) => b.case === caseName && b.mode === baselineName && b.round === r.round)[statistic],
      ),
  );

const summary = selectedCases.flatMap((benchCase) =>
  selectedModes.map((mode) => {
    const mine = runs.filter((r) => r.case === benchCase.name && r.mode === mode.name);
    return {
      case: benchCase.name,
      operation: benchCase.operation,
      mode: mode.name,
      meanUs: median(mine.map((r) => r.meanUs)),
      p50Us: median(mine.map((r) => r.p50Us)),
      p99Us: median(mine.map((r) => r.p99Us)),
      ratios: Object.fromEntries(
        baselines.map((b) => [
          b.name,
          {
            mean: ratio(benchCase.name, mode.name, b.name, 'meanUs'),
            p50: ratio(benchCase.name, mode.name, b.name, 'p50Us'),
          },
        ]),
      ),
    };
  }),
);

const require = createRequire(import.meta.url);
const sdk = require('@aws-sdk/client-sagemaker-featurestore-runtime/package.json').version;
const cpu = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}`;
console.log(
  `\nPer-call cost, median of ${rounds} interleaved rounds of ${timeMs} ms; Node ${process.version}, SDK ${sdk}, ${cpu}, load ${os.loadavg()[0].toFixed(2)}`,
);
console.table(
  summary.map((s) => ({
    case: s.case,
    mode: s.mode,
    'mean µs': s.meanUs.toFixed(1),
    'p50 µs': s.p50Us.toFixed(1),
    'p99 µs': s.p99Us.toFixed(1),
    'calls/s': Math.round(1e6 / s.meanUs),
    ...Object.fromEntries(
      Object.entries(s.ratios).map(([name, r]) => [
        `÷ ${name} (mean | p50)`,
        `${r.mean.toFixed(3)} | ${r.p50.toFixed(3)}`,
      ]),
    ),
  })),
);
const [floor] = baselines;
if (floor !== undefined) {
  const checked = summary.filter((s) => {
    const mode = selectedModes.find((m) => m.name === s.mode);
    return !mode.baseline && mode.target !== false;
  });
  const over = checked.filter((s) => s.ratios[floor.name].mean > TARGET_RATIO);
  console.log(
    over.length === 0
      ? `Target met: every mode is within ${TARGET_RATIO}× ${floor.name} (mean per call).`
      : `Over ${TARGET_RATIO}× ${floor.name}: ${over.map((s) => `${s.case}/${s.mode} ${s.ratios[floor.name].mean.toFixed(3)}×`).join(', ')}`,
  );
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  sdk,
  cpu,
  loadAverage: os.loadavg(),
  settings: { timeMsPerRun: timeMs, rounds },
  method:
    'Each run times one case under one mode with tinybench; rounds interleave all runs. meanUs/p50Us/p99Us are medians over rounds; ratios are per-round quotients against a baseline mode, median over rounds.',
  targetRatio: TARGET_RATIO,
  modes: selectedModes.map(({ name, description, baseline = false }) => ({ name, baseline, description })),
  summary,
  runs,
};
const resultsDir = new URL('./results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(new URL('latest.json', resultsDir), `${JSON.stringify(report, null, 2)}\n`);
console.log('Wrote bench/results/latest.json');
