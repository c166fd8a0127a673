/**
 * What a customer's email address, telephone number and postcode must look like. The API validates with
 * these and the web app checks its forms with the very same patterns (it imports this module), so a form
 * never lets through what the API refuses, or refuses what the API takes.
 */

/** An email address: zod's own `z.email()` pattern, held here so that the web app can use it too. */
export const EMAIL_ADDRESS =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** A telephone number as people write it: digits, spaces, brackets and dashes, an optional leading `+`. */
export const TELEPHONE = /^\+?[0-9 ()-]{6,24}$/;

/** A UK postcode, any case, the space optional (`SW1A 1AA`, `sw1a1aa`). */
export const UK_POSTCODE = /^[A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2}$/;
