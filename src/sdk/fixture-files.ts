import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import {
  FixtureFormatError,
  parseFixtureRows,
  type FeatureStoreSnapshot,
  type FixtureFormat,
  type FixtureRow,
} from '../core/index.js';

const FORMAT_BY_EXTENSION: Readonly<Record<string, FixtureFormat>> = {
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/** The format of a fixture file from its extension; `.csv`, `.json`, `.ndjson` and `.jsonl` are known. */
export const formatOfFile = (file: string): FixtureFormat => {
  const format = FORMAT_BY_EXTENSION[extname(file).toLowerCase()];
  if (format === undefined) {
    throw new FixtureFormatError(
      `Can't tell the format of ${file} from its extension; name it .csv, .json, .ndjson or .jsonl, or pass { format }.`,
    );
  }
  return format;
};

/** Rows given inline, or read from a file (relative to the working directory). */
export const readFixtureRows = (rowsOrFile: string | readonly FixtureRow[], format?: FixtureFormat): FixtureRow[] => {
  if (typeof rowsOrFile !== 'string') return [...rowsOrFile];
  const path = resolve(rowsOrFile);
  const fileFormat = format ?? formatOfFile(path);
  return parseFixtureRows(readFileSync(path, 'utf8'), fileFormat, rowsOrFile);
};

/** A snapshot given as data, or read from a JSON file. */
export const readSnapshot = (snapshotOrFile: string | FeatureStoreSnapshot): unknown => {
  if (typeof snapshotOrFile !== 'string') return snapshotOrFile;
  const text = readFileSync(resolve(snapshotOrFile), 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new FixtureFormatError(`${snapshotOrFile}: not valid JSON: ${(error as Error).message}`);
  }
};

/** Writes a snapshot as indented JSON (so a golden file diffs well), creating folders as needed. */
export const writeSnapshot = (file: string, snapshot: FeatureStoreSnapshot): void => {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(snapshot, null, 2)}\n`);
};
