export type Option = { value: string; label: string };

/** `{ value, label }` options of a label map, for NativeSelect. */
export const optionsOf = <K extends string>(labels: { [k in K]: string }) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/**
 * Options sorted by label, plus any selected id the loaded lists do not name (shown as the
 * id), so saving a form never drops a member or a release it could not name.
 */
export function withSelected(options: Option[], selected: readonly string[]): Option[] {
  const known = new Set(options.map((o) => o.value));
  return [
    ...options,
    ...selected.filter((id) => !known.has(id)).map((id) => ({ value: id, label: id })),
  ].sort((a, b) => a.label.localeCompare(b.label));
}
