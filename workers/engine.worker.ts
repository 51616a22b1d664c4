// The worker is nothing but the engine exposed through comlink, plus the lock that lets the page
// see it die (life.ts).
import { expose } from 'comlink';
import { createEngine } from './engine';
import { holdLifeLock } from './life';

expose(createEngine());
holdLifeLock(self as unknown as Parameters<typeof holdLifeLock>[0]);
