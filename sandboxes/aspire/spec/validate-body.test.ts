import { describe, expect, it } from 'vitest'
import { ApiError } from '../api-error'
import { validateBody } from './validate-body'

const TIME = 'AspireCloud.ExternalApi.WorkTicketTimes.Model.WorkTicketTimeInsertRequest'

const errorsOf = (body: unknown) => {
  try {
    validateBody(TIME, body)
  } catch (err) {
    if (err instanceof ApiError) return err.errors
    throw err
  }
  throw new Error('expected a validation error')
}

describe('validateBody', () => {
  it('should return the declared fields with date-times normalised and unknown keys dropped', () => {
    expect(validateBody(TIME, { ContactID: 5, WorkTicketID: 7, StartTime: '2026-11-17T07:00', EndTime: '2026-11-17T08:00:00Z', Extra: 1 })).toEqual({
      ContactID: 5,
      WorkTicketID: 7,
      StartTime: '2026-11-17T07:00:00',
      EndTime: '2026-11-17T08:00:00',
      StartLatitude: null,
      StartLongitude: null,
      RouteID: null,
      CrewLeaderContactID: null,
      EndLatitude: null,
      EndLongitude: null,
    })
  })

  it('should require required fields and apply minimums to defaulted ints', () => {
    expect(errorsOf({ WorkTicketID: 7, EndTime: '2026-11-17T08:00:00' })).toEqual({
      ContactID: ['The field ContactID must be between 1 and 2147483647.'],
      StartTime: ['The StartTime field is required.'],
    })
  })

  it('should reject wrong JSON types and bad dates', () => {
    expect(errorsOf({ ContactID: '5', WorkTicketID: 1.5, StartTime: 'soon', EndTime: '2026-11-17T08:00:00' })).toEqual({
      ContactID: ['The JSON value could not be converted to System.Int32. Path: $.ContactID'],
      WorkTicketID: ['The JSON value could not be converted to System.Int32. Path: $.WorkTicketID'],
      StartTime: ['The JSON value could not be converted to System.DateTime. Path: $.StartTime'],
    })
  })

  it('should reject a body that is not an object', () => {
    expect(errorsOf([1, 2])).toHaveProperty('')
    expect(errorsOf(undefined)).toHaveProperty('')
  })
})
