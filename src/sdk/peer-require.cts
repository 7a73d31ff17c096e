/**
 * The `require` of the module system that loaded this library. Peer SDK packages are
 * loaded through it so that the classes patched are the very ones the user's code
 * constructs: under jest that is jest's module registry, under native ESM or vitest
 * it is Node's loader, which shares its cache with `import` of the SDK's CJS build.
 * This file is `.cts` so both builds get a CommonJS module with a real `require`.
 */
export const peerRequire: NodeJS.Require = require;
