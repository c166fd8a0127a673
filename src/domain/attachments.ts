/**
 * Which files Redress keeps, whether they came with an email or were uploaded by the customer in the portal:
 * the types, their file-name extensions, and the limits. One table for both doors, so a file refused by one
 * is refused by the other. Pure data and checks, no dependencies: the web app imports it to check a file
 * before sending it. What the bytes really are is decided in `sniff-attachment.ts`.
 */

/** Each file kept is at most this big. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** At most this many files are kept from one message or one upload. */
export const MAX_ATTACHMENTS = 20;

export interface AttachmentKind {
  /** The content type it is stored and served as. */
  type: string;
  /** Other names of the same type that senders use. */
  aliases?: readonly string[];
  /** File-name extensions, lower case, without the dot. */
  extensions: readonly string[];
  /**
   * What a content sniffer may say the bytes are (`file-type`'s MIME types); `text` for types no magic number
   * identifies (they must read as text instead).
   */
  sniffed: readonly string[] | 'text';
  /** In words, for the customer ("a PNG image"). */
  words: string;
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';
// Office files that some programs write without the markers file-type looks for are still ZIP or OLE2
// containers: accepted as what their type and extension claim, never as anything executable.
const CFB = ['application/x-cfb'];

export const ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  {
    type: 'application/pdf',
    aliases: ['application/x-pdf'],
    extensions: ['pdf'],
    sniffed: ['application/pdf'],
    words: 'a PDF',
  },
  { type: 'image/png', extensions: ['png'], sniffed: ['image/png', 'image/apng'], words: 'a PNG image' },
  {
    type: 'image/jpeg',
    aliases: ['image/jpg', 'image/pjpeg'],
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
    sniffed: ['image/jpeg'],
    words: 'a JPEG image',
  },
  { type: 'image/gif', extensions: ['gif'], sniffed: ['image/gif'], words: 'a GIF image' },
  { type: 'image/webp', extensions: ['webp'], sniffed: ['image/webp'], words: 'a WebP image' },
  {
    type: 'image/heic',
    aliases: ['image/heif', 'image/heic-sequence', 'image/heif-sequence'],
    extensions: ['heic', 'heif'],
    sniffed: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
    words: 'a HEIC photo',
  },
  { type: 'image/tiff', extensions: ['tif', 'tiff'], sniffed: ['image/tiff'], words: 'a TIFF image' },
  { type: 'image/bmp', extensions: ['bmp'], sniffed: ['image/bmp'], words: 'a BMP image' },
  { type: 'text/plain', extensions: ['txt', 'text', 'log'], sniffed: 'text', words: 'plain text' },
  { type: 'text/csv', extensions: ['csv'], sniffed: 'text', words: 'a CSV file' },
  { type: 'message/rfc822', extensions: ['eml'], sniffed: 'text', words: 'an email' },
  { type: 'application/rtf', extensions: ['rtf'], sniffed: ['application/rtf'], words: 'an RTF document' },
  { type: 'application/msword', extensions: ['doc'], sniffed: CFB, words: 'a Word document' },
  { type: 'application/vnd.ms-excel', extensions: ['xls'], sniffed: CFB, words: 'an Excel workbook' },
  {
    type: 'application/vnd.ms-powerpoint',
    extensions: ['ppt'],
    sniffed: CFB,
    words: 'a PowerPoint presentation',
  },
  ...(
    [
      ['wordprocessingml.document', 'docx', 'a Word document'],
      ['spreadsheetml.sheet', 'xlsx', 'an Excel workbook'],
      ['presentationml.presentation', 'pptx', 'a PowerPoint presentation'],
    ] as const
  ).map(([suffix, extension, words]) => ({
    type: `${OOXML}.${suffix}`,
    extensions: [extension],
    sniffed: [`${OOXML}.${suffix}`, 'application/zip'],
    words,
  })),
  ...(
    [
      ['text', 'odt', 'an OpenDocument text'],
      ['spreadsheet', 'ods', 'an OpenDocument spreadsheet'],
      ['presentation', 'odp', 'an OpenDocument presentation'],
    ] as const
  ).map(([suffix, extension, words]) => ({
    type: `${ODF}.${suffix}`,
    extensions: [extension],
    sniffed: [`${ODF}.${suffix}`, 'application/zip'],
    words,
  })),
];

/** The extensions a file picker may offer (`.pdf,.png,…`). */
export const ATTACHMENT_EXTENSIONS: readonly string[] = ATTACHMENT_KINDS.flatMap((k) =>
  k.extensions.map((e) => `.${e}`),
);

/** Content types that say nothing about the file: the extension decides what is claimed. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** A file's extension, lower case, or '' when its name has none. */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

/** The kind a content type names, or undefined when it is not one we keep. */
export function kindOfType(contentType: string): AttachmentKind | undefined {
  const type = contentType.toLowerCase().split(';')[0]?.trim() ?? '';
  return ATTACHMENT_KINDS.find((k) => k.type === type || k.aliases?.includes(type));
}

/** The size in words: `6.2 MB`, `340 KB`. */
export function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export type Claim = { ok: true; kind: AttachmentKind } | { ok: false; reason: string };

/**
 * What a file claims to be, from its content type (or, when that is generic or missing, its extension),
 * checked against the types we keep, its extension and the size limit — everything but its bytes. The
 * reason is in plain words, for a customer or for the note on an email.
 */
export function claimedKind(file: { filename: string; contentType: string; sizeBytes: number }): Claim {
  const declared = file.contentType.toLowerCase().split(';')[0]?.trim() ?? '';
  const extension = extensionOf(file.filename);
  const kind = GENERIC_TYPES.has(declared)
    ? ATTACHMENT_KINDS.find((k) => k.extensions.includes(extension))
    : kindOfType(declared);
  if (!kind) {
    return {
      ok: false,
      reason: GENERIC_TYPES.has(declared)
        ? `is not a type of file we accept${extension ? ` (.${extension})` : ''}`
        : `is not a type of file we accept (${declared})`,
    };
  }
  if (extension && !kind.extensions.includes(extension)) {
    return { ok: false, reason: `is named .${extension} but sent as ${kind.words}` };
  }
  if (file.sizeBytes > MAX_ATTACHMENT_BYTES) {
    return {
      ok: false,
      reason: `is ${sizeInWords(file.sizeBytes)}: each file can be at most ${sizeInWords(MAX_ATTACHMENT_BYTES)}`,
    };
  }
  if (file.sizeBytes === 0) return { ok: false, reason: 'is empty' };
  return { ok: true, kind };
}
