/**
 * Fixture rows as users export them from Athena or pandas: one object per row, column
 * name to value. A value of `null` (or a CSV field left empty without quotes) is absent.
 */
export type FixtureRow = Readonly<Record<string, unknown>>;

export type FixtureFormat = 'json' | 'ndjson' | 'csv';

/** Thrown for fixture text that cannot be read; says where. */
export class FixtureFormatError extends Error {
  override readonly name = 'FixtureFormatError';
}

const isRow = (value: unknown): value is FixtureRow =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** A JSON array of row objects (pandas `to_json(orient='records')`), or a single object. */
export const parseJsonRows = (text: string, source = 'JSON'): FixtureRow[] => {
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (error) {
    throw new FixtureFormatError(`${source}: not valid JSON: ${(error as Error).message}`);
  }
  const rows = Array.isArray(value) ? value : [value];
  rows.forEach((row, i) => {
    if (!isRow(row)) throw new FixtureFormatError(`${source}: item ${i + 1} is not an object of column values`);
  });
  return rows as FixtureRow[];
};

/** One JSON object per line (Athena `UNLOAD ... WITH (format = 'JSON')`, JSON Lines); blank lines skipped. */
export const parseNdjsonRows = (text: string, source = 'NDJSON'): FixtureRow[] => {
  const rows: FixtureRow[] = [];
  stripBom(text)
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new FixtureFormatError(`${source} line ${i + 1}: not valid JSON: ${(error as Error).message}`);
      }
      if (!isRow(value)) throw new FixtureFormatError(`${source} line ${i + 1}: not an object of column values`);
      rows.push(value);
    });
  return rows;
};

/**
 * CSV with a header row, as Athena writes query results: fields in double quotes with
 * `""` for a quote, line breaks allowed inside quotes, `\n` or `\r\n` between records.
 * A field left empty without quotes is NULL (absent); `""` is the empty string.
 */
export const parseCsvRows = (text: string, source = 'CSV'): FixtureRow[] => {
  const records: (string | null)[][] = [];
  let record: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  const input = stripBom(text);
  const endField = (): void => {
    record.push(quoted || field !== '' ? field : null);
    field = '';
    quoted = false;
  };
  const endRecord = (): void => {
    endField();
    // A blank line (one empty unquoted field) is no record.
    if (!(record.length === 1 && record[0] === null)) records.push(record);
    record = [];
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i] as string;
    if (inQuotes) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"') {
      if (field !== '' || quoted)
        throw new FixtureFormatError(`${source} line ${line}: a quote inside an unquoted field`);
      inQuotes = true;
      quoted = true;
    } else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else {
      if (quoted) throw new FixtureFormatError(`${source} line ${line}: text after a closing quote`);
      field += char;
    }
  }
  if (inQuotes) throw new FixtureFormatError(`${source}: a quoted field is not closed`);
  if (field !== '' || quoted || record.length > 0) endRecord();
  const [header, ...body] = records;
  if (header === undefined) return [];
  const columns = header.map((name, i) => {
    if (name === null || name === '')
      throw new FixtureFormatError(`${source}: column ${i + 1} of the header has no name`);
    return name;
  });
  return body.map((values, r) => {
    if (values.length !== columns.length) {
      throw new FixtureFormatError(
        `${source} record ${r + 2}: ${values.length} fields, but the header has ${columns.length} columns`,
      );
    }
    const row: Record<string, string | null> = {};
    columns.forEach((column, c) => {
      row[column] = values[c] ?? null;
    });
    return row;
  });
};

export const parseFixtureRows = (text: string, format: FixtureFormat, source?: string): FixtureRow[] =>
  format === 'csv'
    ? parseCsvRows(text, source)
    : format === 'ndjson'
      ? parseNdjsonRows(text, source)
      : parseJsonRows(text, source);
