// Whether a key press goes to a text field (which keeps its own undo, Delete, « ? »…) rather than
// to the page's shortcuts. A focused checkbox, radio, button, range or file input is not typing.
export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'range', 'file'].includes((el as HTMLInputElement).type);
}
