/**
 * One config, two projects: `unit` (npm test: everything offline, seconds to minutes) and `engine`
 * (npm run test:engine: the real Pulumi CLI, built by scripts/pulumi-cli.sh; each CLI command
 * starts the engine, a language host, ts-node and the provider host).
 */
const shared = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/tests/setup.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ["default", "<rootDir>/tests/summaryReporter.js"],
  projects: [
    {
      ...shared,
      displayName: "unit",
      roots: ["<rootDir>/tests"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/engine/"],
      // Spawned provider hosts and servers take a moment on a busy 2-core machine.
      testTimeout: 30000,
    },
    {
      ...shared,
      displayName: "engine",
      roots: ["<rootDir>/tests/engine"],
      testTimeout: 300000,
    },
  ],
};
