// Entity declarations have no business in a GPX or KML file and are the vehicle of two attacks:
// exponential expansion ("billion laughs") and external entities reading local files (XXE).
// Some parsers expand them (browsers' DOMParser, libxml2 with options), so we refuse them
// before any parser sees the text. XML keywords are case-sensitive: "<!doctype" declares nothing.

/** True when a DOCTYPE is present and an entity is declared after it. */
export function declaresEntities(text: string): boolean {
  const start = text.indexOf('<!DOCTYPE');
  return start >= 0 && text.indexOf('<!ENTITY', start) >= 0;
}
