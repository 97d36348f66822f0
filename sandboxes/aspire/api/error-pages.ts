/** HTML error pages like those an upstream proxy or IIS serves instead of JSON. */

const TITLES: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

export const htmlErrorPage = (status: number) => {
  const title = `${status} ${TITLES[status] ?? 'Error'}`
  return `<!DOCTYPE html>
<html><head><title>${title}</title></head>
<body><h1>${title}</h1><p>The service is temporarily unable to handle your request. Please try again later.</p></body></html>
`
}
