// Each CLI command starts the engine, a language host, ts-node and the provider host: minutes, not
// the unit project's 30 s (jest's testTimeout is global, so the engine project sets its own here).
jest.setTimeout(300_000);
