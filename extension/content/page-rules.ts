/**
 * Page detection as data, for vendor adapters whose screens are told apart by URL first and content second
 * (Buildertrend, ExakTime). Pure: give it any URL and document (a fixture in tests, the live page in the
 * content script). Page text is read with `textContent` only and capped, so it is only ever shown as text.
 * @module
 */

/** An element, optionally with text matching a pattern (CSS cannot match text). */
export interface ContentProbe {
  selector: string
  text?: RegExp
}

export interface ScreenRule<K extends string> {
  kind: K
  /** Matched against the URL's pathname; group 1, when present, is the record's id. */
  path: RegExp
  /** Identifies the screen by its content when the URL is not one we know. */
  probe: ContentProbe
  /** The element whose text the panel shows (e.g. the job's name). */
  title?: string
}

export interface DetectedScreen<K extends string> {
  kind: K | 'other'
  id: string | null
  title: string | null
}

export function probeMatches(root: ParentNode, probe: ContentProbe): Element[] {
  return [...root.querySelectorAll(probe.selector)].filter((el) => !probe.text || probe.text.test(el.textContent ?? ''))
}

/** The element's text with whitespace collapsed, at most 120 characters; null when empty or missing. */
export function cleanText(el: Element | null): string | null {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim()
  return text ? text.slice(0, 120) : null
}

export function detectScreen<K extends string>(rules: readonly ScreenRule<K>[], url: URL, doc: Document): DetectedScreen<K> {
  const read = (rule: ScreenRule<K>, id: string | null): DetectedScreen<K> => ({ kind: rule.kind, id, title: rule.title ? cleanText(doc.querySelector(rule.title)) : null })
  const byUrl = rules.find((rule) => rule.path.test(url.pathname))
  if (byUrl) return read(byUrl, byUrl.path.exec(url.pathname)?.[1] ?? null)
  const byContent = rules.find((rule) => probeMatches(doc, rule.probe).length > 0)
  return byContent ? read(byContent, null) : { kind: 'other', id: null, title: null }
}

/** Same key, same screen: a query string changing does not remount the panel. */
export function screenKey<K extends string>(rules: readonly ScreenRule<K>[], url: URL): string {
  const rule = rules.find((r) => r.path.test(url.pathname))
  return rule ? `${rule.kind}:${rule.path.exec(url.pathname)?.[1] ?? ''}` : `route:${url.pathname}`
}
