/**
 * Files the API serves: where a letter downloads from, and fetching a file to save it under the name the
 * server gives it. Plain links do for letters; a file that takes a while to build (the case file) is fetched,
 * so the page can say it is building and show a refusal in words rather than save the problem as a file.
 */
import { ProblemError, unwrap } from './client.ts';

/** Where a letter of a complaint downloads from, for staff or for the customer in the portal. */
export function letterHref(
  audience: 'staff' | 'portal',
  reference: string,
  id: string,
  format: 'pdf' | 'text' = 'pdf',
): string {
  const base = audience === 'portal' ? '/api/v1/portal/complaints' : '/api/v1/complaints';
  const path = `${base}/${encodeURIComponent(reference)}/letters/${encodeURIComponent(id)}`;
  return format === 'text' ? `${path}?format=text` : path;
}

/**
 * Where a file the customer sent downloads from: for staff any email attachment or upload by its id; for the
 * customer in the portal, their own upload on their complaint.
 */
export function attachmentHref(id: string, portalReference?: string): string {
  return portalReference === undefined
    ? `/api/v1/attachments/${encodeURIComponent(id)}`
    : `/api/v1/portal/complaints/${encodeURIComponent(portalReference)}/uploads/${encodeURIComponent(id)}`;
}

/** The file name a Content-Disposition header gives, preferring the UTF-8 `filename*` form. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed escape: the plain `filename` below is the server's ASCII version of the same name.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(disposition);
  return plain?.[1] ?? plain?.[2]?.trim() ?? null;
}

/** A file from the API and the name the server gives it; a refusal or no answer is a ProblemError. */
export async function fetchFile(href: string): Promise<{ blob: Blob; filename: string | null }> {
  const response = await unwrap(
    fetch(href, { credentials: 'same-origin' }).then(async (response) => ({
      response,
      data: response,
      error: response.ok ? undefined : await response.json().catch(() => undefined),
    })),
  );
  try {
    return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) };
  } catch {
    throw new ProblemError(0, {
      title: 'The download was cut off',
      detail: 'The connection dropped before the whole file arrived. Please try again.',
    });
  }
}

/** Hands a file to the browser to save, as a click on a download link would. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL only after click() returns, and revoking it first cancels the download;
  // waiting costs nothing but holding the bytes a little longer (FileSaver.js waits 40 s for the same reason).
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}
