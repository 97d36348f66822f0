import { describe } from 'vitest'
import { fuzzGroup } from './fuzz/fuzz-group-test'

describe('API fuzz: time-and-materials', () => fuzzGroup('time-and-materials'))
