/**
 * The SDK's one switch for the EC2 instance metadata service (IMDS). Current `@smithy/core`
 * asks IMDS for a region when a client has none in its config, environment or shared config
 * file, and `defaultsMode: 'auto'` asks it for the machine's region at client construction:
 * a TCP connection to 169.254.169.254. While the emulator is installed, this variable is set,
 * so those lookups end at the SDK's own non-network sources; `restore()` puts it back.
 */
const IMDS_DISABLED = 'AWS_EC2_METADATA_DISABLED';

let holders = 0;
let previous: string | undefined;

/** Turns IMDS lookups off until every returned release has been called (nested holds count). */
export const disableInstanceMetadata = (): (() => void) => {
  if (holders++ === 0) {
    previous = process.env[IMDS_DISABLED];
    process.env[IMDS_DISABLED] = 'true';
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders > 0) return;
    if (previous === undefined) delete process.env[IMDS_DISABLED];
    else process.env[IMDS_DISABLED] = previous;
  };
};
