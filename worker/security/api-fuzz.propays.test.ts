import { describe } from 'vitest'
import { fuzzGroup } from './fuzz/fuzz-group-test'

describe('API fuzz: propays', () => fuzzGroup('propays'))
