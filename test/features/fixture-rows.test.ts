import { parseCsvRows, parseJsonRows, parseNdjsonRows } from '../../src/core/index.js';

describe('fixture text', () => {
  test('CSV: unquoted empty is NULL, quoted empty is the empty string, CRLF and a trailing newline are fine', () => {
    expect(parseCsvRows('a,b,c\r\n1,,""\r\n"x""y",2,"line\nbreak"\r\n')).toEqual([
      { a: '1', b: null, c: '' },
      { a: 'x"y', b: '2', c: 'line\nbreak' },
    ]);
    expect(parseCsvRows('\uFEFFa\n\n1\n')).toEqual([{ a: '1' }]);
    expect(parseCsvRows('')).toEqual([]);
  });

  test('CSV errors say where', () => {
    expect(() => parseCsvRows('a,b\n1\n', 'f.csv')).toThrow('f.csv record 2: 1 fields, but the header has 2 columns');
    expect(() => parseCsvRows('a\n"open\n', 'f.csv')).toThrow('f.csv: a quoted field is not closed');
    expect(() => parseCsvRows('a\nx"y\n', 'f.csv')).toThrow('f.csv line 2: a quote inside an unquoted field');
    expect(() => parseCsvRows('a,\n1,2\n', 'f.csv')).toThrow('column 2 of the header has no name');
  });

  test('JSON and NDJSON rows must be objects', () => {
    expect(parseJsonRows('{"a":1}')).toEqual([{ a: 1 }]);
    expect(() => parseJsonRows('[1]', 'f.json')).toThrow('f.json: item 1 is not an object of column values');
    expect(() => parseNdjsonRows('{"a":1}\n{oops}\n', 'f.ndjson')).toThrow(/f\.ndjson line 2: not valid JSON/);
  });
});
