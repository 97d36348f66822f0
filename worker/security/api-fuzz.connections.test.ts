import { describe } from 'vitest'
import { fuzzGroup } from './fuzz/fuzz-group-test'

describe('API fuzz: connections', () => fuzzGroup('connections'))
