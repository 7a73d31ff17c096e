import { featureGroupKey, type CallTarget } from '../core/index.js';

/** One HTTP exchange of a call with the emulator; the SDK retries make more than one. */
export interface RecordedAttempt {
  /** When the emulator received it, on the emulator's clock. */
  readonly receivedAt: Date;
  readonly statusCode: number;
  /** The error code answered (`x-amzn-errortype`), if any. */
  readonly errorCode: string | undefined;
  /** Faults that shaped this answer, e.g. `ThrottlingException on PutRecord customers`. */
  readonly faults: readonly string[];
  /** Injected latency of the answer, in ms of the emulator's clock. */
  readonly delayMs: number;
}

/** A command a client sent while the emulator was installed, as the SDK saw it. */
export interface RecordedCall {
  /** `PutRecord`: the command name without `Command`. */
  readonly operation: string;
  readonly commandName: string;
  readonly clientName: string;
  /** The client's region (the emulator's default when the client has none). */
  readonly region: string | undefined;
  /** The command's input, as passed to the command. */
  readonly input: Readonly<Record<string, unknown>>;
  /** The first feature group the input names (as given: name or ARN). */
  readonly featureGroupName: string | undefined;
  /** Every feature group and record identifier the input names; one per entry for batches. */
  readonly targets: readonly CallTarget[];
  readonly recordIdentifiers: readonly string[];
  readonly status: 'pending' | 'succeeded' | 'failed';
  /** What `send` resolved with, `$metadata` included. */
  readonly output: Readonly<Record<string, unknown>> | undefined;
  /** What `send` rejected with: the SDK's own exception. */
  readonly error: Error | undefined;
  readonly startedAt: Date;
  readonly finishedAt: Date | undefined;
  /** Emulator-clock time from send to settle: includes injected delays and retry back-off under real timers. */
  readonly durationMs: number | undefined;
  readonly attempts: readonly RecordedAttempt[];
}

/** Something that names a command: `'PutRecord'`, `'PutRecordCommand'` or the class `PutRecordCommand`. */
export type CommandRef = string | { readonly name: string };

export interface CallFilter {
  /** Feature group name or ARN (case-insensitive). */
  readonly featureGroup?: string;
  readonly recordIdentifier?: string;
}

export const operationOf = (command: CommandRef): string => {
  const name = typeof command === 'string' ? command : command.name;
  return name.endsWith('Command') ? name.slice(0, -'Command'.length) : name;
};

/** The mutable record behind a RecordedCall; only the plugin's observer writes to it. */
export class CallRecord implements RecordedCall {
  status: RecordedCall['status'] = 'pending';
  output: Readonly<Record<string, unknown>> | undefined;
  error: Error | undefined;
  finishedAt: Date | undefined;
  durationMs: number | undefined;
  readonly attempts: RecordedAttempt[] = [];
  readonly operation: string;
  readonly recordIdentifiers: readonly string[];

  constructor(
    readonly commandName: string,
    readonly clientName: string,
    readonly region: string | undefined,
    readonly input: Readonly<Record<string, unknown>>,
    readonly targets: readonly CallTarget[],
    readonly startedAt: Date,
    private readonly now: () => number,
  ) {
    this.operation = operationOf(commandName);
    this.recordIdentifiers = [
      ...new Set(targets.flatMap((target) => (target.recordIdentifier === undefined ? [] : [target.recordIdentifier]))),
    ];
  }

  get featureGroupName(): string | undefined {
    return this.targets[0]?.featureGroupName;
  }

  /** Called by the plugin when `send` settles. */
  settled(outcome: { output?: unknown; error?: unknown }): void {
    const finished = this.now();
    this.finishedAt = new Date(finished);
    this.durationMs = finished - this.startedAt.getTime();
    if (outcome.error !== undefined) {
      this.status = 'failed';
      this.error = outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
    } else {
      this.status = 'succeeded';
      this.output = outcome.output as Readonly<Record<string, unknown>>;
    }
  }

  matches(filter: CallFilter): boolean {
    const group = filter.featureGroup === undefined ? undefined : featureGroupKey(filter.featureGroup);
    if (group === undefined && filter.recordIdentifier === undefined) return true;
    return this.targets.some(
      (target) =>
        (group === undefined || featureGroupKey(target.featureGroupName) === group) &&
        (filter.recordIdentifier === undefined || target.recordIdentifier === filter.recordIdentifier),
    );
  }
}

/** Every command the emulator intercepted since the last reset, in the order they were sent. */
export class CallHistory {
  private records: CallRecord[] = [];

  add(record: CallRecord): void {
    this.records.push(record);
  }

  all(): RecordedCall[] {
    return [...this.records];
  }

  /** Calls of one command, optionally only those naming a feature group and record. */
  ofCommand(command: CommandRef, filter: CallFilter = {}): RecordedCall[] {
    const operation = operationOf(command);
    return this.records.filter((record) => record.operation === operation && record.matches(filter));
  }

  clear(): void {
    this.records = [];
  }
}
