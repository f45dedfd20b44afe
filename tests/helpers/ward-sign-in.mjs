// Signing a ward tablet in through the sign-in screen, as a nurse does: any ward, by its code
// and PIN. Plain JavaScript (types in ward-sign-in.d.mts) so tests and benchmarks share it.

/** Opens the sign-in screen, then signs in (submitSignIn). */
export async function signInWard(page, ward) {
  await page.goto('/sign-in');
  await submitSignIn(page, ward);
}

/** On the sign-in screen already: types the ward code and PIN, signs in, and waits for the ward's visit list. */
export async function submitSignIn(page, ward) {
  await page.getByLabel('Ward code').fill(ward.wardCode);
  await page.getByLabel('PIN').fill(ward.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: ward.wardName }).waitFor();
}
