import { FeatureStoreError } from '../errors.js';
import type { TextTest } from './patterns.js';

const MAX_SHOWN_VALUE = 120;
/** `Message` (runtime model): at most 2048 characters. */
const MAX_MESSAGE = 2048;
/** Room kept for the "; and N more" tail. */
const MORE_ROOM = 32;

/** Renders a value the way AWS's constraint messages quote it, shortened when long. */
const quote = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const shown =
    text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE)}...(${text.length} characters)` : text;
  return `'${shown}'`;
};

/**
 * Collects model-constraint violations of one request and reports them together in the
 * AWS (Coral) format: `N validation error(s) detected: Value 'v' at 'path' failed to
 * satisfy constraint: Member must …` (spec §11). Member paths use the service's
 * lowerCamel member names and 1-based list indexes (`record.1.member.featureName`).
 */
export class Constraints {
  private readonly violations: string[] = [];

  get ok(): boolean {
    return this.violations.length === 0;
  }

  fail(path: string, value: unknown, rule: string): void {
    this.violations.push(`Value ${quote(value)} at '${path}' failed to satisfy constraint: Member must ${rule}`);
  }

  /** Checks presence and type; returns true when `value` is present and of the type. */
  present(value: unknown, path: string, type: 'string' | 'number' | 'boolean' | 'object' | 'array'): boolean {
    if (value === undefined || value === null) {
      this.fail(path, null, 'not be null');
      return false;
    }
    return this.typed(value, path, type);
  }

  /** Checks the type of an optional member; returns true when present and of the type. */
  optional(value: unknown, path: string, type: 'string' | 'number' | 'boolean' | 'object' | 'array'): boolean {
    if (value === undefined || value === null) return false;
    return this.typed(value, path, type);
  }

  private typed(value: unknown, path: string, type: 'string' | 'number' | 'boolean' | 'object' | 'array'): boolean {
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (actual === type) return true;
    this.fail(path, value, `be of type ${type === 'array' ? 'list' : type}`);
    return false;
  }

  length(value: string, path: string, min: number, max: number): boolean {
    if (value.length < min) {
      this.fail(path, value, `have length greater than or equal to ${min}`);
      return false;
    }
    if (value.length > max) {
      this.fail(path, value, `have length less than or equal to ${max}`);
      return false;
    }
    return true;
  }

  pattern(value: string, path: string, regex: TextTest, shown: string): boolean {
    if (regex.test(value)) return true;
    this.fail(path, value, `satisfy regular expression pattern: ${shown}`);
    return false;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): value is T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return true;
    this.fail(path, value, `satisfy enum value set: [${allowed.join(', ')}]`);
    return false;
  }

  count(list: readonly unknown[], path: string, min: number, max: number): boolean {
    if (list.length < min) {
      this.fail(path, list, `have length greater than or equal to ${min}`);
      return false;
    }
    if (list.length > max) {
      this.fail(path, list, `have length less than or equal to ${max}`);
      return false;
    }
    return true;
  }

  range(value: number, path: string, min: number, max = Number.MAX_SAFE_INTEGER): boolean {
    if (!Number.isInteger(value)) {
      this.fail(path, value, 'be an integer');
      return false;
    }
    if (value < min) {
      this.fail(path, value, `have value greater than or equal to ${min}`);
      return false;
    }
    if (value > max) {
      this.fail(path, value, `have value less than or equal to ${max}`);
      return false;
    }
    return true;
  }

  /** Throws the collected violations as one ValidationError; does nothing when there are none. */
  throwIfAny(code: 'ValidationError' | 'ValidationException' = 'ValidationError'): void {
    const count = this.violations.length;
    if (count === 0) return;
    // The model's `Message` is at most 2048 characters: list the violations that fit, then how many more.
    let message = `${count} validation error${count === 1 ? '' : 's'} detected: ${this.violations[0] as string}`;
    let listed = 1;
    for (; listed < count; listed++) {
      const next = `; ${this.violations[listed] as string}`;
      if (message.length + next.length + MORE_ROOM > MAX_MESSAGE) break;
      message += next;
    }
    if (listed < count) message += `; and ${count - listed} more`;
    throw new FeatureStoreError(code, message.slice(0, MAX_MESSAGE));
  }
}
