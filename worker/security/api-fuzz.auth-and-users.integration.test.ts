import { describe } from 'vitest'
import { fuzzGroup } from '../../tools/security/fuzz/fuzz-group-test'

describe('API fuzz: auth-and-users', () => fuzzGroup('auth-and-users'))
