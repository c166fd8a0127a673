import { describe, expect, it } from 'vitest';
import { EXE, PDF, PNG } from '../../test/support/files.ts';
import { claimedKind, MAX_ATTACHMENT_BYTES } from './attachments.ts';
import { checkAttachment } from './sniff-attachment.ts';

const JPEG = Buffer.from([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0x00,
  0x10,
  0x4a,
  0x46,
  0x49,
  0x46,
  0x00,
  0x01,
  ...Array(64).fill(0),
]);

describe('checkAttachment', () => {
  it('keeps a PDF, a PNG, a JPEG and plain text whose bytes are what they claim', async () => {
    expect(
      await checkAttachment({ filename: 'bill.pdf', contentType: 'application/pdf', content: PDF }),
    ).toEqual({
      ok: true,
      kind: expect.objectContaining({ type: 'application/pdf' }),
    });
    const png = await checkAttachment({
      filename: 'Screen Shot.PNG',
      contentType: 'image/png',
      content: PNG,
    });
    expect(png.ok && png.kind.type).toBe('image/png');
    const jpeg = await checkAttachment({ filename: 'photo.jpeg', contentType: 'image/jpg', content: JPEG });
    expect(jpeg.ok && jpeg.kind.type).toBe('image/jpeg');
    const text = await checkAttachment({
      filename: 'notes.txt',
      contentType: 'text/plain; charset=utf-8',
      content: Buffer.from('Called on Monday, nobody answered.\r\nCafé closed.\n'),
    });
    expect(text.ok && text.kind.type).toBe('text/plain');
  });

  it('takes the type from the extension when the sender did not know it', async () => {
    const found = await checkAttachment({ filename: 'scan.png', contentType: '', content: PNG });
    expect(found.ok && found.kind.type).toBe('image/png');
    const stream = await checkAttachment({
      filename: 'a.pdf',
      contentType: 'application/octet-stream',
      content: PDF,
    });
    expect(stream.ok).toBe(true);
  });

  it('refuses an executable, whatever it is called or sent as', async () => {
    expect(await checkAttachment({ filename: 'photo.png', contentType: 'image/png', content: EXE })).toEqual({
      ok: false,
      reason: 'is not a PNG image: its content is a .exe file',
    });
    expect(await checkAttachment({ filename: 'notes.txt', contentType: 'text/plain', content: EXE })).toEqual(
      {
        ok: false,
        reason: 'is not plain text: its content is a .exe file',
      },
    );
    expect(
      await checkAttachment({ filename: 'setup.exe', contentType: 'application/x-msdownload', content: EXE }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/not a type of file we accept/) });
  });

  it('refuses bytes of another kept type, and a name that contradicts the type', async () => {
    expect(await checkAttachment({ filename: 'photo.jpg', contentType: 'image/jpeg', content: PNG })).toEqual(
      {
        ok: false,
        reason: 'is not a JPEG image: its content is a .png file',
      },
    );
    expect(
      await checkAttachment({ filename: 'bill.pdf.exe', contentType: 'application/pdf', content: PDF }),
    ).toEqual({ ok: false, reason: 'is named .exe but sent as a PDF' });
    expect(
      (
        await checkAttachment({
          filename: 'x.pdf',
          contentType: 'application/pdf',
          content: Buffer.from('hello'),
        })
      ).ok,
    ).toBe(false);
    const binaryText = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 32));
    expect(
      await checkAttachment({ filename: 'a.txt', contentType: 'text/plain', content: binaryText }),
    ).toEqual({
      ok: false,
      reason: 'is not plain text: its content is not text',
    });
  });

  it('refuses other types, empty files and files over the limit, saying the limit', () => {
    expect(claimedKind({ filename: 'page.html', contentType: 'text/html', sizeBytes: 10 })).toEqual({
      ok: false,
      reason: 'is not a type of file we accept (text/html)',
    });
    expect(claimedKind({ filename: 'a.pdf', contentType: 'application/pdf', sizeBytes: 0 })).toEqual({
      ok: false,
      reason: 'is empty',
    });
    expect(
      claimedKind({ filename: 'big.pdf', contentType: 'application/pdf', sizeBytes: 20 * 1024 * 1024 }),
    ).toEqual({ ok: false, reason: 'is 20.0 MB: each file can be at most 5.0 MB' });
    expect(
      claimedKind({ filename: 'ok.pdf', contentType: 'application/pdf', sizeBytes: MAX_ATTACHMENT_BYTES }).ok,
    ).toBe(true);
  });
});
