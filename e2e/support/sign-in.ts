import type { BrowserContext } from 'playwright-core'

/** Signs the extension in the way a person does: through its options page. */
export async function signInThroughOptions(context: BrowserContext, extensionId: string, apiUrl: string, email: string, password: string) {
  const page = await context.newPage()
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.fill('#api', apiUrl)
  await page.fill('#email', email)
  await page.fill('#password', password)
  await page.click('button[type=submit]')
  await page.locator('[data-testid=signed-in]').waitFor()
  await page.close()
}

/** A bearer token for calling the API directly, to compare what the panel shows with what the API says. */
export async function apiToken(apiUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}
