import fs from 'node:fs';
import type { AnyCollection } from '../../data/steps/geo.ts';

export function fixture(name: string): AnyCollection {
  return JSON.parse(fs.readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8')) as AnyCollection;
}
