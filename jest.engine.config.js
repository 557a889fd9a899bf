/** @type {import('jest').Config} */
// The engine suite (`npm run test:engine`): the real Pulumi CLI, built by scripts/pulumi-cli.sh,
// driving the example stack, an installed copy of the package and the policy pack.
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/engine"],
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/tests/setup.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // Each CLI command starts the engine, the language host, ts-node and the provider host.
  testTimeout: 300000,
  reporters: ["default", "<rootDir>/tests/summaryReporter.js"],
};
