/** Staff in the browser: a signed-in page per member of staff, and the dialogs every command opens. */
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, newContext } from './browser.ts';
import { PASSWORD, type WebApp } from './web-app.ts';

/** A page in its own browser profile, signed in through the sign-in form. */
export async function signIn(
  browser: Browser,
  app: WebApp,
  email: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<Page> {
  const page = await (await newContext(browser, viewport)).newPage();
  await page.goto(`${app.url}/staff/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/staff/queues/**');
  return page;
}

/** Opens a command's dialog with its button, lets `fill` complete the form, submits, and waits for it to close. */
export async function runCommand(
  page: Page,
  button: string | RegExp,
  submit: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {},
): Promise<void> {
  await page.getByRole('button', { name: button }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  // A command that writes to the customer shows what they will get before it can be confirmed.
  const preview = dialog.getByRole('button', { name: 'Preview what the customer gets' });
  if ((await preview.count()) > 0) {
    await preview.click();
    await dialog.getByRole('heading', { name: 'What the customer will get' }).waitFor();
  }
  await dialog.getByRole('button', { name: submit }).click();
  await dialog.waitFor({ state: 'detached' });
}
