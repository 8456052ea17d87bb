/** A test double for file downloads: records each download's name and content, revokes nothing for real. */
export interface DownloadSpy {
  /** Every download so far, in order. */
  readonly downloads: { fileName: string; content: Promise<string>; type: string }[];
  /** Object URLs created and not yet revoked. */
  readonly liveUrls: Set<string>;
  /** Puts the browser's own functions back. */
  restore(): void;
}

/**
 * Replaces `URL.createObjectURL`/`revokeObjectURL` and link clicks (jsdom has no downloads) so
 * that tests see what would have been saved and whether its object URL was revoked.
 */
export function spyOnDownloads(): DownloadSpy {
  const originalCreate = URL.createObjectURL;
  const originalRevoke = URL.revokeObjectURL;
  const originalClick = HTMLAnchorElement.prototype.click;
  const blobs = new Map<string, Blob>();
  const spy: DownloadSpy = {
    downloads: [],
    liveUrls: new Set(),
    restore: () => {
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
      HTMLAnchorElement.prototype.click = originalClick;
    },
  };
  let count = 0;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test/${++count}`;
    blobs.set(url, blob as Blob);
    spy.liveUrls.add(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    spy.liveUrls.delete(url);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) {
      spy.downloads.push({ fileName: this.download, content: blob.text(), type: blob.type });
    }
  };
  return spy;
}
