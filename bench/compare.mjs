// Before/after: the per-call cases on the core and in direct mode, for another build of the
// library against this one, measured in interleaved rounds in one process.
//
//   mkdir -p .tmp/before && git archive <commit> src package.json 'tsconfig*.json' | tar -x -C .tmp/before
//   ln -s "$PWD/node_modules" .tmp/before/node_modules && (cd .tmp/before && npx tsc -p tsconfig.build.json)
//   npm run build && node --expose-gc bench/compare.mjs .tmp/before/dist/esm/index.js
//
// Environment: BENCH_TIME_MS (default 200), BENCH_ROUNDS (default 5), BENCH_CASES, BENCH_MODES (core,direct).
import { SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cases } from './cases.mjs';
import { CPU_CLOCK, median, timeTask } from './measure.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const [otherEntry] = process.argv.slice(2);
if (otherEntry === undefined)
  throw new Error('usage: node --expose-gc bench/compare.mjs <other build>/dist/esm/index.js');
const timeMs = Number(process.env.BENCH_TIME_MS ?? 200);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const caseNames = process.env.BENCH_CASES?.split(',');
const modeNames = (process.env.BENCH_MODES ?? 'core,direct').split(',');
const builds = {
  before: await import(pathToFileURL(resolve(otherEntry)).href),
  after: await import('../dist/esm/index.js'),
};

const open = async (library, benchCase, mode) => {
  const featureStore = library.mockFeatureStore({ featureGroups: benchCase.featureGroups, mode: 'direct' });
  const client = new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', maxAttempts: 1 });
  await benchCase.seed(client);
  const send =
    mode === 'core'
      ? (i) => featureStore.store.execute(benchCase.operation, benchCase.input(i))
      : (i) => client.send(benchCase.command(i));
  return { send, close: () => featureStore.restore() };
};

const runs = [];
for (let round = 1; round <= rounds; round++) {
  for (const benchCase of cases.filter((c) => caseNames === undefined || caseNames.includes(c.name))) {
    for (const mode of modeNames) {
      for (const [build, library] of Object.entries(builds)) {
        const session = await open(library, benchCase, mode);
        let i = 0;
        const stats = await timeTask(`${benchCase.name} ${mode} ${build}`, () => session.send(i++), timeMs);
        session.close();
        runs.push({ round, case: benchCase.name, mode, build, ...stats });
        process.stderr.write(`round ${round} ${benchCase.name} ${mode} ${build}: ${stats.cpuUs.toFixed(2)} µs\n`);
      }
    }
  }
}

const rows = [];
for (const name of [...new Set(runs.map((r) => r.case))]) {
  for (const mode of modeNames) {
    const of = (build) => runs.filter((r) => r.case === name && r.mode === mode && r.build === build);
    const ratios = of('after').map((a) => a.cpuUs / of('before').find((b) => b.round === a.round).cpuUs);
    rows.push({
      case: name,
      mode,
      'before µs': median(of('before').map((r) => r.cpuUs)).toFixed(2),
      'after µs': median(of('after').map((r) => r.cpuUs)).toFixed(2),
      'after ÷ before': median(ratios).toFixed(2),
    });
  }
}
console.log(`\n${CPU_CLOCK} per call, median of ${rounds} interleaved rounds of ${timeMs} ms`);
console.table(rows);
