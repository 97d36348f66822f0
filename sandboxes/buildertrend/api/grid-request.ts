/**
 * Reads a Buildertrend grid body (docs/vendors/buildertrend.md §4): `filters` only as a JSON string keyed by numeric
 * filter ids, `pagingData.pageNumber` as a string, `jobIds` numbers, numeric column ids in `sortColumn` and
 * `selectedColumns` (§16.7). The date filter lives under key "12". Pages follow `pageNumber`; `firstRow` (1-based in
 * public code) is not needed to page and is not checked.
 * @module
 */

export const ALL_TIME = 2147483647

export interface GridRequest {
  page: number
  pageSize: number
  jobIds: number[]
  includeGeneral: boolean
  /** Inclusive `YYYY-MM-DD` bounds; null = all time. */
  range: { start: string | null; end: string | null } | null
  sortColumn: string | null
  descending: boolean
}

export class GridError extends Error {}

const COLUMN_ID = /^\d+$/

function dateFilter(filters: Record<string, unknown>): GridRequest['range'] {
  const raw = filters['12']
  if (raw === undefined || raw === null || raw === '') return null
  const value = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { SelectedValue?: number; StartDate?: string | null; EndDate?: string | null }
  if (value.SelectedValue === ALL_TIME) return null
  return { start: value.StartDate ? value.StartDate.slice(0, 10) : null, end: value.EndDate ? value.EndDate.slice(0, 10) : null }
}

export function readGridRequest(body: Record<string, unknown>): GridRequest {
  if (typeof body.filters !== 'string') throw new GridError('filters must be a JSON-encoded string.')
  let filters: Record<string, unknown>
  try {
    filters = JSON.parse(body.filters) as Record<string, unknown>
  } catch {
    throw new GridError('filters is not valid JSON.')
  }
  const paging = (body.pagingData ?? {}) as { pageNumber?: string | number; pageSize?: number }
  const grid = (body.gridRequest ?? {}) as { sortColumn?: unknown; sortDirection?: string | number; selectedColumns?: unknown }
  // Column ids are numbers written as strings ('1', '40'; BOS-TC l.265–266). A name such as 'date' is no column id:
  // refused here (*assumed*; how the real grid answers one is unknown).
  const sortColumn = grid.sortColumn === undefined || grid.sortColumn === null || grid.sortColumn === '' ? null : String(grid.sortColumn)
  if (sortColumn !== null && !COLUMN_ID.test(sortColumn)) throw new GridError(`sortColumn must be a column id such as '1', not '${sortColumn.slice(0, 40)}'.`)
  if (grid.selectedColumns !== undefined && !(Array.isArray(grid.selectedColumns) && grid.selectedColumns.every((id) => COLUMN_ID.test(String(id))))) {
    throw new GridError('selectedColumns must be a list of column ids such as [\'1\', \'2\'].')
  }
  const jobIds = Array.isArray(body.jobIds) ? body.jobIds.map(Number).filter(Number.isFinite) : []
  return {
    page: Math.max(1, Number(paging.pageNumber ?? 1) || 1),
    pageSize: Math.min(1000, Math.max(1, Number(paging.pageSize ?? 50) || 50)),
    jobIds,
    includeGeneral: body.includeGeneralJobItems === true,
    range: dateFilter(filters),
    sortColumn,
    descending: grid.sortDirection === 'desc' || grid.sortDirection === 1,
  }
}

export function pageOf<T>(rows: T[], request: GridRequest) {
  const totalPages = Math.ceil(rows.length / request.pageSize)
  const start = (request.page - 1) * request.pageSize
  return { data: rows.slice(start, start + request.pageSize), records: rows.length, totalPages, page: request.page, pageSize: request.pageSize }
}
