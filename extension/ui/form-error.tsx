/** A form's last error, announced to screen readers; nothing while there is none. */
export function FormError({ error, testId }: { error: string | null; testId?: string }) {
  if (!error) return null
  return (
    <p class="error" role="alert" data-testid={testId}>
      {error}
    </p>
  )
}
