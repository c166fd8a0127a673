// The thread that estimates a password's strength (see password-strength.ts). Plain JavaScript importing
// only packages, so that it starts the same under tsx and from the bundle. The dictionaries load once, when
// the thread starts (about 0.3 s); each estimate then takes 20–250 ms of CPU, up to ~0.5 s for a patterned
// one (docs/PERFORMANCE.md): too long for the thread that serves every request.
import { parentPort } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/**
 * Characters estimated: a longer password is judged by its first 32, which bounds the time one takes (a
 * patterned password of 1,024 characters took 1.3–1.9 s at 64, 0.45 s at 32). 32 characters of a passphrase
 * are plenty to tell a strong one.
 */
const MAX_LENGTH = 32;

const zxcvbn = new ZxcvbnFactory({
  maxLength: MAX_LENGTH,
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
});

parentPort?.on('message', async ({ id, password, userInputs }) => {
  try {
    const result = await zxcvbn.checkAsync(password, userInputs);
    parentPort?.postMessage({
      id,
      strength: {
        score: result.score,
        warning: result.feedback.warning ?? null,
        suggestions: result.feedback.suggestions,
      },
    });
  } catch (error) {
    parentPort?.postMessage({ id, error: String(error) });
  }
});
