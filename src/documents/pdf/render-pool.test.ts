import { afterAll, describe, expect, it } from 'vitest';
import { LETTER_KINDS, renderLetter } from '../letters/index.ts';
import { FACTS, letter } from '../letters/test-support.ts';
import { startRenderPool } from './render-pool.ts';

// Threads start by loading the renderer and its fonts: seconds on a loaded machine, before the first letter.
describe('the letter render pool', { timeout: 60_000 }, () => {
  const pool = startRenderPool({ threads: 2 });
  afterAll(() => pool.close());

  it.each(LETTER_KINDS)('renders the %s letter byte for byte as this thread does', async (kind) => {
    for (const largePrint of [false, true]) {
      const input = { ...letter, largePrint, facts: FACTS[kind] };
      const [inThread, inPool] = await Promise.all([renderLetter(input), pool.render(input)]);
      expect(Buffer.isBuffer(inPool.pdf)).toBe(true);
      expect(inPool.pdf.equals(inThread.pdf)).toBe(true);
      expect(inPool).toEqual(inThread);
    }
  });

  it('renders many letters at once, each its own', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Customer ${i}`);
    const rendered = await Promise.all(
      names.map((name) =>
        pool.render({ ...letter, customer: { ...letter.customer, name }, facts: FACTS.acknowledgement }),
      ),
    );
    rendered.forEach((one, i) => {
      expect(one.text).toContain(`Dear ${names[i]},`);
    });
  });

  it('passes a rendering error back to the caller', async () => {
    const broken = { ...letter, facts: { kind: 'no-such-letter' } } as never;
    await expect(pool.render(broken)).rejects.toThrow();
  });
});
