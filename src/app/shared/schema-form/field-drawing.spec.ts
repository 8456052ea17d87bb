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
