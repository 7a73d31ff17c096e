// npm run bench  (= npm run build && node --expose-gc bench/run.mjs)
// Environment:
//   BENCH_TIME_MS        timed budget per per-call run (default 200)
//   BENCH_ROUNDS         interleaved rounds of the per-call runs (default 3)
//   BENCH_SCALE_TIME_MS  timed budget per scale measurement (default 200)
//   BENCH_WARMUP_MS      untimed warm-up before each timed run (default 150)
//   BENCH_CASES          per-call case names, comma-separated (default all)
//   BENCH_MODES          per-call mode names, comma-separated (default all)
//   BENCH_SECTIONS       per-call,scale,memory,reset (default all)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { cases } from './cases.mjs';
import { CPU_CLOCK, median, timeTask } from './measure.mjs';
import { modes } from './modes.mjs';
import { measureMemory, measureOfflineAppend, measureReset, measureStoreSize } from './scale.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const started = performance.now();
const loadAtStart = os.loadavg();
const timeMs = Number(process.env.BENCH_TIME_MS ?? 200);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const scaleTimeMs = Number(process.env.BENCH_SCALE_TIME_MS ?? 200);
const sections = new Set((process.env.BENCH_SECTIONS ?? 'per-call,scale,memory,reset').split(','));
const pick = (all, variable) => {
  const names = process.env[variable]?.split(',').map((name) => name.trim());
  return names === undefined ? all : all.filter((item) => names.includes(item.name));
};
const selectedCases = pick(cases, 'BENCH_CASES');
const selectedModes = pick(modes, 'BENCH_MODES');
const baselines = selectedModes.filter((mode) => mode.baseline);
const log = (line) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

/** The core must answer GetRecord at this rate or better. */
const CORE_GET_RECORD_PER_SECOND = 500_000;

// ---------------------------------------------------------------------------------------
// Per call: every case under every mode, rounds interleaved so drift on a shared machine
// hits all of them alike.

const measure = async (benchCase, mode) => {
  const session = await mode.open(benchCase);
  try {
    let iteration = 0;
    return await timeTask(`${benchCase.name} ${mode.name}`, () => session.send(iteration++), timeMs);
  } finally {
    session.close();
  }
};

const runs = [];
if (sections.has('per-call')) {
  for (let round = 1; round <= rounds; round++) {
    for (const benchCase of selectedCases) {
      for (const mode of selectedModes) {
        const stats = await measure(benchCase, mode);
        runs.push({ round, case: benchCase.name, mode: mode.name, ...stats });
        log(
          `round ${round}/${rounds}  ${benchCase.name.padEnd(16)} ${mode.name.padEnd(18)} cpu ${stats.cpuUs.toFixed(1).padStart(8)} µs  wall p50 ${stats.p50Us.toFixed(1).padStart(8)} µs`,
        );
      }
    }
  }
}

/** Per round, the mode's CPU time per call over the baseline's in the same round; the median over rounds. */
const ratio = (caseName, modeName, baselineName) =>
  median(
    runs
      .filter((r) => r.case === caseName && r.mode === modeName)
      .map(
        (r) => r.cpuUs / runs.find((b) => b.case === caseName && b.mode === baselineName && b.round === r.round).cpuUs,
      ),
  );

const perCallRows =
  runs.length === 0
    ? []
    : selectedCases.flatMap((benchCase) =>
        selectedModes.map((mode) => {
          const mine = runs.filter((r) => r.case === benchCase.name && r.mode === mode.name);
          const cpuUs = median(mine.map((r) => r.cpuUs));
          const ratios = Object.fromEntries(
            baselines.filter((b) => b !== mode).map((b) => [b.name, ratio(benchCase.name, mode.name, b.name)]),
          );
          let target;
          if (mode.target !== undefined && ratios[mode.target.against] !== undefined) {
            target = {
              text: `≤ ${mode.target.max}× ${mode.target.against}`,
              met: ratios[mode.target.against] <= mode.target.max,
            };
          } else if (mode.name === 'core' && benchCase.operation === 'GetRecord') {
            target = {
              text: `≥ ${CORE_GET_RECORD_PER_SECOND / 1000}k calls/s`,
              met: 1e6 / cpuUs >= CORE_GET_RECORD_PER_SECOND,
            };
          }
          return {
            section: 'per call',
            case: benchCase.name,
            mode: mode.name,
            cpuUs,
            meanUs: median(mine.map((r) => r.meanUs)),
            p50Us: median(mine.map((r) => r.p50Us)),
            p99Us: median(mine.map((r) => r.p99Us)),
            perSecond: 1e6 / cpuUs,
            recordsPerSecond: benchCase.records === undefined ? undefined : (benchCase.records * 1e6) / cpuUs,
            ratios,
            target,
          };
        }),
      );

// ---------------------------------------------------------------------------------------
// Scale, memory, reset.

const otherRows = [];
if (sections.has('scale')) {
  log('scale: seeding feature groups of 1k, 100k and 1M records...');
  otherRows.push(...(await measureOfflineAppend(scaleTimeMs)));
  otherRows.push(...(await measureStoreSize(scaleTimeMs, rounds)));
}
if (sections.has('memory')) {
  log('memory: heap per record...');
  const memory = measureMemory();
  if (memory.length === 0) log('memory: skipped, run node with --expose-gc');
  otherRows.push(...memory);
}
if (sections.has('reset')) {
  log('reset: 100 feature groups...');
  otherRows.push(...measureReset());
}
const rows = [...perCallRows, ...otherRows];

// ---------------------------------------------------------------------------------------
// The table, the JSON, the markdown.

const short = { 'sdk-floor': 'floor', 'sdk-floor-unsigned': 'unsigned floor', 'client-mock-stub': 'stub' };
const si = (n) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(n >= 100 ? 0 : 1);
const us = (n) => (n === undefined ? '' : `${n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : n.toFixed(0)} µs`);
const cells = (row) => ({
  section: row.section,
  case: row.case,
  mode: row.mode,
  'CPU / call': row.value !== undefined ? `${row.value.toFixed(0)} ${row.unit}` : us(row.cpuUs),
  'wall p50': us(row.p50Us),
  'per second':
    row.perSecond === undefined
      ? ''
      : `${si(row.perSecond)} ${row.perSecondUnit ?? 'calls/s'}` +
        (row.recordsPerSecond === undefined ? '' : ` · ${si(row.recordsPerSecond)} records/s`),
  ratio:
    row.ratios !== undefined
      ? Object.entries(row.ratios)
          .map(([name, value]) => `${value.toFixed(2)}× ${short[name] ?? name}`)
          .join(' · ')
      : row.ratio !== undefined
        ? `${row.ratio.value.toFixed(2)}× ${row.ratio.vs}`
        : '',
  target: row.target?.text ?? '',
  met: row.target === undefined ? '' : row.target.met ? 'yes' : 'NO',
});

const require = createRequire(import.meta.url);
const sdk = require('@aws-sdk/client-sagemaker-featurestore-runtime/package.json').version;
const clientMock = require('aws-sdk-client-mock/package.json').version;
const cpu = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}`;
const seconds = (performance.now() - started) / 1000;
const heading =
  `Node ${process.version}, SDK ${sdk}, aws-sdk-client-mock ${clientMock}, ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
  `load ${loadAtStart[0].toFixed(2)} → ${os.loadavg()[0].toFixed(2)}; CPU / call: ${CPU_CLOCK}; per call: median of ${rounds} interleaved rounds of ${timeMs} ms; ` +
  `whole run ${seconds.toFixed(0)} s`;
console.log(`\n${heading}`);
const table = rows.map(cells);
console.table(table);
const targeted = rows.filter((row) => row.target !== undefined);
const missed = targeted.filter((row) => !row.target.met);
console.log(
  `Targets met: ${targeted.length - missed.length} of ${targeted.length}.` +
    (missed.length === 0
      ? ''
      : ` Not met: ${missed.map((row) => `${row.case} / ${row.mode} (${row.target.text})`).join('; ')}.`),
);

const report = {
  date: new Date().toISOString(),
  node: process.version,
  sdk,
  clientMock,
  cpu,
  memoryGiB: os.totalmem() / 2 ** 30,
  loadAverage: { start: loadAtStart, end: os.loadavg() },
  durationSeconds: seconds,
  cpuClock: CPU_CLOCK,
  settings: { timeMsPerRun: timeMs, rounds, scaleTimeMs },
  method:
    'Per call: each run times one case under one mode with tinybench; rounds interleave all runs. cpuUs is CPU time per call (see cpuClock); meanUs/p50Us/p99Us are wall-clock latencies; all are medians over rounds. Ratios are per-round quotients of cpuUs against a baseline mode, median over rounds; targets use cpuUs. Scale and memory run on the core (FeatureStore.execute) or the handle, once. perSecond = 1e6 / cpuUs.',
  modes: selectedModes.map(({ name, description, baseline = false, target }) => ({
    name,
    baseline,
    target,
    description,
  })),
  targets: { met: targeted.length - missed.length, of: targeted.length },
  rows,
  runs,
};
const resultsDir = new URL('./results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(new URL('latest.json', resultsDir), `${JSON.stringify(report, null, 2)}\n`);
const columns = Object.keys(table[0] ?? {});
const markdown = [
  heading,
  '',
  `| ${columns.join(' | ')} |`,
  `|${columns.map(() => '---').join('|')}|`,
  ...table.map((row) => `| ${columns.map((column) => String(row[column]).replaceAll('|', '\\|')).join(' | ')} |`),
  '',
].join('\n');
writeFileSync(new URL('latest.md', resultsDir), markdown);
console.log('Wrote bench/results/latest.json and bench/results/latest.md');
