/**
 * The rows of a range in increasing order of a static value, one at a time, without scanning the
 * range: a segment tree answers "where is the smallest value in [l, r)" in O(log n), and a heap of
 * sub-ranges hands out the next smallest. Used to take the best few rows of a huge prefix range
 * (a one-letter query) in O(k log n).
 */
export class RangeMin {
  private readonly size: number;
  /** `tree[size + i] = i`; an inner node holds the index of its range's smallest value. */
  private readonly tree: Int32Array;

  constructor(private readonly values: Float64Array) {
    let size = 1;
    while (size < values.length) size *= 2;
    this.size = size;
    this.tree = new Int32Array(2 * size).fill(-1);
    for (let i = 0; i < values.length; i++) this.tree[size + i] = i;
    for (let n = size - 1; n >= 1; n--) this.tree[n] = this.better(this.tree[2 * n]!, this.tree[2 * n + 1]!);
  }

  private better(a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    return this.values[b]! < this.values[a]! ? b : a;
  }

  /** The index of the smallest value in `[l, r)`, or -1 when the range is empty. */
  argmin(l: number, r: number): number {
    let best = -1;
    for (let lo = l + this.size, hi = r + this.size; lo < hi; lo >>= 1, hi >>= 1) {
      if (lo & 1) best = this.better(best, this.tree[lo++]!);
      if (hi & 1) best = this.better(best, this.tree[--hi]!);
    }
    return best;
  }

  /**
   * Call `visit(i)` for the indexes of `[l, r)` in increasing order of value until it returns false.
   *
   * @example new RangeMin(Float64Array.of(3, 1, 2)).forEachAscending(0, 3, (i) => true) // visits 1, 2, 0
   */
  forEachAscending(l: number, r: number, visit: (index: number) => boolean): void {
    // A binary heap of ranges keyed by their smallest value: [index of min, l, r] triples.
    const heap: number[] = [];
    const push = (lo: number, hi: number): void => {
      if (lo >= hi) return;
      const at = this.argmin(lo, hi);
      heap.push(at, lo, hi);
      let c = heap.length / 3 - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!(this.values[heap[3 * c]!]! < this.values[heap[3 * p]!]!)) break;
        swap(heap, c, p);
        c = p;
      }
    };
    push(l, r);
    while (heap.length > 0) {
      const at = heap[0]!;
      const lo = heap[1]!;
      const hi = heap[2]!;
      const last = heap.length - 3;
      heap[0] = heap[last]!;
      heap[1] = heap[last + 1]!;
      heap[2] = heap[last + 2]!;
      heap.length = last;
      for (let p = 0, n = heap.length / 3; ; ) {
        const a = 2 * p + 1;
        const b = a + 1;
        let m = p;
        if (a < n && this.values[heap[3 * a]!]! < this.values[heap[3 * m]!]!) m = a;
        if (b < n && this.values[heap[3 * b]!]! < this.values[heap[3 * m]!]!) m = b;
        if (m === p) break;
        swap(heap, p, m);
        p = m;
      }
      if (!visit(at)) return;
      push(lo, at);
      push(at + 1, hi);
    }
  }
}

function swap(heap: number[], a: number, b: number): void {
  for (let k = 0; k < 3; k++) {
    const x = heap[3 * a + k]!;
    heap[3 * a + k] = heap[3 * b + k]!;
    heap[3 * b + k] = x;
  }
}
