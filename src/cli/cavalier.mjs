#!/usr/bin/env node
// Entry point of the `cavalier` command: lets node load the TypeScript sources through tsx.
// main.ts is imported dynamically so that it loads after the loader is registered.
import { register } from 'tsx/esm/api';

// `cavalier gpx big.gpx | head` closes the pipe early: that is the reader's choice, not an error
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
