/**
 * REST paging as the public wrappers show it: `page` from 1, `page_size` 1–100 (default 50); answers
 * `{ data, page, page_size, total_count, next_page }` with `next_page` null on the last page. Arcoro's own
 * names are *unverified*.
 * @module
 */
import { badRequest } from '../errors'

export function paged<T>(items: T[], query: (name: string) => string | undefined) {
  const page = Number(query('page') ?? 1)
  const size = Number(query('page_size') ?? 50)
  if (!Number.isInteger(page) || page < 1) throw badRequest('page must be an integer from 1.')
  if (!Number.isInteger(size) || size < 1 || size > 100) throw badRequest('page_size must be an integer from 1 to 100.')
  const data = items.slice((page - 1) * size, page * size)
  return { data, page, page_size: size, total_count: items.length, next_page: page * size < items.length ? page + 1 : null }
}
