/**
 * The Buildertrend session as a cookie jar (docs/vendors/buildertrend.md §16.3): every public client that works sends
 * the web app's cookies (`.AspNet.Auth0`, `ASP.NET_SessionId`, …), filled from each answer's `Set-Cookie` and, after the
 * mobile-style login, from `data.mobileCookies`. Names only, no domains or paths: the jar is only ever sent to the
 * app host (auth.ts decides which answers may fill it). The values are credentials: never logged, never stored.
 * @module
 */

export class CookieJar {
  private readonly cookies = new Map<string, string>()

  get size() {
    return this.cookies.size
  }

  has(name: string) {
    return this.cookies.has(name)
  }

  set(name: string, value: string) {
    if (!name) return
    if (value === '') this.cookies.delete(name)
    else this.cookies.set(name, value)
  }

  /**
   * Takes every `Set-Cookie` of an answer. A cookie set empty, with `Max-Age` ≤ 0 or an `Expires` in the past is the
   * server ending it: it leaves the jar.
   */
  absorb(res: Response, now = Date.now()) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const at = pair.indexOf('=')
      if (at <= 0) continue
      const name = pair.slice(0, at).trim()
      const value = pair.slice(at + 1).trim()
      const attr = (key: string) => attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1)
      const maxAge = attr('max-age')
      const expires = attr('expires')
      const ended = (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= now)
      this.set(name, ended ? '' : value)
    }
  }

  /** Name and value of every cookie held (the browser transport copies them into its browser context). */
  entries(): [string, string][] {
    return [...this.cookies]
  }

  /** The `Cookie` request header, or null when the jar is empty. */
  header(): string | null {
    return this.cookies.size ? [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') : null
  }
}
