import { describe, expect, it } from 'vitest'
import { aspirePageActions } from '../vendors/aspire/selectors'
import { buildertrendPageActions } from '../vendors/buildertrend/selectors'
import { exaktimePageActions } from '../vendors/exaktime/selectors'
import { classifyClick, matchPageAction, watchPageActions } from './watch-page-actions'

function page(html: string) {
  document.body.innerHTML = html
  return document.body
}

describe('matchPageAction', () => {
  it("should recognise Aspire's Complete on a work ticket, from the button or anything inside it", () => {
    const body = page('<button type="button"><span class="icon"></span> Complete </button><button>Mark as complete</button>')
    const [complete, mark] = body.querySelectorAll('button')
    expect(matchPageAction(aspirePageActions, complete!.querySelector('span'), '/app/work-tickets/10452')).toBe('work_ticket_completed')
    expect(matchPageAction(aspirePageActions, mark!, '/app/work-tickets/details/10452')).toBe('work_ticket_completed')
    // The same word on a screen where it means nothing to us.
    expect(matchPageAction(aspirePageActions, complete!, '/app/opportunities/details/2201')).toBeNull()
  })

  it('should take the aria-label or an input button value as the text, and ignore what is not a control', () => {
    const body = page('<div role="button" aria-label="Approve time"><svg></svg></div><input type="submit" value="Save"><p>Complete</p>')
    expect(matchPageAction(aspirePageActions, body.querySelector('[role=button] svg'), '/app/time')).toBe('time_changed')
    expect(matchPageAction(aspirePageActions, body.querySelector('input'), '/app/work-tickets/1')).toBe('time_changed')
    expect(matchPageAction(aspirePageActions, body.querySelector('p'), '/app/work-tickets/1')).toBeNull()
    expect(matchPageAction(aspirePageActions, null, '/app/work-tickets/1')).toBeNull()
  })

  it('should know a shift saved on the Buildertrend Time Clock and time approved in ExakTime, and not a Save elsewhere', () => {
    const save = page('<button>Save</button>').querySelector('button')
    expect(matchPageAction(buildertrendPageActions, save, '/app/TimeClock')).toBe('shift_changed')
    expect(matchPageAction(buildertrendPageActions, save, '/app/JobPage/42')).toBeNull()
    const approve = page('<button>Approve Selected</button>').querySelector('button')
    expect(matchPageAction(exaktimePageActions, approve, '/app/timecards')).toBe('time_approved')
    expect(matchPageAction(exaktimePageActions, save, '/app/timecards')).toBeNull()
  })
})

describe('classifyClick', () => {
  it("should tell wording near a watched action's (a selector miss) from the action and from other clicks", () => {
    const body = page('<button>Completed</button><button>Complete</button><button>Approve all time cards for payroll</button><button>Print</button>')
    const [completed, complete, approveAll, print] = body.querySelectorAll('button')
    expect(classifyClick(aspirePageActions, completed!, '/app/work-tickets/10452')).toEqual({ action: null, near: 'work_ticket_completed' })
    expect(classifyClick(aspirePageActions, complete!, '/app/work-tickets/10452')).toEqual({ action: 'work_ticket_completed', near: null })
    expect(classifyClick(aspirePageActions, print!, '/app/work-tickets/10452')).toEqual({ action: null, near: null })
    // Near only where the rule applies: the same word on a screen where it means nothing to us is no miss.
    expect(classifyClick(aspirePageActions, completed!, '/app/opportunities/details/2201')).toEqual({ action: null, near: null })
    expect(classifyClick(exaktimePageActions, approveAll!, '/app/timecards')).toEqual({ action: null, near: 'time_approved' })
    expect(classifyClick(buildertrendPageActions, page('<button>Clock Out All</button>').querySelector('button'), '/app/TimeClock')).toEqual({ action: null, near: 'shift_changed' })
  })
})

describe('watchPageActions', () => {
  it("should not count a page script's synthetic click as a person's action", async () => {
    page('<button>Complete</button>')
    const seen: string[] = []
    const stop = new AbortController()
    watchPageActions({ doc: document, signal: stop.signal, rules: aspirePageActions, onAction: (a) => seen.push(a), delayMs: 0 })
    // happy-dom's dispatched events are untrusted, like a page script's `button.click()`.
    document.querySelector('button')!.click()
    await new Promise((r) => setTimeout(r, 20))
    expect(seen).toEqual([])
    stop.abort()
  })
})
