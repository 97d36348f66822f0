import { describe } from 'vitest'
import { fuzzGroup } from './fuzz/fuzz-group-test'

describe('API fuzz: statements-and-jobs', () => fuzzGroup('statements-and-jobs'))
