/**
 * Hostile inputs for the API fuzzer: strings (huge, unicode edge cases, SQL-ish, impossible dates, numbers in
 * words), numbers JSON cannot carry, wrong types, deep nesting, prototype keys.
 * @module
 */
import fc from 'fast-check'
import { deepNesting, RawJson } from './json-text'

const SQLISH = [
  "'; DROP TABLE users;--",
  '1 OR 1=1',
  "' OR '1'='1",
  '" OR ""="',
  "admin'--",
  '1; SELECT * FROM sessions',
  "1)); DELETE FROM propays;--",
  "%' --",
  'NULL',
  "x' UNION SELECT token_hash FROM sessions--",
  '\\',
  "'",
]

const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '0000-00-00',
  '99999-12-31',
  '2026-13-01T25:61:00Z',
  '2026-02-29',
  '2026-00-10',
  '2026-06-31',
  '2026-06-12T24:00:00Z',
  '2026-06-12T07:00:00+25:00',
  '2026-06-12T07:00:00.0000000001Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '2026-6-1',
  '2026-06-12 07:00',
  'tomorrow',
  '',
  // Real dates at the far edges, which every date check accepts.
  '0000-01-01',
  '0001-01-01',
  '1900-02-28',
  '9999-12-31',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2026-06-12T07:00:00+14:00',
  '2026-06-12T07:00:00-12:00',
]

const NUMBERS_IN_WORDS = ['NaN', 'Infinity', '-Infinity', '1e999', '-1', '-0', '0', '1.5', '9007199254740993', '1e-400', '0x1F', '1_000', ' 1', '1 ', '٣', '१२']

const UNICODE = [
  '😀🏳️‍🌈👩‍👩‍👧‍👦',
  '\u202Egnp.exe',
  'nul\u0000byte',
  '\u0000',
  '\uD800',
  '\uDFFF',
  'a\uD83Db',
  '\uFEFFbom',
  '\u200B\u200C\u200D',
  'e\u0301\u0301\u0301\u0301',
  'ﷺ'.repeat(50),
  'Ω≈ç√∫',
  '\r\n\t\v\f',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '../../../etc/passwd',
  '%00%2e%2e%2f',
  'ST-0',
  'ST-999999999',
  '__proto__',
  'constructor',
]

const ID_LIKE = ['1', '0', '-1', ' ', 'null', 'undefined', 'true', '[]', '{}', '00000000-0000-0000-0000-000000000000']

const HUGE_SIZES = [10_000, 100_000, 1_000_000]

/** Hostile strings, short ones common and huge ones rare. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SQLISH, ...IMPOSSIBLE_DATES, ...NUMBERS_IN_WORDS, ...UNICODE, ...ID_LIKE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', '\u0000', '\u202E', 'a', '😀'), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_SIZES).chain((n) => fc.constantFrom('a', '😀', '\u0000', "'").map((unit) => unit.repeat(Math.ceil(n / unit.length)))) },
)

/** Numbers JSON carries, at their edges. */
const edgeNumber = fc.constantFrom(-1, 0, -0, 1.5, -1e308, 1e308, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 2 ** 31, -(2 ** 31) - 1, 1e21)

/** Tokens that are not JSON, or JSON no schema expects, written into the body text as they are. */
const rawToken = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999999', '-0', '0x10', '01', '.5', '+1', 'undefined', "'single'", '"raw\u0000nul"', '"bad \\x escape"', '"\\ud800"'),
  fc.tuple(fc.constantFrom(100, 1000, 5000), fc.constantFrom('array' as const, 'object' as const)).map(([depth, kind]) => deepNesting(depth, kind).text),
).map((text) => new RawJson(text))

/** A value of the wrong shape: any JSON type, prototype keys, nesting. */
const wrongShape: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [null], { __proto__: { admin: true } }, JSON.parse('{"__proto__":{"polluted":1}}'), { constructor: { prototype: { polluted: 1 } } }),
  fc.jsonValue({ maxDepth: 3 }),
)

/** Any hostile value for a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: edgeNumber },
  { weight: 2, arbitrary: rawToken },
  { weight: 2, arbitrary: wrongShape },
)

/** A whole request body that is hostile from the top: wrong JSON type, deep nesting, or not JSON at all. */
export const hostileBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'null', 'true', '[]', '"text"', '42', 'NaN', 'Infinity', '-Infinity', '1e999999', '{', '{"a":', '{"a":1,}', "{'a':1}", '{"a":1}{"b":2}', '\u0000', '\uFEFF{}', '{"a":"\uD800"}', 'undefined'),
  fc.tuple(fc.constantFrom(100, 1000, 10_000), fc.constantFrom('array' as const, 'object' as const)).map(([depth, kind]) => deepNesting(depth, kind).text),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  hostileString.map((s) => s),
)

/** Content-Type headers that are not JSON, or are JSON spelled oddly (which must still work or be refused cleanly). */
export const contentTypes = fc.constantFrom(
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonx',
  'json',
  '',
  ' application/json',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/json;;',
)

/** Authorization headers that are not a valid bearer token. */
export const badAuthorization = fc.constantFrom(
  undefined,
  '',
  'Bearer',
  'Bearer ',
  'Bearer  ',
  'bearer pvc_x',
  'Basic YWRtaW46YWRtaW4=',
  'Bearer pvc_' + 'A'.repeat(10_000),
  "Bearer ' OR 1=1 --",
  'Bearer null',
  'Token abc',
  'Bearer a b',
)
