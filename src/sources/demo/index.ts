export * from './demo-post.types.js';
export { buildDemoCorpus, DEMO_DEFAULT_SEED, HOURLY_ACTIVITY } from './demo-corpus-builder.js';
export { planDemoReplay, takeDueDemoPosts, type DemoReplayOptions } from './demo-replay-planner.js';
export { DEMO_REGENCY, DEMO_DISTRICTS, DEMO_VILLAGES } from './samarinda-places.js';
