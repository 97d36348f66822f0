import { describe } from 'vitest'
import { fuzzGroup } from '../../tools/security/fuzz/fuzz-group-test'

describe('API fuzz: propays', () => fuzzGroup('propays'))
