import { describe, expect, it } from 'vitest'
import { ODataError } from '../../shared/odata/odata-error'
import { parseQueryOptions } from './query-options'

describe('parseQueryOptions', () => {
  it('should read every supported option', () => {
    expect(
      parseQueryOptions('?$filter=A%20eq%201&$select=A,B&$orderby=A%20desc&$top=5&$skip=10&$pageNumber=2&$limit=100&$expand=X&api-version=1.0'),
    ).toEqual({ filter: 'A eq 1', select: 'A,B', orderby: 'A desc', top: 5, skip: 10, pageNumber: 2, limit: 100, expand: 'X', apiVersion: '1.0' })
  })

  it('should reject an option given twice', () => {
    expect(() => parseQueryOptions('$filter=A eq 1&$filter=B eq 2')).toThrow(/specified more than once/)
    expect(() => parseQueryOptions('$limit=10&$limit=10')).toThrow(ODataError)
  })

  it('should reject undocumented $-options but ignore other parameters', () => {
    expect(() => parseQueryOptions('$count=true')).toThrow(/'\$count' is not supported/)
    expect(parseQueryOptions('cacheBuster=1')).toEqual({})
  })

  it('should reject non-numeric or out-of-range paging values', () => {
    for (const query of ['$top=-1', '$top=abc', '$pageNumber=0', '$limit=0', '$skip=1.5']) {
      expect(() => parseQueryOptions(query), query).toThrow(ODataError)
    }
    expect(parseQueryOptions('$top=0&$skip=0')).toEqual({ top: 0, skip: 0 })
  })
})
