import { TestBed } from '@angular/core/testing';

import { Markdown } from './markdown';

function rendered(source: string): HTMLElement {
  const fixture = TestBed.createComponent(Markdown);
  fixture.componentRef.setInput('source', source);
  fixture.detectChanges();
  return fixture.nativeElement.querySelector('.mp-markdown__content');
}

describe('Markdown', () => {
  it('shows a line of plain words as the paragraph markdown would make of it', () => {
    const text = `Size in GB (1-100), e.g. 10; it's "large"`;
    const content = rendered(text);
    expect(content.children).toHaveLength(1);
    expect(content.firstElementChild!.tagName).toBe('P');
    expect(content.textContent).toBe(text);
  });

  it('renders markdown and leaves no markup of the broker in plain words', () => {
    expect(
      rendered('Use *bold* and [docs](https://docs.example.com)').querySelector('em, a[target="_blank"]'),
    ).not.toBeNull();
    const content = rendered('Hello <img src=x onerror=alert(1)> there');
    expect(content.querySelector('img[onerror]')).toBeNull();
  });
});
