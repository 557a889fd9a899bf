/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  // The real-engine suite runs apart, with its own config: npm run test:engine.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/engine/"],
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/tests/setup.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // Spawned provider hosts and servers take a moment on a busy 2-core machine.
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/tests/summaryReporter.js"],
};
