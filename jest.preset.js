// Shared Jest set-up: SWC transpiles TypeScript (types are checked by each project's
// `typecheck` target), Nx's resolver maps the @brigade/* path aliases.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swcConfig = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;

const tiers = {
  unit: { testMatch: ['**/*.spec.ts'], testTimeout: 10_000 },
  integration: {
    testMatch: ['**/*.integration-spec.ts', '**/*.component-spec.ts', '**/*.e2e-spec.ts'],
    testTimeout: 120_000,
    maxWorkers: 1,
  },
};

/** Jest config for one project and one test tier ('unit' or 'integration'). */
function projectConfig(projectDir, tier = 'unit') {
  const { name } = JSON.parse(readFileSync(join(projectDir, 'project.json'), 'utf8'));
  return {
    displayName: `${name}:${tier}`,
    rootDir: projectDir,
    testEnvironment: 'node',
    resolver: '@nx/jest/plugins/resolver',
    passWithNoTests: true,
    moduleFileExtensions: ['ts', 'js', 'json'],
    transform: { '^.+\\.(ts|js)$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
    // Node 20 loads these ES-module-only packages through require(esm); Jest's module system
    // cannot, so SWC turns them into CommonJS (content-disposition: @fastify/static, Swagger UI).
    transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
    reporters: ['default', join(__dirname, 'tools/jest/tally-reporter.js')],
    ...tiers[tier],
  };
}

module.exports = { projectConfig };
