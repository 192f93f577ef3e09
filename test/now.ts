/**
 * The moment tests take for "now" unless a test gives its own: what depends on today
 * (calendar-ahead, future-time, the default --as-of) stays the same whatever day the tests run.
 */
export const TEST_NOW = '2026-10-31T12:00:00+08:00';
export const TEST_NOW_MS = Date.parse(TEST_NOW);
