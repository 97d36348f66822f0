import { describe } from 'vitest'
import { fuzzGroup } from '../../tools/security/fuzz/fuzz-group-test'

describe('API fuzz: time-and-materials', () => fuzzGroup('time-and-materials'))
