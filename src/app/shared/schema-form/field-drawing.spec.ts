import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EAGER_FIELD_LIMIT, FieldDrawing, countFields } from './field-drawing';
import { FakeIntersectionObserver } from './testing/fake-intersection-observer';

describe('FieldDrawing', () => {
  let drawing: FieldDrawing;
  const fields = Array.from({ length: 40 }, () => document.createElement('div'));

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 16));
    drawing = TestBed.runInInjectionContext(() => new FieldDrawing());
  });

  afterEach(() => {
    drawing.ngOnDestroy();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  function registerAll(): ReturnType<typeof vi.fn>[] {
    return fields.map((field) => {
      const draw = vi.fn();
      drawing.register(field, draw);
      return draw;
    });
  }

  it('draws every field of a small form at once', () => {
    drawing.setFieldCount(EAGER_FIELD_LIMIT);
    const draws = registerAll();
    expect(draws.every((draw) => draw.mock.calls.length === 1)).toBe(true);
  });

  it('draws every field at once where the browser cannot tell what is in view', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    drawing.setFieldCount(fields.length);
    expect(registerAll().every((draw) => draw.mock.calls.length === 1)).toBe(true);
  });

  it('draws the fields in view of a large form first, then the others a few per frame in form order', () => {
    drawing.setFieldCount(fields.length);
    const draws = registerAll();
    expect(draws.some((draw) => draw.mock.calls.length > 0)).toBe(false);

    FakeIntersectionObserver.latest!.report([fields[0]!, fields[1]!]);
    expect(draws.map((draw) => draw.mock.calls.length).slice(0, 4)).toEqual([1, 1, 0, 0]);

    vi.advanceTimersByTime(20);
    const drawn = draws.map((draw) => draw.mock.calls.length);
    expect(drawn.slice(2, 10)).toEqual(Array(8).fill(1));
    expect(drawn.slice(10).every((count) => count === 0)).toBe(true);

    vi.advanceTimersByTime(20 * fields.length);
    expect(draws.every((draw) => draw.mock.calls.length === 1)).toBe(true);
    expect(FakeIntersectionObserver.latest!.observed.size).toBe(0);
  });

  it('draws the fields in the viewport of a large form before the first frame is painted', () => {
    // 40 fields of 92 pixels one below the other, the form starting 100 pixels down the page.
    fields.forEach((field, index) => {
      const top = 100 + index * 92;
      field.getBoundingClientRect = () => ({ top, bottom: top + 92 }) as DOMRect;
    });
    drawing.setFieldCount(fields.length);
    const draws = registerAll();
    expect(draws.some((draw) => draw.mock.calls.length > 0)).toBe(false);

    TestBed.inject(ApplicationRef).tick();
    const inViewport = Math.ceil((window.innerHeight - 100) / 92);
    const drawn = draws.map((draw) => draw.mock.calls.length);
    expect(drawn.slice(0, inViewport)).toEqual(Array(inViewport).fill(1));
    expect(drawn.slice(inViewport).every((count) => count === 0)).toBe(true);
  });

  it('draws the fields in view of a nested object that registers before the fields above it, in page order', () => {
    // A field above a nested object's fields registers after them, as a nested object's view is done first.
    const page = document.createElement('div');
    page.append(...fields);
    document.body.append(page);
    fields.forEach((field, index) => {
      const top = index * 92;
      field.getBoundingClientRect = () => ({ top, bottom: top + 92 }) as DOMRect;
    });
    drawing.setFieldCount(fields.length);
    const order = [...fields.slice(1), fields[0]!];
    const draws = new Map(order.map((field) => [field, vi.fn()]));
    order.forEach((field) => drawing.register(field, draws.get(field)!));

    TestBed.inject(ApplicationRef).tick();
    const inViewport = Math.ceil(window.innerHeight / 92);
    const drawn = fields.map((field) => draws.get(field)!.mock.calls.length);
    expect(drawn.slice(0, inViewport)).toEqual(Array(inViewport).fill(1));
    expect(drawn.slice(inViewport).every((count) => count === 0)).toBe(true);
    page.remove();
  });

  it('tells which fields will be in view from where the form starts, before they are laid out', () => {
    const start = document.createElement('div');
    start.getClientRects = () => [{ top: -50 }] as unknown as DOMRectList;
    drawing.setFieldCount(fields.length);
    const heights = [40, 72, ...Array<number>(40).fill(100)];
    const inView = drawing.fieldsInView(start, heights);
    // The first field ends above the viewport; the others fill it down to its bottom.
    const below = 2 + Math.ceil((window.innerHeight + 50 - 112) / 100);
    expect(inView.slice(0, below)).toEqual([false, ...Array<boolean>(below - 1).fill(true)]);
    expect(inView.slice(below).some(Boolean)).toBe(false);

    // A field of unknown height (a nested object) ends what can be told.
    expect(drawing.fieldsInView(start, [40, 72, undefined, 100])).toEqual([false, true, false, false]);
    // A form that is not rendered (a hidden step) has nothing in view.
    expect(drawing.fieldsInView(document.createElement('div'), [72, 72])).toEqual([false, false]);

    drawing.setFieldCount(EAGER_FIELD_LIMIT);
    expect(drawing.fieldsInView(start, [72, undefined])).toEqual([true, true]);
  });

  it('draws a waiting field at once when asked (it got the focus), and only once', () => {
    drawing.setFieldCount(fields.length);
    const draws = registerAll();
    drawing.drawNow(fields[30]!);
    drawing.drawNow(fields[30]!);
    expect(draws[30]).toHaveBeenCalledTimes(1);
    expect(draws[29]).not.toHaveBeenCalled();
  });

  it('forgets fields destroyed before they were drawn', () => {
    drawing.setFieldCount(fields.length);
    const draws = registerAll();
    fields.forEach((field) => drawing.unregister(field));
    FakeIntersectionObserver.latest!.report(fields);
    vi.advanceTimersByTime(1000);
    expect(draws.some((draw) => draw.mock.calls.length > 0)).toBe(false);
  });
});

describe('countFields', () => {
  it('counts the properties at any depth', () => {
    expect(
      countFields({
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'object', properties: { c: {}, d: {} } } },
      }),
    ).toBe(4);
    expect(countFields({ type: 'string' })).toBe(0);
  });
});
