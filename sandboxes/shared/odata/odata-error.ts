/** A client error in an OData query option; the API answers 400 with its message. */
export class ODataError extends Error {
  override name = 'ODataError'
}

export const syntaxError = (position: number, text: string) => new ODataError(`Syntax error at position ${position} in '${text}'.`)
