// Lint rules, including the process boundaries of the house plan (architecture.md, rule 10):
// renderer/ and shared/ never touch Node or Electron, electron/core/ never imports 'electron',
// only electron/main/ touches ipcMain and only electron/preload/ touches ipcRenderer.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronBan = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron (architecture.md rule 10).',
};
const nodeBan = {
  group: ['node:*'],
  message: 'Browser and shared code must not use Node built-ins.',
};
const sdkBan = {
  group: ['@aws-sdk/*', '@napi-rs/*'],
  message: 'AWS SDK clients and the keychain live in electron/core.',
};
const reactBan = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
  message: 'React belongs to renderer/.',
};
const intoCore = {
  group: ['**/electron/*', '**/electron/**'],
  message: 'The renderer reaches the core only through the preload API.',
};

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] } },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            reactBan,
            {
              group: ['**/main/*', '**/preload/*'],
              message: 'core and cli never depend on the Electron shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [electronBan], patterns: [nodeBan, sdkBan, reactBan, intoCore] },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [electronBan], patterns: [nodeBan, sdkBan, intoCore] },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='ipcRenderer']",
          message: 'ipcRenderer belongs to the preload script.',
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='ipcMain']",
          message: 'ipcMain belongs to the main process.',
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/*', '**/core/**', '@aws-sdk/*', '@napi-rs/*'],
              message: 'The preload script stays tiny: no core, no SDK.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/core/**/*.ts',
      'electron/cli/**/*.ts',
      'shared/**/*.ts',
      'renderer/**/*.ts',
      'renderer/**/*.tsx',
    ],
    ignores: ['electron/main/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]',
          message: 'IPC lives in electron/main and electron/preload only.',
        },
      ],
    },
  },
);
