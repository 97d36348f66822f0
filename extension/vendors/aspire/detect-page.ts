/**
 * Which Aspire screen a document shows, from its URL first and its content second. Pure: give it any URL
 * and document (a fixture in tests, the live page in the content script).
 * @module
 */
import type { AspirePage } from './page-kind'
import { type ContentProbe, type PageRule, aspirePageRules } from './selectors'

/** The app's route: the path, or the path plus a `#/…` hash route should Aspire use one. */
export function routePath(url: URL): string {
  return url.hash.startsWith('#/') ? url.pathname.replace(/\/$/, '') + url.hash.slice(1).split('?')[0] : url.pathname
}

/** Every element matching the probe's selector and, if given, its text pattern. */
export function probeMatches(root: ParentNode, probe: ContentProbe): Element[] {
  return [...root.querySelectorAll(probe.selector)].filter((el) => !probe.text || probe.text.test(el.textContent ?? ''))
}

const cleanText = (el: Element | null) => {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim()
  return text ? text.slice(0, 120) : null
}

function readScreen(rule: PageRule, urlId: string | null, doc: Document): AspirePage {
  const probe = probeMatches(doc, rule.probe)[0] ?? null
  const pageId = probe && rule.idInProbeText ? (rule.idInProbeText.exec(probe.textContent ?? '')?.[1] ?? null) : null
  // During SPA navigation the previous screen is still in the DOM: an id on the page must be the URL's.
  const rendered = probe !== null && (urlId === null || pageId === null || pageId === urlId)
  return {
    kind: rule.kind,
    id: urlId ?? pageId,
    title: rendered && rule.title ? cleanText(doc.querySelector(rule.title)) : null,
    rendered,
  }
}

const ruleForUrl = (url: URL) => aspirePageRules.find((rule) => rule.path.test(routePath(url)))

export function detectAspirePage(url: URL, doc: Document): AspirePage {
  const rule = ruleForUrl(url)
  if (rule) return readScreen(rule, rule.path.exec(routePath(url))?.[1] ?? null, doc)
  // A route we don't know: the content may still show a screen we do.
  for (const candidate of aspirePageRules) {
    const page = readScreen(candidate, null, doc)
    if (page.rendered) return page
  }
  return { kind: 'other', id: null, title: null, rendered: true }
}

/** Same key, same page: a list filter changing the query string does not remount the panel. */
export function aspirePageKey(url: URL): string {
  const rule = ruleForUrl(url)
  return rule ? `${rule.kind}:${rule.path.exec(routePath(url))?.[1] ?? ''}` : `route:${routePath(url)}`
}
