// The thread that estimates a password's strength (see password-strength.ts). Plain JavaScript importing
// only packages, so that it starts the same under tsx and from the bundle. The dictionaries load once, when
// the thread starts (about 0.3 s); each estimate then takes 5–200 ms of CPU, up to 0.6 s for a long
// patterned one: too long for the thread that serves every request.
import { parentPort } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** Characters estimated: a longer password is judged by its first 64, which bounds the time one takes. */
const MAX_LENGTH = 64;

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
