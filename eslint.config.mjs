// One flat config for the whole workspace. Module boundaries are enforced here: apps never
// import each other, and the contracts library stays free of infrastructure.
import { dirname, relative, resolve, sep } from 'node:path';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The console's layout rule: a feature (apps/web/src/features/<name>/) imports only itself
 * and shared code, never another feature; shared code imports no feature and not the app.
 * Features are composed in apps/web/src/app (router, nav).
 */
const consoleLayout = {
  rules: {
    'feature-isolation': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const src = resolve(import.meta.dirname, 'apps/web/src');
        const area = (file) => {
          const parts = relative(src, file).split(sep);
          if (parts[0] === 'features') return `features/${parts[1]}`;
          return parts[0];
        };
        const from = area(context.filename);
        return {
          ImportDeclaration(node) {
            const specifier = node.source.value;
            if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
            const target = area(resolve(dirname(context.filename), specifier));
            const crossFeature =
              from.startsWith('features/') && target.startsWith('features/') && target !== from;
            const sharedUp =
              from === 'shared' && (target === 'app' || target.startsWith('features/'));
            if (crossFeature || sharedUp) {
              context.report({
                node: node.source,
                message: `${from} may not import ${target}: compose features in src/app, share through src/shared`,
              });
            }
          },
        };
      },
    },
  },
};

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
      'apps/web-e2e/test-results/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.tsx'],
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
            // The console talks to the API through the generated client and nothing else.
            {
              sourceTag: 'type:web',
              onlyDependOnLibsWithTags: ['type:api-client'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', '@aws-sdk/*', 'node:*'],
            },
            { sourceTag: 'type:api-client', onlyDependOnLibsWithTags: [] },
            // Console end-to-end tests start the real system with the local stack.
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:tooling', 'type:contracts', 'type:api-client'],
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
            },
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
    ignores: ['**/*.spec.ts', 'apps/web-e2e/**'],
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
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'console-layout': consoleLayout },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'console-layout/feature-isolation': 'error',
      // Route files export their route objects next to small page components.
      'react-hooks/rules-of-hooks': 'error',
    },
  },
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
