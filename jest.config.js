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
  // A global option (projects cannot set it): spawned provider hosts and servers take a moment on
  // a busy 2-core machine. The engine project raises it in its own setup file.
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      roots: ["<rootDir>/tests"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/engine/"],
    },
    {
      ...shared,
      displayName: "engine",
      roots: ["<rootDir>/tests/engine"],
      setupFilesAfterEnv: ["<rootDir>/tests/engine/helpers/timeout.ts"],
    },
  ],
};
