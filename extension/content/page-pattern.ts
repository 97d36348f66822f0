/**
 * A page's route pattern for diagnostics (#15): the URL's path with every segment that is not a plain route word
 * replaced by `:id`, and nothing else: no host, query string, fragment or page text. It satisfies the backend's
 * `PagePattern` grammar (shared/api/diagnostics.ts), which refuses anything that could carry more.
 * @module
 */
import { PAGE_PATTERN_MAX_LENGTH, PAGE_PATTERN_MAX_SEGMENTS } from '../../shared/api/diagnostics-limits'

/** A route word as the backend accepts it: a letter first, up to 40 characters, no run of three digits. */
const ROUTE_WORD = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/
const DIGIT_RUN = /\d{3}/
/** Letter-first tokens that are still ids: hex strings (GUIDs without dashes) and mixed tokens like `a7f3k9x2`. */
const HEXISH = /^[0-9a-f]{8,}$/i
const MIXED_TOKEN = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{8,}$/

function segmentPattern(raw: string): string {
  let segment: string
  try {
    segment = decodeURIComponent(raw)
  } catch {
    return ':id'
  }
  if (!ROUTE_WORD.test(segment) || DIGIT_RUN.test(segment) || HEXISH.test(segment) || MIXED_TOKEN.test(segment)) return ':id'
  return segment
}

/** `https://cloud.youraspire.com/app/work-tickets/details/10452?tab=time#x` → `/app/work-tickets/details/:id`. */
export function pagePatternOf(url: URL): string {
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .slice(0, PAGE_PATTERN_MAX_SEGMENTS)
    .map(segmentPattern)
  let pattern = `/${segments.join('/')}`
  // Within the length limit by dropping trailing segments: the start of a route says the most about the screen.
  while (pattern.length > PAGE_PATTERN_MAX_LENGTH && segments.length) {
    segments.pop()
    pattern = `/${segments.join('/')}`
  }
  return pattern
}
