// The worker is nothing but the engine exposed through comlink.
import { expose } from 'comlink';
import { createEngine } from './engine';

expose(createEngine());
