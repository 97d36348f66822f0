/**
 * Matches a job name against an exclusion name pattern such as `TEST*` (docs/domain/propay.md §4.1). `*` stands for any
 * run of characters (including none); everything else is literal. Matching ignores case, since patterns are typed by
 * people and vendor names vary in capitalisation.
 */
export function matchesNamePattern(name: string, pattern: string): boolean {
  const source = pattern
    .split('*')
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`, 'is').test(name)
}
