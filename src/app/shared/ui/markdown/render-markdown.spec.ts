import { renderMarkdown } from './render-markdown';

function render(source: string, imageHosts: readonly string[] = []): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(source, imageHosts);
  return container;
}

describe('renderMarkdown', () => {
  it('renders markdown', () => {
    const html = render('# Managed PostgreSQL\n\n- **Backups** daily\n- Point-in-time recovery');
    expect(html.querySelector('h3')?.textContent).toBe('Managed PostgreSQL');
    expect(html.querySelectorAll('li')).toHaveLength(2);
    expect(html.querySelector('strong')?.textContent).toBe('Backups');
  });

  it('places headings below the enclosing section heading', () => {
    const fromTop = render('# One\n\n## Two\n\n###### Six');
    expect(Array.from(fromTop.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) => h.tagName)).toEqual([
      'H3',
      'H4',
      'H6',
    ]);
    const fromSecond = render('## Two\n\n### Three');
    expect(Array.from(fromSecond.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) => h.tagName)).toEqual(['H3', 'H4']);
  });

  it('removes script tags', () => {
    const html = render('Hello <script>alert(1)</script> world');
    expect(html.querySelector('script')).toBeNull();
    expect(html.innerHTML).not.toContain('alert(1)');
  });

  it('removes event handler attributes', () => {
    const html = render(
      '<img src="https://example.com/x.png" onerror="alert(1)"> <a href="https://example.com" onclick="alert(2)">x</a>',
      ['example.com'],
    );
    expect(html.innerHTML).not.toContain('onerror');
    expect(html.innerHTML).not.toContain('onclick');
    expect(html.querySelector('img')?.getAttribute('src')).toBe('https://example.com/x.png');
  });

  it('removes javascript: and other unsafe links', () => {
    const html = render(
      '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) <a href="JAVASCRIPT:alert(1)">raw</a>',
    );
    for (const link of Array.from(html.querySelectorAll('a'))) {
      expect(link.hasAttribute('href')).toBe(false);
    }
    expect(html.innerHTML.toLowerCase()).not.toContain('javascript:');
  });

  it('opens safe links in a new tab without opener or referrer', () => {
    const html = render('[docs](https://docs.example.com) and [mail](mailto:team@example.com)');
    const [docs, mail] = Array.from(html.querySelectorAll('a'));
    expect(docs.getAttribute('href')).toBe('https://docs.example.com');
    expect(docs.getAttribute('target')).toBe('_blank');
    expect(docs.getAttribute('rel')).toBe('noopener noreferrer');
    expect(mail.getAttribute('href')).toBe('mailto:team@example.com');
  });

  it('removes styles, frames and forms', () => {
    const html = render(
      '<style>body{display:none}</style><iframe src="https://evil.example"></iframe><form><input></form><p style="color:red">x</p>',
    );
    expect(html.querySelector('style, iframe, form, input')).toBeNull();
    expect(html.querySelector('p')?.hasAttribute('style')).toBe(false);
  });
});

describe('renderMarkdown of plain text', () => {
  it('gives the paragraph markdown would make of one line of plain words', () => {
    for (const text of ['What field 1 sets', 'Size in GB (1-100), e.g. 10.', `It's "large"; really?`]) {
      expect(renderMarkdown(text)).toBe(`<p>${text}</p>\n`);
      // The same as the full rendering (a trailing line break takes the full path and changes nothing).
      expect(renderMarkdown(text)).toBe(renderMarkdown(`${text}\n`));
    }
  });

  it('renders anything that may hold markdown in full', () => {
    expect(render('1. First').querySelector('ol')).not.toBeNull();
    expect(render('- item').querySelector('ul')).not.toBeNull();
    expect(render('see www.example.com').querySelector('a')).not.toBeNull();
    expect(render('mail ops@example.com').querySelector('a')).not.toBeNull();
    expect(render('Use *bold*').querySelector('em')).not.toBeNull();
    expect(render('a &lt; b').textContent).toBe('a < b\n');
    expect(render('Hello <b>x</b>').querySelector('b')).not.toBeNull();
  });

  it('keeps images from allowed hosts and data URLs, and shows any other image as its alternative text', () => {
    const html = render(
      [
        '![Architecture](https://cdn.example.com/arch.png) ![Tracker](https://tracker.example.org/pixel.gif)',
        '![Logo](data:image/png;base64,iVBORw0KGgo=) [![Badge](https://tracker.example.org/b.svg)](https://docs.example.com)',
        '<img src="https://tracker.example.org/raw.png" alt="Raw"> <img src="https://cdn.example.com/s.png" srcset="https://tracker.example.org/2x.png 2x">',
        '<video src="https://tracker.example.org/v.mp4" poster="https://tracker.example.org/p.png"></video>',
        '<table background="https://tracker.example.org/bg.png"><tr><td>cell</td></tr></table>',
      ].join('\n\n'),
      ['cdn.example.com'],
    );
    expect(Array.from(html.querySelectorAll('img'), (image) => image.getAttribute('src'))).toEqual([
      'https://cdn.example.com/arch.png',
      'data:image/png;base64,iVBORw0KGgo=',
      'https://cdn.example.com/s.png',
    ]);
    expect(html.innerHTML).not.toContain('tracker.example.org');
    expect(html.textContent).toContain('Tracker');
    expect(html.textContent).toContain('Raw');
    const badgeLink = html.querySelector('a');
    expect(badgeLink?.getAttribute('href')).toBe('https://docs.example.com');
    expect(badgeLink?.textContent).toBe('Badge');
  });

  it('allows no image host but its own origin by default', () => {
    const own = `${location.origin}/icons/db.png`;
    const html = render(`![Own](${own}) ![Other](https://cdn.example.com/arch.png)`);
    expect(Array.from(html.querySelectorAll('img'), (image) => image.getAttribute('src'))).toEqual([own]);
    expect(html.textContent).toContain('Other');
  });
});
