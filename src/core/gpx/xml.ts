// XML parsing with @xmldom/xmldom: browsers' DOMParser does not exist in Web Workers, and the
// CLI runs in node. xmldom by default recovers from errors and returns a partial document;
// a truncated GPX would then silently lose its end, so every error is fatal here.

import { DOMParser } from '@xmldom/xmldom';
import { fail, ok, type Result } from '../errors';
import type { XmlDocument } from './dom';
import { declaresEntities } from './xml-guard';

export function parseXmlWithXmldom(text: string): Result<XmlDocument> {
  if (declaresEntities(text)) return fail('file.xml-entities');
  let line: number | undefined;
  try {
    const parser = new DOMParser({
      onError: (level, message, context) => {
        if (level === 'warning') return;
        line = locatorLine(context);
        // thrown errors are turned into a ParseError by xmldom, which stops parsing
        throw new Error(message);
      },
    });
    const doc = parser.parseFromString(text, 'text/xml');
    if (!doc.documentElement) return fail('file.not-xml');
    return ok(doc);
  } catch (e) {
    line ??= locatorLine(e);
    return line !== undefined ? fail('file.not-xml', { line }) : fail('file.not-xml');
  }
}

/** xmldom hands its locator to onError and puts it on ParseError; neither is typed usefully. */
function locatorLine(source: unknown): number | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const locator: unknown = (source as { locator?: unknown }).locator;
  if (typeof locator !== 'object' || locator === null) return undefined;
  const n: unknown = (locator as { lineNumber?: unknown }).lineNumber;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
