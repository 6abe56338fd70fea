// The failure state of the two account forms (new account, change an account): the server's field
// details under the account labels, with the form's own sentence when any field is named.
import { asApiError } from '../../api.ts';
import { serverFieldErrors } from '../../components/form-errors.ts';
import { useFormFailure } from '../../components/forms/use-form-failure.ts';
import { LABELS, withFieldPaths } from './model.ts';

/** `notSaved` is the summary's sentence when the server named fields; otherwise its own sentence is shown. */
export function useAccountFailure(notSaved: string) {
  const failure = useFormFailure();
  return {
    ...failure,
    refuse(e: unknown) {
      const error = withFieldPaths(asApiError(e));
      const fields = serverFieldErrors(error, LABELS);
      failure.fail(fields, Object.keys(fields).length ? notSaved : error.message);
    },
  };
}
