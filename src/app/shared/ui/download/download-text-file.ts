/**
 * Offers text as a file download: a Blob behind a temporary link that is clicked, removed and
 * whose object URL is revoked at once, so the content stays reachable for no longer than the click.
 */
export function downloadTextFile(document: Document, fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    URL.revokeObjectURL(url);
  }
}
