// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Which folder may import which (../shared/design.md "Rooms"), enforced rather than hoped for. */
const rooms = [
  {
    files: ['src/core/**/*.ts'],
    message: 'src/core is the pure emulator: it imports only src/core (no SDK, Node, jest, or other folders).',
    patterns: [
      '../wire/*',
      '../sdk/*',
      '../jest/*',
      '../vitest/*',
      '../server/*',
      '../../*',
      'node:*',
      '@aws-sdk/*',
      '@smithy/*',
      'jest',
      'vitest',
      '@jest/*',
    ],
  },
  {
    files: ['src/wire/**/*.ts'],
    message: 'src/wire holds the protocol codecs: it imports only src/core and itself.',
    patterns: ['../sdk/*', '../jest/*', '../vitest/*', '../server/*', 'node:*', '@aws-sdk/*', '@smithy/*'],
  },
  {
    files: ['src/server/**/*.ts'],
    message: 'src/server is node:http around the wire codec: no SDK, no test runner.',
    patterns: ['../sdk/*', '../jest/*', '../vitest/*', '@aws-sdk/*', '@smithy/*'],
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        globalThis: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  ...rooms.map(({ files, message, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
  })),
  {
    files: ['**/*.cjs', '**/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
