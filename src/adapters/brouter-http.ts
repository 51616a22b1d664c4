// The BRouter routing provider: asks a BRouter server for a leg (in the worker), through the HTTP
// adapter, and turns failures into flagged straight legs, like the in-browser graph does when it
// finds no path.
import { brouterUrl, parseBrouterAnswer, type BrouterOptions } from '../core/routing/brouter';
import type { GeoError, Result } from '../core/errors';
import { straightLeg, type Leg } from '../core/route/leg';
import { httpGet, type HttpOptions } from './http';

/** How the text of an answer is asked for: the HTTP adapter, or a stand-in in tests. */
export type GetText = (url: string, options: Omit<HttpOptions<'text'>, 'as'>) => Promise<Result<string>>;

/** A BRouter request that takes longer than this is abandoned (BRouter's own apps use 60 s for very long routes). */
const BROUTER_TIMEOUT_MS = 20_000;

export async function brouterLeg(
  from: [number, number],
  to: [number, number],
  options: BrouterOptions,
  getText: GetText = (url, o) => httpGet(url, { ...o, as: 'text' }),
  signal?: AbortSignal,
): Promise<{ leg: Leg; error?: GeoError }> {
  const straight = () => straightLeg(from, to, 'network', 'no-path');
  const res = await getText(brouterUrl(from, to, options), { timeoutMs: BROUTER_TIMEOUT_MS, signal });
  if (!res.ok) {
    const e = res.error;
    // BRouter answers errors as plain text with status 400/500, e.g. "target island detected for section 0"
    if (e.code === 'http.status' || e.code === 'http.rate-limited') {
      const message = e.detail?.body;
      return {
        leg: straight(),
        error: { code: 'routing.provider-refused', detail: { status: e.detail?.status ?? 0, ...(message !== undefined ? { message } : {}) } },
      };
    }
    return { leg: straight(), error: { code: 'routing.provider-unreachable', detail: { url: options.baseUrl } } };
  }
  const parsed = parseBrouterAnswer(res.value);
  if (!parsed.ok) return { leg: straight(), error: parsed.error };
  return { leg: { ...parsed.value, mode: 'network' } };
}
