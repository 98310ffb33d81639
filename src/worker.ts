// The worker entry point for scale-out deployments: the same code as main.ts with the worker role.
if (!process.argv.some((arg) => arg.startsWith('--role='))) {
  process.argv.push('--role=worker');
}
await import('./main.js');
