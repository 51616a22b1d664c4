// The worker's side of the page's death watch (see superviseEngine in client.ts): the worker
// holds a Web Lock named after itself for as long as it lives, and says so once it holds it (the
// page must queue for the lock after that, or it would be granted it at once).
export const LIFE_MESSAGE = 'cavalier-engine-alive';

export function holdLifeLock(scope: { name: string; navigator: { locks?: LockManager }; postMessage(m: unknown): void }): void {
  const { name } = scope;
  if (!name || !scope.navigator.locks) return;
  void scope.navigator.locks.request(name, () => {
    scope.postMessage({ type: LIFE_MESSAGE, name });
    // never settles: the lock is released only when the worker ends
    return new Promise<never>(() => {});
  });
}
