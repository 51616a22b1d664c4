// The BRouter routing provider: fetches a leg from a BRouter server (in the worker) and turns
// failures into flagged straight legs, like the in-browser graph does when it finds no path.
import { brouterUrl, parseBrouterAnswer, type BrouterOptions } from '../core/routing/brouter';
import type { GeoError } from '../core/errors';
import { straightLeg, type Leg } from '../core/route/leg';

export type FetchText = (url: string, signal?: AbortSignal) => Promise<{ ok: boolean; status: number; text: () => Promise<string> }>;

/** A BRouter request that takes longer than this is abandoned (BRouter's own apps use 60 s for very long routes). */
export const BROUTER_TIMEOUT_MS = 20_000;

export async function brouterLeg(
  from: [number, number],
  to: [number, number],
  options: BrouterOptions,
  fetchText: FetchText = (url, signal) => fetch(url, { signal }),
): Promise<{ leg: Leg; error?: GeoError }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), BROUTER_TIMEOUT_MS);
  try {
    const res = await fetchText(brouterUrl(from, to, options), controller.signal);
    const text = await res.text();
    // BRouter answers errors as plain text with status 400/500, e.g. "target island detected for section 0"
    if (!res.ok) return { leg: straightLeg(from, to, 'network', 'no-path'), error: { code: 'routing.provider-refused', detail: { status: res.status, message: text.trim().slice(0, 200) } } };
    const parsed = parseBrouterAnswer(text);
    if (!parsed.ok) return { leg: straightLeg(from, to, 'network', 'no-path'), error: parsed.error };
    return { leg: { ...parsed.value, mode: 'network' } };
  } catch {
    return { leg: straightLeg(from, to, 'network', 'no-path'), error: { code: 'routing.provider-unreachable', detail: { url: options.baseUrl } } };
  } finally {
    clearTimeout(timer);
  }
}
