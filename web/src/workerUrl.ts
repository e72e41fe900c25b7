const urls = new Map<string, string>();

/**
 * A worker's code sits in the page as an inert `<script type="text/plain" id="worker-<id>">` block; a Blob URL of it
 * starts the worker from any origin, file:// included, under the CSP's worker-src blob:.
 */
export function workerUrl(id: string): string {
  let url = urls.get(id);
  if (!url) {
    const code = document.getElementById(`worker-${id}`)?.textContent;
    if (!code) throw new Error(`worker ${id} is missing from the page`);
    url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    urls.set(id, url);
  }
  return url;
}
