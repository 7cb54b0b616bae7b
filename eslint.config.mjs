// ESLint for correctness, not style (Prettier formats). The core boundary is enforced here:
// server/src/core may not import vscode, the language server, or Node's I/O modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIo = ['fs', 'net', 'child_process', 'http', 'https', 'os', 'dgram', 'tls', 'worker_threads', 'cluster'];
const forbiddenInCore = [
  'vscode',
  'vscode-languageserver',
  'vscode-languageserver/node',
  'vscode-languageclient',
  'vscode-languageclient/node',
  ...nodeIo,
  ...nodeIo.map((m) => `node:${m}`),
  'fs/promises',
  'node:fs/promises',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.e2e/**', 'examples/**', 'test/fixtures/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'describe', 'it', 'suite'], package: 'node:test' }] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The extension client imports CommonJS modules (vscode, Node's) with `import x = require()`:
    // esbuild then emits a plain require(), where `import * as` copies every export of the module
    // into a new object in each importing file, a cost activation pays (see ARCHITECTURE.md).
    files: ['client/src/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }] },
  },
  {
    // CommonJS entry points (the `containment` bin) load the bundle with require().
    files: ['bin/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false },
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenInCore.map((name) => ({
            name,
            message: 'server/src/core is pure: text in, findings out. Do I/O in server/src/lsp, engine or cli.',
          })),
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
);
