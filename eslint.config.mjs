// One flat config for the whole workspace. Module boundaries are enforced here: apps never
// import each other, and the contracts library stays free of infrastructure.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/out-tsc/**',
      '**/node_modules/**',
      '**/coverage/**',
      '.nx/**',
      '.data/**',
      '**/cdk.out/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Each app sees only shared code; never another app.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:tooling'],
            },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:tooling'],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: [],
              // Contracts are shapes and names: DTO decorators yes, infrastructure no.
              bannedExternalImports: [
                'typeorm',
                '@nestjs/typeorm',
                '@aws-sdk/*',
                'pg',
                '@nestjs/core',
                '@nestjs/microservices',
                '@nestjs/platform-*',
                'nestjs-pino',
                'pino',
                'sqs-consumer',
              ],
            },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:contracts'] },
            // deploy/ec2: infrastructure follows the contracts (queue names); tests use tooling.
            {
              sourceTag: 'type:deploy',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:tooling'],
            },
            {
              sourceTag: 'type:tests',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:tooling'],
            },
            {
              sourceTag: 'scope:gateway',
              onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'],
            },
            {
              sourceTag: 'scope:catalog',
              onlyDependOnLibsWithTags: ['scope:catalog', 'scope:shared'],
            },
            { sourceTag: 'scope:stock', onlyDependOnLibsWithTags: ['scope:stock', 'scope:shared'] },
            {
              sourceTag: 'scope:notification',
              onlyDependOnLibsWithTags: ['scope:notification', 'scope:shared'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    // Production code never reaches into the local stack; only tests do.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts', 'libs/*/src/**/*.mts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@inventory/local-stack',
              message: 'The local stack is for tests and npm start only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
