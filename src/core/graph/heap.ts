// A binary min-heap of (id, priority) pairs held in typed arrays, so A* allocates nothing per push.
// Same idea as mourner's flatqueue; duplicates are allowed (lazy deletion in the caller).

export class FlatHeap {
  private ids: Uint32Array;
  private priorities: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.ids = new Uint32Array(capacity);
    this.priorities = new Float64Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  push(id: number, priority: number): void {
    if (this.length === this.ids.length) this.grow();
    let pos = this.length++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const parentPriority = this.priorities[parent];
      if (priority >= parentPriority) break;
      this.ids[pos] = this.ids[parent];
      this.priorities[pos] = parentPriority;
      pos = parent;
    }
    this.ids[pos] = id;
    this.priorities[pos] = priority;
  }

  peekPriority(): number {
    return this.length > 0 ? this.priorities[0] : Infinity;
  }

  /** Removes and returns the id with the lowest priority; the caller checks `length` first. */
  pop(): number {
    const top = this.ids[0];
    const last = --this.length;
    if (last > 0) {
      const id = this.ids[last];
      const priority = this.priorities[last];
      let pos = 0;
      const half = last >> 1;
      while (pos < half) {
        let child = 2 * pos + 1;
        const right = child + 1;
        if (right < last && this.priorities[right] < this.priorities[child]) child = right;
        if (this.priorities[child] >= priority) break;
        this.ids[pos] = this.ids[child];
        this.priorities[pos] = this.priorities[child];
        pos = child;
      }
      this.ids[pos] = id;
      this.priorities[pos] = priority;
    }
    return top;
  }

  private grow(): void {
    const ids = new Uint32Array(this.ids.length * 2);
    ids.set(this.ids);
    const priorities = new Float64Array(this.priorities.length * 2);
    priorities.set(this.priorities);
    this.ids = ids;
    this.priorities = priorities;
  }
}
