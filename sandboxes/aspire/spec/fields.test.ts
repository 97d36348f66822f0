import { describe, expect, it } from 'vitest'
import { blankRecord, fieldsOf } from './fields'

const WORK_TICKET = 'AspireCloud.Domain.Tenant.WorkTickets.ODataModel.WorkTicket'

describe('fieldsOf', () => {
  it('should read names and kinds in document order', () => {
    const fields = fieldsOf(WORK_TICKET)
    expect(fields[0]).toEqual({ name: 'WorkTicketID', kind: 'int', nullable: false })
    expect(fields.find((field) => field.name === 'LastModifiedDateTime')).toMatchObject({ kind: 'datetime', nullable: true })
    expect(fields.find((field) => field.name === 'WorkTicketStatus')).toMatchObject({ kind: 'string', maxLength: 20 })
    expect(fields.find((field) => field.name === 'WorkTicketRevenues')?.kind).toBe('complex')
  })

  it('should throw for a schema that is not in the document', () => {
    expect(() => fieldsOf('Nope')).toThrow(/not in the Aspire OpenAPI document/)
  })
})

describe('blankRecord', () => {
  it('should hold every key: null where nullable, a zero value where not', () => {
    const row = blankRecord(WORK_TICKET)
    expect(Object.keys(row)).toEqual(fieldsOf(WORK_TICKET).map((field) => field.name))
    expect(row).toMatchObject({ WorkTicketID: 0, Notes: null, HoursScheduled: 0, SubPartialOccurrence: 0 })
  })
})
