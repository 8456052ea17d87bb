/**
 * An IntersectionObserver that tests drive: it reports nothing in view until `report` says which
 * observed elements are. Stub it with `vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)`.
 */
export class FakeIntersectionObserver {
  /** The observer created last. */
  static latest: FakeIntersectionObserver | undefined;
  /** The elements observed now. */
  readonly observed = new Set<Element>();

  constructor(private readonly callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
    FakeIntersectionObserver.latest = this;
  }

  observe(element: Element): void {
    this.observed.add(element);
  }

  unobserve(element: Element): void {
    this.observed.delete(element);
  }

  disconnect(): void {
    this.observed.clear();
  }

  /** Reports every observed element, in view if it is among `inView`. */
  report(inView: readonly Element[]): void {
    this.callback([...this.observed].map((target) => ({ target, isIntersecting: inView.includes(target) })));
  }
}
